"use strict";
exports.id = 856;
exports.ids = [856,131];
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


/***/ }),

/***/ 6856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hostChangedByPullRequest: () => (/* binding */ hostChangedByPullRequest)
/* harmony export */ });
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7890);
/* harmony import */ var _sources_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8986);
/* harmony import */ var _base_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7131);
/* harmony import */ var _project_plans_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4548);
/**
 * The guard of runs with secrets on an event about a pull request: every setting of the
 * configuration file that decides which storage host gets signed requests must be as it is at the
 * pull request's base. Those are 'endpoint' (an S3-compatible service), 'domain' and
 * 'account-name' (an Azure account's host), and, on Amazon S3, 'bucket' (the bucket names the
 * host: bucket.s3.amazonaws.com). A branch that changes one would otherwise receive requests signed
 * with production keys (Azure's SharedKey does not even sign the body). A value given as an input
 * is the workflow author's choice, not the branch's, and is not judged here.
 */




/** What each host setting of `plan` is; a setting that does not decide the host (a bucket behind an endpoint) is absent. */
function hostsOf(plan) {
    const target = plan?.target;
    if (target?.type === 's3')
        return target.endpoint === undefined ? { bucket: target.bucket } : { endpoint: target.endpoint };
    if (target?.type === 'azure')
        return { 'account-name': target.accountName, ...(target.domain === undefined ? {} : { domain: target.domain }) };
    return {};
}
const HOST_SETTINGS = ['endpoint', 'bucket', 'account-name', 'domain'];
/** Why this run may not go on, or undefined when every host the file names is the base's. */
async function hostChangedByPullRequest(input) {
    const head = hostsOf(input.plan);
    const fromFile = HOST_SETTINGS.filter(name => head[name] !== undefined && input.origin(name).kind === 'file');
    if (fromFile.length === 0)
        return undefined;
    // The refusal points at the setting's line in the file, where a reviewer sees it.
    const refuse = (setting, why) => ({
        ...placeOf(input.origin(setting)),
        input: setting,
        message: `A run about a pull request may not send signed requests to a storage host the pull request introduced: ${why} Review the change with 'operation: plan' or a dry run without secrets; the target is set after merge, from reviewed code.`
    });
    const base = (0,_base_js__WEBPACK_IMPORTED_MODULE_2__/* .chooseBase */ .b)('', input.env);
    if (base.kind !== 'revision')
        return refuse(fromFile[0] ?? 'endpoint', `the base of this pull request could not be told, so '${fromFile[0]}' cannot be compared with it.`);
    let basePlan;
    try {
        const local = await (0,_sources_files_js__WEBPACK_IMPORTED_MODULE_1__/* .gitFiles */ .IU)(input.workspace, base.revision);
        const repository = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryOf */ ._M)(input.env);
        const files = local ??
            (input.token !== '' && repository !== undefined
                ? (0,_sources_files_js__WEBPACK_IMPORTED_MODULE_1__/* .apiFiles */ .Mg)(await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .makeGitHubClient */ .hV)(input.token, input.env), repository, base.revision)
                : undefined);
        if (files === undefined) {
            return refuse(fromFile[0] ?? 'endpoint', `the file at the base commit ${base.revision.slice(0, 7)} could not be read (not in the checkout, and no 'github-token').`);
        }
        const plans = await (0,_project_plans_js__WEBPACK_IMPORTED_MODULE_3__/* .planProjects */ ._)(input.file, files, input.now, input.mask);
        basePlan = plans?.projects.find(project => project.name === input.project)?.plan;
    }
    catch (error) {
        return refuse(fromFile[0] ?? 'endpoint', `the file at the base could not be read (${error instanceof _sources_files_js__WEBPACK_IMPORTED_MODULE_1__/* .UnreadableFile */ .ie ? error.message : String(error)}).`);
    }
    const was = hostsOf(basePlan);
    for (const name of fromFile) {
        if (was[name] !== head[name]) {
            return refuse(name, `'${name}' of project '${input.project}' in ${input.file} is ${head[name]} here but ${was[name] ?? 'not set'} at the base (${base.revision.slice(0, 7)}).`);
        }
    }
    return undefined;
}
function placeOf(origin) {
    if (origin.kind !== 'file')
        return {};
    return { file: origin.file, line: origin.line, ...(origin.column === undefined ? {} : { column: origin.column }) };
}


/***/ }),

/***/ 4548:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ planProjects)
/* harmony export */ });
/* harmony import */ var _inputs_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7778);
/* harmony import */ var _inputs_secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3332);
/* harmony import */ var _pem_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7165);
/* harmony import */ var _sources_settings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3181);
/**
 * Every project of the configuration file at one revision, read and validated by the same code
 * that `set` uses (sources/config-file.ts, inputs/), as a dry run without secrets: what the file
 * alone says. A certificate named by path is read from the same revision.
 */




/** Reads and validates every project of `file` at `files`; undefined when the file is not there. */
async function planProjects(file, files, now, mask) {
    const text = await files.read(file);
    if (text === undefined)
        return undefined;
    // Loaded as set's settings load it, so the bundle keeps one chunk of the file reader for every operation.
    const { parseProjects } = await __webpack_require__.e(/* import() */ 781).then(__webpack_require__.bind(__webpack_require__, 781));
    const document = await parseProjects(text, file, mask);
    const located = (problem) => ({
        input: problem.setting,
        message: problem.message,
        file,
        ...(problem.line === undefined ? {} : { line: problem.line }),
        ...(problem.column === undefined ? {} : { column: problem.column })
    });
    const projects = [];
    for (const project of document.projects) {
        if (project.entry === undefined) {
            projects.push({ name: project.name, written: new Set(), problems: project.problems.map(located) });
            continue;
        }
        const values = project.entry.values;
        const written = new Set(values.keys());
        const placeOf = (setting) => {
            const value = values.get(setting);
            if (value === undefined)
                return {};
            return { line: value.line, ...(value.column === undefined ? {} : { column: value.column }) };
        };
        let certificate = values.get('certificate')?.value;
        if (certificate !== undefined && (0,_sources_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .isCertificatePath */ .F)(certificate.trim())) {
            const path = certificate.trim();
            const read = await files.read(path);
            if (read === undefined) {
                projects.push({
                    name: project.name,
                    written,
                    problems: [
                        {
                            input: 'certificate',
                            message: `project '${project.name}': 'certificate' names the file ${path}, which is not in ${files.where}.`,
                            file,
                            ...placeOf('certificate')
                        }
                    ]
                });
                continue;
            }
            if ((0,_pem_js__WEBPACK_IMPORTED_MODULE_2__/* .holdsPrivateKey */ .j)(read))
                for (const secret of (0,_inputs_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .maskValuesOf */ .sg)(read))
                    mask(secret);
            certificate = read;
        }
        // The file alone: a dry run, so the secrets it may not hold are listed as what inputs must give.
        const reader = (name) => {
            if (name === 'certificate')
                return certificate ?? '';
            if (name === 'dry-run')
                return 'true';
            return values.get(name)?.value ?? '';
        };
        const result = (0,_inputs_index_js__WEBPACK_IMPORTED_MODULE_0__/* .readPlan */ .m3)(reader, now);
        // What the file itself got wrong first, then what validation finds in the values it could read, each setting once.
        const own = project.problems.map(located);
        const named = new Set(own.map(problem => problem.input));
        const found = result.ok
            ? []
            : result.problems
                .filter(problem => !named.has(problem.input))
                .map(problem => ({
                input: problem.input,
                message: `project '${project.name}': ${problem.message}`,
                file,
                ...placeOf(problem.input)
            }));
        if (result.ok && own.length === 0)
            projects.push({ name: project.name, plan: { ...result.plan, project: project.name }, written, problems: [] });
        else
            projects.push({ name: project.name, written, problems: [...own, ...found] });
    }
    return { problems: document.problems.map(located), projects };
}


/***/ })

};
;