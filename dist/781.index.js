"use strict";
exports.id = 781;
exports.ids = [781];
exports.modules = {

/***/ 781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseProjects: () => (/* binding */ parseProjects),
/* harmony export */   readConfigFile: () => (/* binding */ readConfigFile)
/* harmony export */ });
/* unused harmony exports FILE_SETTINGS, secretInputOf, parseConfig */
/* harmony import */ var _inputs_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7778);
/* harmony import */ var _pem_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7165);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8986);



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
            outside: `'config-file' must be a path inside the repository's workspace, such as ${_files_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_CONFIG_FILE */ .Cu}; got '${file.slice(0, 80)}'.`,
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
    return { ok: true, entry: reading.entry, problems, warnings: sharedIdWarnings(document, reading.entry, file) };
}
/** The ID an entry sets the target of, as written (api-key or application-id), compared without regard to case. */
function projectIdIn(entry) {
    const id = entry?.values.get('api-key') ?? entry?.values.get('application-id');
    return id === undefined ? undefined : id.value.trim().toLowerCase();
}
/**
 * Other entries of the file that set the target of the same project: one project has one archive
 * upload target, so the runs of such entries overwrite each other's. Said in every run of the file.
 */
function sharedIdWarnings(document, chosen, file) {
    const id = projectIdIn(chosen);
    if (id === undefined || id === '')
        return [];
    const others = document.projects.filter(p => p.name !== chosen.project && projectIdIn(p.entry) === id).map(p => `'${p.name}'`);
    if (others.length === 0)
        return [];
    return [
        `project '${chosen.project}' of ${file} sets the target of the project ${id}, and so does ${others.join(', ')}: one project has one archive upload target, so their deploys and nightly runs overwrite each other. Keep one entry per project ID.`
    ];
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
/** A reading refused for one reason that has no place in the file (the file itself, or the 'project' input). */
function fail(setting, message) {
    return { ok: false, problems: [{ setting, message }] };
}
/** The first line of a YAML error; with prettyErrors off it carries no position (the problem has it). */
function firstLine(message) {
    return message.split('\n')[0] ?? '';
}


/***/ })

};
;