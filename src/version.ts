/** The action's name and version, sent in the User-Agent. Kept equal to package.json by a test. */
export const ACTION_NAME = 'opentok-archive-target-action'
export const ACTION_VERSION = '1.1.0'

/** The User-Agent of every request the action sends. */
export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`
