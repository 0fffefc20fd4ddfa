/** The action's entry point. */
import { run } from './main.js'

// run() settles every outcome itself (the step's result, never a rejection), so nothing waits here.
void run()
