import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { ACTION_NAME, ACTION_VERSION } from '../src/version.js'
import { ROOT } from './support/run-action.js'

it('the User-Agent names the action and the version in package.json', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string }
  expect([ACTION_NAME, ACTION_VERSION]).toEqual([manifest.name, manifest.version])
})
