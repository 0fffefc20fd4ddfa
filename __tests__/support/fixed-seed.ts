/** For mutation runs: every fast-check property uses one fixed seed, so its verdict on a mutant is the same every time. */
import fc from 'fast-check'

fc.configureGlobal({ seed: 20261129 })
