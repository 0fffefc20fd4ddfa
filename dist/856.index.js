"use strict";
exports.id = 856;
exports.ids = [856,781];
exports.modules = {

/***/ 7131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ pullRequestOf),
/* harmony export */   b: () => (/* binding */ chooseBase)
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
    const payload = eventPayload(env);
    if (event === 'pull_request' || event === 'pull_request_target') {
        const sha = field(payload, 'pull_request', 'base', 'sha');
        if (typeof sha === 'string' && _sources_files_js__WEBPACK_IMPORTED_MODULE_1__/* .REVISION */ .sP.test(sha))
            return { kind: 'revision', revision: sha, from: "the pull request's base commit" };
    }
    if (event === 'push') {
        const before = field(payload, 'before');
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
/** The pull request this run belongs to, from the event payload; undefined on other events. */
function pullRequestOf(env) {
    const event = env.GITHUB_EVENT_NAME ?? '';
    if (event !== 'pull_request' && event !== 'pull_request_target')
        return undefined;
    const payload = eventPayload(env);
    const number = field(payload, 'pull_request', 'number') ?? field(payload, 'number');
    if (typeof number !== 'number' || !Number.isSafeInteger(number))
        return undefined;
    const head = field(payload, 'pull_request', 'head', 'repo', 'full_name');
    return { number, fromFork: typeof head === 'string' && head !== env.GITHUB_REPOSITORY };
}


/***/ }),

/***/ 6856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hostChangedByPullRequest: () => (/* binding */ hostChangedByPullRequest)
/* harmony export */ });
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7890);
/* harmony import */ var _sources_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8986);
/* harmony import */ var _base_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7131);
/* harmony import */ var _project_plans_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4548);
/**
 * The guard of runs with secrets on a pull request: the storage host ('endpoint', 'domain') that a
 * configuration file names must be the one at the pull request's base. A branch that changes it
 * would otherwise receive signed requests made with production keys (Azure's SharedKey does not
 * even sign the body). A value given as an input is the workflow author's choice, not the
 * branch's, and is not judged here.
 */




/** The hosts a plan sends signed requests to, besides the vendor: the S3 endpoint and the Azure domain. */
function hostsOf(plan) {
    const target = plan?.target;
    if (target?.type === 's3')
        return target.endpoint === undefined ? {} : { endpoint: target.endpoint };
    if (target?.type === 'azure')
        return target.domain === undefined ? {} : { domain: target.domain };
    return {};
}
/** Why this run may not go on, or undefined when every host the file names is the base's. */
async function hostChangedByPullRequest(input) {
    const head = hostsOf(input.plan);
    const fromFile = ['endpoint', 'domain'].filter(name => head[name] !== undefined && input.origin(name).kind === 'file');
    if (fromFile.length === 0)
        return undefined;
    const refuse = (setting, why) => ({
        input: setting,
        message: `A pull request may not send signed requests to a storage host it introduced: ${why} Review the change with 'operation: plan' or a dry run without secrets; the target is set after merge, from reviewed code.`
    });
    const base = (0,_base_js__WEBPACK_IMPORTED_MODULE_1__/* .chooseBase */ .b)('', input.env);
    if (base.kind !== 'revision')
        return refuse(fromFile[0] ?? 'endpoint', `the base of this pull request could not be told, so '${fromFile[0]}' cannot be compared with it.`);
    let basePlan;
    try {
        const local = await (0,_sources_files_js__WEBPACK_IMPORTED_MODULE_0__/* .gitFiles */ .IU)(input.workspace, base.revision);
        const repository = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_3__/* .repositoryOf */ ._M)(input.env);
        const files = local ??
            (input.token !== '' && repository !== undefined
                ? (0,_sources_files_js__WEBPACK_IMPORTED_MODULE_0__/* .apiFiles */ .Mg)(await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_3__/* .makeGitHubClient */ .hV)(input.token, input.env), repository, base.revision)
                : undefined);
        if (files === undefined) {
            return refuse(fromFile[0] ?? 'endpoint', `the file at the base commit ${base.revision.slice(0, 7)} could not be read (not in the checkout, and no 'github-token').`);
        }
        const plans = await (0,_project_plans_js__WEBPACK_IMPORTED_MODULE_2__/* .planProjects */ ._)(input.file, files, input.now, input.mask);
        basePlan = plans?.projects.find(project => project.name === input.project)?.plan;
    }
    catch (error) {
        return refuse(fromFile[0] ?? 'endpoint', `the file at the base could not be read (${error instanceof _sources_files_js__WEBPACK_IMPORTED_MODULE_0__/* .UnreadableFile */ .ie ? error.message : String(error)}).`);
    }
    const was = hostsOf(basePlan);
    for (const name of fromFile) {
        if (was[name] !== head[name]) {
            return refuse(name, `'${name}' of project '${input.project}' in ${input.file} is ${head[name]} here but ${was[name] ?? 'not set'} at the base (${base.revision.slice(0, 7)}).`);
        }
    }
    return undefined;
}


/***/ }),

/***/ 4548:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ planProjects)
/* harmony export */ });
/* harmony import */ var _inputs_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6454);
/* harmony import */ var _inputs_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3332);
/* harmony import */ var _pem_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7165);
/* harmony import */ var _sources_config_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(781);
/* harmony import */ var _sources_settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3181);
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
    const document = await (0,_sources_config_file_js__WEBPACK_IMPORTED_MODULE_1__/* .parseProjects */ .O$)(text, file, mask);
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
            projects.push({ name: project.name, problems: project.problems.map(located) });
            continue;
        }
        const values = project.entry.values;
        const placeOf = (setting) => {
            const value = values.get(setting);
            if (value === undefined)
                return {};
            return { line: value.line, ...(value.column === undefined ? {} : { column: value.column }) };
        };
        let certificate = values.get('certificate')?.value;
        if (certificate !== undefined && (0,_sources_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .isCertificatePath */ .F)(certificate.trim())) {
            const path = certificate.trim();
            const read = await files.read(path);
            if (read === undefined) {
                projects.push({
                    name: project.name,
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
            if ((0,_pem_js__WEBPACK_IMPORTED_MODULE_3__/* .holdsPrivateKey */ .j)(read))
                for (const secret of (0,_inputs_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .maskValuesOf */ .sg)(read))
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
            projects.push({ name: project.name, plan: { ...result.plan, project: project.name }, problems: [] });
        else
            projects.push({ name: project.name, problems: [...own, ...found] });
    }
    return { problems: document.problems.map(located), projects };
}


/***/ }),

/***/ 781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_CONFIG_FILE: () => (/* binding */ DEFAULT_CONFIG_FILE),
/* harmony export */   O$: () => (/* binding */ parseProjects),
/* harmony export */   readConfigFile: () => (/* binding */ readConfigFile)
/* harmony export */ });
/* unused harmony exports FILE_SETTINGS, secretInputOf, parseConfig */
/* harmony import */ var _inputs_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6454);
/* harmony import */ var _pem_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7165);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8986);



/** Where the examples and the README keep the file. */
const DEFAULT_CONFIG_FILE = '.github/opentok-archive-target.yml';
/** The settings a project entry may hold: every target setting of the action, and no secret. */
const FILE_SETTINGS = [
    'api-key',
    'application-id',
    'type',
    'bucket',
    'access-key',
    'endpoint',
    'sse',
    'account-name',
    'container',
    'domain',
    'fallback',
    'certificate',
    'verify',
    'max-attempts',
    'timeout-seconds'
];
/** Settings YAML may write as a number or a boolean; every other setting is text. */
const INTEGER_SETTINGS = new Set(['api-key', 'max-attempts', 'timeout-seconds']);
const BOOLEAN_SETTINGS = new Set(['verify']);
/**
 * Every spelling of a secret setting, by its letters alone (case, '-', '_' and spaces dropped),
 * and the input that takes it: `secretKey`, `secret_key`, `SecretKey` and `SECRET-KEY` are all
 * 'secret-key'. They are refused and masked wherever they stand in the file.
 */
const SECRET_SETTINGS = {
    apisecret: 'api-secret',
    privatekey: 'private-key',
    secretkey: 'secret-key',
    secretaccesskey: 'secret-key',
    awssecretaccesskey: 'secret-key',
    accountkey: 'account-key',
    storagekey: 'account-key',
    githubtoken: 'github-token'
};
/** The input a secret setting belongs to, whatever its spelling; undefined for any other setting. */
function secretInputOf(setting) {
    return SECRET_SETTINGS[setting.toLowerCase().replace(/[-_\s]/g, '')];
}
const PROJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/**
 * Reads `file` (relative to `workspace`) and returns the entry of `project`. `named` says how the
 * file was chosen, for messages: by 'config-file', or as the default when only 'project' was given.
 */
async function readConfigFile(file, workspace, project, mask, named = `'config-file' names ${file}`) {
    const read = await (0,_files_js__WEBPACK_IMPORTED_MODULE_1__/* .readInWorkspace */ .Z3)(workspace, file);
    if (!read.ok) {
        const why = {
            outside: `'config-file' must be a path inside the repository's workspace, such as ${DEFAULT_CONFIG_FILE}; got '${file.slice(0, 80)}'.`,
            missing: `${named}, which is not in the workspace (${workspace}). Check out the repository first (actions/checkout), or fix the path.`,
            'link-outside': `'config-file' ${file} is a symbolic link that leads outside the workspace; it is not read.`,
            unreadable: `'config-file' ${file} could not be read: ${read.code ?? 'unknown error'}.`
        }[read.why];
        return fail('config-file', why);
    }
    return parseConfig(read.text, file, project, mask);
}
/**
 * Parses the file's text and returns the entry of `project`. Every secret-looking value in the
 * whole file is masked first, before anything about the file can be printed.
 */
async function parseConfig(text, file, project, mask) {
    const document = await parseProjects(text, file, mask);
    const names = document.projects.map(p => p.name);
    if (document.projects.length === 0)
        return { ok: false, problems: document.problems };
    let chosen = project;
    if (chosen === '') {
        if (names.length !== 1) {
            return fail('project', `'project' is required: ${file} has ${names.length} projects (${names.map(n => `'${n}'`).join(', ')}); name the one to apply.`);
        }
        chosen = names[0] ?? '';
    }
    const reading = document.projects.find(p => p.name === chosen);
    if (reading === undefined) {
        return fail('project', `'project' '${chosen}' is not in ${file}; it has ${names.map(n => `'${n}'`).join(', ')}.`);
    }
    // A committed secret is compromised whichever project it sits in: refused even in one not chosen.
    const secretsElsewhere = document.projects.filter(p => p.name !== chosen).flatMap(p => p.problems.filter(problem => problem.secret));
    const problems = [...document.problems, ...reading.problems, ...secretsElsewhere];
    if (reading.entry === undefined)
        return { ok: false, problems };
    return { ok: true, entry: reading.entry, problems };
}
/**
 * Parses the file's text into every project's entry, masking every secret-looking value in the
 * whole file first. A document with no projects carries the reason in `problems`.
 */
async function parseProjects(text, file, mask) {
    const yaml = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const lineCounter = new yaml.LineCounter();
    const doc = yaml.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
    maskSecretsIn(doc.contents, yaml, mask);
    const at = (node) => {
        const offset = node?.range?.[0];
        if (offset === undefined)
            return {};
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    const none = (problems) => ({ problems, projects: [] });
    const syntax = doc.errors[0];
    if (syntax !== undefined) {
        const { line, col } = lineCounter.linePos(syntax.pos[0]);
        return none([{ setting: 'config-file', message: `not valid YAML: ${firstLine(syntax.message)}`, line, column: col }]);
    }
    const root = doc.contents;
    if (!yaml.isMap(root)) {
        return none([{ setting: 'config-file', message: `the file must be a mapping with one key, 'projects'.`, ...lineOf(at(root)) }]);
    }
    const problems = [];
    for (const pair of root.items) {
        const key = keyOf(pair, yaml);
        if (key !== 'projects')
            problems.push({
                setting: 'config-file',
                message: `unknown top-level key '${key}'; the only one is 'projects'.`,
                ...at(pair.key)
            });
    }
    const projects = root.get('projects', true);
    if (!yaml.isMap(projects) || projects.items.length === 0) {
        return none([
            ...problems,
            { setting: 'config-file', message: `the file must have 'projects:', a mapping of project names to their settings.`, ...at(root) }
        ]);
    }
    const readings = projects.items.map((pair) => {
        const name = keyOf(pair, yaml);
        const where = at(pair.key);
        const own = [];
        if (!PROJECT_NAME.test(name)) {
            // A name the examples' matrices and the summary could not carry is a problem of the file.
            problems.push({
                setting: 'project',
                message: `project name '${name}' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.`,
                ...where
            });
        }
        const entry = pair.value;
        if (!yaml.isMap(entry)) {
            own.push({ setting: 'project', message: `project '${name}' must be a mapping of settings.`, ...where });
            return { name, ...lineOf(where), problems: own };
        }
        const values = new Map();
        for (const item of entry.items) {
            const setting = keyOf(item, yaml);
            const place = at(item.key);
            const value = item.value;
            const secretInput = secretInputOf(setting);
            if (secretInput !== undefined) {
                own.push({
                    setting: secretInput,
                    message: `project '${name}' holds the secret '${setting}' (its value is masked and not shown). Secrets never go in the file: remove it from the file, rotate it, since it has been committed, and pass the new one as the input '${secretInput}' from a GitHub secret.`,
                    secret: true,
                    ...place
                });
                continue;
            }
            if (!FILE_SETTINGS.includes(setting)) {
                own.push({
                    setting,
                    message: `project '${name}' has an unknown setting '${setting}'; allowed: ${FILE_SETTINGS.join(', ')}.`,
                    ...place
                });
                continue;
            }
            const text = scalarText(setting, value, yaml);
            if (typeof text === 'object')
                own.push({ setting, message: `project '${name}': '${setting}' ${text.problem}`, ...place });
            else
                values.set(setting, { value: text, line: place.line ?? 0, ...(place.column === undefined ? {} : { column: place.column }) });
        }
        return { name, ...lineOf(where), entry: { file, project: name, values }, problems: own };
    });
    return { problems, projects: readings };
}
function lineOf(where) {
    return where.line === undefined ? {} : { line: where.line };
}
/** The setting as text, exactly as written; or why it cannot be one. */
function scalarText(setting, node, yaml) {
    if (!yaml.isScalar(node))
        return { problem: 'must be a single value, not a list or a mapping.' };
    const scalar = node;
    const value = scalar.value;
    if (value === null || (typeof value === 'string' && value.trim() === '')) {
        return { problem: 'is empty; give a value, or remove the line to use the default.' };
    }
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' && INTEGER_SETTINGS.has(setting) && Number.isSafeInteger(value) && value >= 0) {
        const source = scalar.source ?? '';
        return /^\d+$/.test(source) ? source : String(value);
    }
    if (typeof value === 'boolean' && BOOLEAN_SETTINGS.has(setting))
        return String(value);
    return { problem: `is read by YAML as a ${typeof value}; quote it ("${scalar.source ?? String(value)}") to give it as text.` };
}
function keyOf(pair, yaml) {
    return yaml.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}
/**
 * Masks, anywhere in the document, the value of every secret-named key and every value that holds
 * a private key, so that no message about the file can print one.
 */
function maskSecretsIn(node, yaml, mask, secretKey = false) {
    if (yaml.isMap(node) || yaml.isSeq(node)) {
        for (const item of node.items) {
            if (yaml.isPair(item)) {
                const key = yaml.isScalar(item.key) ? String(item.key.value) : '';
                maskSecretsIn(item.value, yaml, mask, secretInputOf(key) !== undefined);
            }
            else {
                maskSecretsIn(item, yaml, mask, secretKey);
            }
        }
        return;
    }
    if (yaml.isScalar(node)) {
        const text = String(node.value ?? '');
        if (text !== '' && (secretKey || (0,_pem_js__WEBPACK_IMPORTED_MODULE_2__/* .holdsPrivateKey */ .j)(text)))
            for (const secret of (0,_inputs_index_js__WEBPACK_IMPORTED_MODULE_0__/* .maskValuesOf */ .sg)(text))
                mask(secret);
    }
}
function fail(setting, message, line, column) {
    return {
        ok: false,
        problems: [{ setting, message, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) }]
    };
}
function firstLine(message) {
    return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}


/***/ })

};
;