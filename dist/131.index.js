"use strict";
exports.id = 131;
exports.ids = [131];
exports.modules = {

/***/ 7131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ pullRequestOf),
/* harmony export */   b: () => (/* binding */ chooseBase),
/* harmony export */   pullRequestEventOf: () => (/* binding */ pullRequestEventOf)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _sources_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8986);
/**
 * The revision a plan compares with: the 'base' input, or, by default, the pull request's base
 * commit on `pull_request` events and the `before` commit on `push`. Read from the event payload
 * the runner writes at GITHUB_EVENT_PATH.
 */


const NO_COMMIT = /^0+$/;
function eventPayload(env) {
    if (!env.GITHUB_EVENT_PATH)
        return {};
    try {
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        return parsed !== null && typeof parsed === 'object' ? parsed : {};
    }
    catch {
        return {};
    }
}
function field(value, ...path) {
    let current = value;
    for (const key of path)
        current = current !== null && typeof current === 'object' ? current[key] : undefined;
    return current;
}
/** The events whose run is about a pull request, and so may run a branch's unreviewed file. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);
/** The pull request the run's event is about, if any (see PullRequestEvent). */
function pullRequestEventOf(env) {
    const event = env.GITHUB_EVENT_NAME ?? '';
    // Read only for the events that can be about a pull request: a push's payload is never parsed here.
    if (!PULL_REQUEST_EVENTS.has(event) && event !== 'issue_comment' && event !== 'workflow_run')
        return undefined;
    const payload = eventPayload(env);
    let pullRequest;
    if (PULL_REQUEST_EVENTS.has(event))
        pullRequest = field(payload, 'pull_request');
    else if (event === 'issue_comment') {
        const issue = field(payload, 'issue');
        if (field(issue, 'pull_request') === undefined || field(issue, 'pull_request') === null)
            return undefined;
        return { event, ...numberOf(field(issue, 'number')), fromFork: false };
    }
    else if (event === 'workflow_run') {
        const run = field(payload, 'workflow_run');
        const pulls = field(run, 'pull_requests');
        const first = Array.isArray(pulls) ? pulls[0] : undefined;
        const triggeredBy = field(run, 'event');
        if (first === undefined && !(typeof triggeredBy === 'string' && PULL_REQUEST_EVENTS.has(triggeredBy)))
            return undefined;
        const headRepository = field(run, 'head_repository', 'full_name');
        return {
            event,
            ...numberOf(field(first, 'number')),
            ...shaOf(field(first, 'base', 'sha')),
            fromFork: typeof headRepository === 'string' && headRepository !== env.GITHUB_REPOSITORY
        };
    }
    else
        return undefined;
    const head = field(pullRequest, 'head', 'repo', 'full_name');
    return {
        event,
        ...numberOf(field(pullRequest, 'number') ?? field(payload, 'number')),
        ...shaOf(field(pullRequest, 'base', 'sha')),
        fromFork: typeof head === 'string' && head !== env.GITHUB_REPOSITORY
    };
}
function numberOf(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) ? { number: value } : {};
}
function shaOf(value) {
    return typeof value === 'string' && _sources_files_js__WEBPACK_IMPORTED_MODULE_1__/* .REVISION */ .sP.test(value) ? { baseSha: value } : {};
}
/** Chooses the base revision from the input or the event. */
function chooseBase(given, env) {
    const event = env.GITHUB_EVENT_NAME ?? '';
    if (given !== '') {
        if (!_sources_files_js__WEBPACK_IMPORTED_MODULE_1__/* .REVISION */ .sP.test(given)) {
            return {
                kind: 'problem',
                message: `'base' must be a commit SHA or a ref name (letters, digits and . _ / ~ ^ -; no '..', not starting with '-'); got '${given.slice(0, 40)}'.`
            };
        }
        return { kind: 'revision', revision: given, from: "the input 'base'" };
    }
    const pullRequest = pullRequestEventOf(env);
    if (pullRequest?.baseSha !== undefined)
        return { kind: 'revision', revision: pullRequest.baseSha, from: "the pull request's base commit" };
    if (event === 'push') {
        const before = field(eventPayload(env), 'before');
        if (typeof before === 'string' && NO_COMMIT.test(before))
            return { kind: 'none', from: 'a push that created the branch' };
        if (typeof before === 'string' && _sources_files_js__WEBPACK_IMPORTED_MODULE_1__/* .REVISION */ .sP.test(before))
            return { kind: 'revision', revision: before, from: "the push's before commit" };
    }
    return {
        kind: 'problem',
        message: `'base' is required on ${event === '' ? 'a run outside a pull request or a push' : `a '${event}' run`}: give the revision to compare the configuration file with, such as 'main' or \${{ github.event.pull_request.base.sha }}. On pull_request and push events it defaults to the pull request's base commit and the push's before commit.`
    };
}
/** The pull request this run belongs to, from the event payload, when its number is known; undefined on other events. */
function pullRequestOf(env) {
    const pullRequest = pullRequestEventOf(env);
    if (pullRequest?.number === undefined)
        return undefined;
    return { number: pullRequest.number, fromFork: pullRequest.fromFork };
}


/***/ })

};
;