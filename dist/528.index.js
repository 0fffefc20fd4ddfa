"use strict";
exports.id = 528;
exports.ids = [528];
exports.modules = {

/***/ 8528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  plan: () => (/* binding */ plan)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 4 modules
var core = __webpack_require__(3000);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/summary.js
var summary = __webpack_require__(1170);
// EXTERNAL MODULE: ./src/github-client.ts
var github_client = __webpack_require__(7890);
// EXTERNAL MODULE: ./src/inputs/findings.ts
var findings = __webpack_require__(2163);
// EXTERNAL MODULE: ./src/inputs/secrets.ts
var secrets = __webpack_require__(3332);
// EXTERNAL MODULE: ./src/refuse.ts
var refuse = __webpack_require__(3235);
// EXTERNAL MODULE: ./src/review/base.ts
var review_base = __webpack_require__(7131);
// EXTERNAL MODULE: ./src/storage.ts
var storage = __webpack_require__(1134);
;// CONCATENATED MODULE: ./src/review/changes.ts

/** The settings a plan shows, in the file's names and order, each as text; a setting not given is absent. */
function settingsOf(plan) {
    const shown = new Map();
    const credentials = plan.credentials;
    if (credentials.platform === 'opentok')
        shown.set('api-key', credentials.apiKey);
    else
        shown.set('application-id', credentials.applicationId);
    const target = plan.target;
    if (target !== undefined) {
        shown.set('type', target.type);
        if (target.type === 's3') {
            shown.set('bucket', target.bucket);
            shown.set('access-key', target.accessKey);
            if (target.endpoint !== undefined)
                shown.set('endpoint', target.endpoint);
            shown.set('sse', target.sse);
        }
        else {
            shown.set('account-name', target.accountName);
            shown.set('container', target.container);
            if (target.domain !== undefined)
                shown.set('domain', target.domain);
        }
    }
    shown.set('fallback', plan.fallback);
    const certificate = plan.certificate;
    if (certificate.kind === 'off')
        shown.set('certificate', 'none');
    if (certificate.kind === 'set') {
        shown.set('certificate', `${certificate.subject}; SHA-256 ${certificate.fingerprint256}; expires ${certificate.validTo.toISOString().slice(0, 10)}`);
    }
    shown.set('verify', String(plan.verify));
    shown.set('max-attempts', String(plan.maxAttempts));
    shown.set('timeout-seconds', String(plan.timeoutSeconds));
    return shown;
}
/** Where a target sends archives, as one phrase. */
function whereTo(target) {
    if (target === undefined)
        return 'nowhere';
    const extra = target.type === 's3'
        ? target.endpoint === undefined
            ? ''
            : ` at ${target.endpoint}`
        : target.domain === undefined
            ? ''
            : ` in ${target.domain}`;
    return `${(0,storage/* describeTarget */.ff)(target)}${extra}`;
}
/** The risk lines of going from `before` (undefined for a new project) to `after`. */
function risksOf(before, after) {
    const risks = [];
    const was = before === undefined ? new Map() : settingsOf(before);
    const now = settingsOf(after);
    if (before !== undefined && before.credentials.platform !== after.credentials.platform) {
        const from = before.credentials.platform === 'opentok'
            ? `the OpenTok project ${was.get('api-key')}`
            : `the Vonage application ${was.get('application-id')}`;
        const to = after.credentials.platform === 'opentok'
            ? `the OpenTok project ${now.get('api-key')}`
            : `the Vonage application ${now.get('application-id')}`;
        risks.push(`The platform changes: this entry now sets the target of ${to} (signed with ${after.credentials.platform === 'opentok' ? "'api-secret'" : "'private-key'"}); the target of ${from} is left as it was.`);
    }
    if (after.fallback === 'none' && was.get('fallback') !== 'none') {
        risks.push('`fallback` is `none`: an archive whose upload fails is lost, with nothing kept in the vendor cloud.');
    }
    if (after.certificate.kind === 'off' && was.get('certificate') !== 'none')
        risks.push('`certificate: none`: archives are no longer encrypted.');
    if (before?.certificate.kind === 'set' && after.certificate.kind === 'unchanged') {
        risks.push('The certificate is removed from the file: the file no longer sets encryption, so the vendor keeps whatever certificate it has and nothing here puts it back.');
    }
    if (after.certificate.kind === 'set' && was.get('certificate') !== now.get('certificate')) {
        risks.push('A new certificate: only the holder of its private key can decrypt archives recorded after the merge.');
    }
    const places = ['type', 'bucket', 'container', 'account-name', 'endpoint', 'domain'];
    if (before !== undefined && places.some(name => was.get(name) !== now.get(name))) {
        risks.push(`Archives recorded after the merge go to ${whereTo(after.target)}; earlier ones stay where they are (${whereTo(before.target)}).`);
    }
    const endpoint = after.target?.type === 's3' ? after.target.endpoint : undefined;
    if (endpoint?.startsWith('http://') && was.get('endpoint') !== endpoint) {
        risks.push(`\`endpoint\` is plain http:// (${endpoint}): the storage keys and every archive travel unencrypted.`);
    }
    return risks;
}
/** The inputs that must give what the file may not hold. */
function needsOf(plan) {
    const credential = plan.credentials.platform === 'opentok' ? 'api-secret' : 'private-key';
    const storage = plan.target?.type === 'azure' ? 'account-key' : 'secret-key';
    return [credential, storage];
}
/** Compares the projects at the base (undefined: the file was not there) with those at the head, in the head's order, removed ones last. */
function compareProjects(base, head) {
    const before = new Map((base ?? []).map(project => [project.name, project]));
    const changes = [];
    for (const project of head) {
        const plan = project.plan;
        if (plan === undefined)
            continue;
        const old = before.get(project.name)?.plan;
        const now = settingsOf(plan);
        if (old === undefined) {
            changes.push({
                name: project.name,
                kind: 'added',
                settings: [...now].map(([name, after]) => ({ name, after })),
                risks: risksOf(undefined, plan),
                needs: needsOf(plan)
            });
            continue;
        }
        const was = settingsOf(old);
        const names = [...new Set([...now.keys(), ...was.keys()])];
        const settings = names
            .filter(name => was.get(name) !== now.get(name))
            .map(name => ({ name, ...optional('before', was.get(name)), ...optional('after', now.get(name)) }));
        changes.push({
            name: project.name,
            kind: settings.length === 0 ? 'unchanged' : 'changed',
            settings,
            risks: settings.length === 0 ? [] : risksOf(old, plan),
            needs: needsOf(plan)
        });
    }
    const atHead = new Set(head.map(project => project.name));
    for (const project of base ?? []) {
        if (atHead.has(project.name))
            continue;
        const was = project.plan === undefined ? new Map() : settingsOf(project.plan);
        changes.push({
            name: project.name,
            kind: 'removed',
            settings: [...was].map(([name, before]) => ({ name, before })),
            risks: [
                `Removed from the file: its archive upload target is left as it was (the action never removes one by itself). To remove it, run the action with \`operation: delete\` and this project's credentials.`
            ],
            needs: []
        });
    }
    return changes;
}
function optional(key, value) {
    return (value === undefined ? {} : { [key]: value });
}

;// CONCATENATED MODULE: ./src/review/comment.ts
/**
 * The plan's one comment on a pull request: found again by the hidden marker of its
 * configuration file and edited in place on every push. `comment: changes` writes one only when
 * something changes, and turns an existing one into "no changes" rather than leave a stale plan.
 * A token that may not write (a fork's, or one without `pull-requests: write`) is a notice.
 */

/** Creates or updates the plan comment as the mode says. Never throws. */
async function syncPlanComment(client, request) {
    if (request.mode === 'off')
        return { action: 'none', why: "'comment' is off" };
    const { repository, pullRequest } = request;
    try {
        const comments = await client.paginate(client.rest.issues.listComments, { ...repository, issue_number: pullRequest, per_page: 100 });
        const existing = comments.find(comment => (comment.body ?? '').includes(request.marker));
        if (existing === undefined && request.mode === 'changes' && !request.changes) {
            return { action: 'none', why: 'no change, and no earlier plan comment to update' };
        }
        if (existing !== undefined) {
            const updated = await client.rest.issues.updateComment({ ...repository, comment_id: existing.id, body: request.body });
            return { action: 'updated', url: updated.data.html_url };
        }
        const created = await client.rest.issues.createComment({ ...repository, issue_number: pullRequest, body: request.body });
        return { action: 'created', url: created.data.html_url };
    }
    catch (error) {
        if ((0,github_client/* isPermissionError */.gj)(error)) {
            return {
                action: 'skipped',
                notice: `The plan is in the job summary only: the token may not comment on the pull request (${(0,github_client/* describeGitHubError */.dZ)(error)}). Give the job 'permissions: pull-requests: write'; a pull request from a fork never gets it.`
            };
        }
        return {
            action: 'skipped',
            notice: `The plan is in the job summary only: the comment could not be written (${(0,github_client/* describeGitHubError */.dZ)(error)}).`
        };
    }
}

// EXTERNAL MODULE: ./src/review/project-plans.ts
var project_plans = __webpack_require__(4548);
;// CONCATENATED MODULE: ./src/review/render.ts
/** GitHub refuses a comment over 65,536 characters; the plan is cut well before. */
const MAX_COMMENT = 60_000;
/** "2 projects change (5 settings), 3 risks" or "No changes". */
function headline(changes) {
    const changed = changes.filter(change => change.kind !== 'unchanged');
    if (changed.length === 0)
        return 'No changes';
    const settings = countSettings(changes);
    const risks = changes.reduce((sum, change) => sum + change.risks.length, 0);
    const projects = `${changed.length} project${changed.length === 1 ? '' : 's'} change${changed.length === 1 ? 's' : ''}`;
    return `${projects} (${settings} setting${settings === 1 ? '' : 's'})${risks === 0 ? '' : `, ${risks} risk${risks === 1 ? '' : 's'} to review`}`;
}
/** Settings changed in all: every setting of an added or removed project counts. */
function countSettings(changes) {
    return changes.reduce((sum, change) => sum + change.settings.length, 0);
}
const KIND_WORDS = { added: 'added', removed: 'removed', changed: 'changed', unchanged: 'no changes' };
/** The table with one line per project. */
function overview(changes) {
    const lines = ['| project | change | settings | risks |', '|---|---|---|---|'];
    for (const change of changes) {
        lines.push(`| ${code(change.name)} | ${KIND_WORDS[change.kind]} | ${change.settings.length} | ${change.risks.length === 0 ? '' : `⚠️ ${change.risks.length}`} |`);
    }
    return lines.join('\n');
}
/** The details of every project that changes: its risks, then each setting old → new. */
function details(changes) {
    const parts = [];
    for (const change of changes.filter(c => c.kind !== 'unchanged')) {
        parts.push(`#### ${code(change.name)}: ${KIND_WORDS[change.kind]}`, '');
        for (const risk of change.risks)
            parts.push(`> [!WARNING]\n> ${oneLine(risk)}`, '');
        const rows = ['| setting | before | after |', '|---|---|---|'];
        for (const setting of change.settings) {
            rows.push(`| \`${setting.name}\` | ${setting.before === undefined ? '—' : code(setting.before)} | ${setting.after === undefined ? '—' : code(setting.after)} |`);
        }
        parts.push(rows.join('\n'), '');
        if (change.needs.length > 0)
            parts.push(`Given by inputs, never by the file: ${change.needs.map(name => `\`${name}\``).join(', ')}.`, '');
    }
    return parts.join('\n').trimEnd();
}
/** The whole plan for the job summary. */
function summaryMarkdown(changes, context) {
    return [
        `### Archive target plan: ${headline(changes)}`,
        '',
        `${code(context.file)} at ${context.head}, compared with ${context.base}.`,
        '',
        overview(changes),
        '',
        details(changes)
    ]
        .join('\n')
        .trimEnd();
}
/** The hidden marker that finds the comment of a configuration file again. */
function commentMarker(file) {
    return `<!-- opentok-archive-target:plan file=${file.replace(/-->/g, '')} -->`;
}
/** The pull-request comment: the headline above the collapsed details, cut to MAX_COMMENT with a pointer to the job summary. */
function commentBody(changes, context) {
    const top = [
        commentMarker(context.file),
        `### Archive target plan: ${headline(changes)}`,
        '',
        `${code(context.file)} at ${context.head}, compared with ${context.base}. This plan used no secret; nothing was sent to the vendor or the storage.`,
        '',
        overview(changes),
        ''
    ].join('\n');
    const body = details(changes);
    if (body === '')
        return `${top}\n${footer(context)}`;
    const pointer = `\n\n… cut here: the plan is longer than a comment may be. The job summary of ${context.runUrl === undefined ? 'the run' : `[the run](${context.runUrl})`} has all of it.`;
    const room = MAX_COMMENT - top.length - footer(context).length - pointer.length - 64;
    const shown = body.length > room ? `${body.slice(0, Math.max(0, room))}${pointer}` : body;
    return `${top}\n<details><summary>Details</summary>\n\n${shown}\n\n</details>\n\n${footer(context)}`;
}
function footer(context) {
    return context.runUrl === undefined ? '' : `<sub>From [the plan run](${context.runUrl}).</sub>`;
}
/** Text in a code span, safe in a table cell. */
function code(text) {
    const clean = oneLine(text).replace(/\|/g, '\\|');
    return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}
function oneLine(text) {
    return text.replace(/[\r\n]+/g, ' ');
}

// EXTERNAL MODULE: ./src/sources/files.ts + 1 modules
var sources_files = __webpack_require__(8986);
;// CONCATENATED MODULE: ./src/operations/plan.ts
/**
 * `plan`: what a change to the configuration file will do, for a pull request's reviewers. Both
 * versions of the file (the head in the workspace, the base through git or the GitHub API) go
 * through the same reader and validators as `set`; the plan lists each project's changes with a
 * risk line for each change that matters, in the job summary and in one pull-request comment.
 * It needs no secret and sends nothing to the vendor or the storage, so it is safe on any pull
 * request. Loaded only when a plan runs.
 */











/** Plans the change of the configuration file between the base and the head. */
async function plan(deps) {
    const f = new findings/* Findings */.Fv(deps.readInput);
    const mode = f.choice('comment', ['changes', 'always', 'off'], 'changes');
    const file = f.text('config-file') || sources_files/* DEFAULT_CONFIG_FILE */.Cu;
    if (!(0,sources_files/* isInsideRepository */.JM)(file))
        f.fail('config-file', `'config-file' must be a path inside the repository, such as ${sources_files/* DEFAULT_CONFIG_FILE */.Cu}; got '${file.slice(0, 40)}'.`);
    const token = f.text('github-token');
    const base = (0,review_base/* chooseBase */.b)(f.text('base'), deps.env);
    if (base.kind === 'problem')
        f.fail('base', base.message);
    if (f.problems.length > 0 || mode === undefined) {
        await (0,refuse/* refuse */.T)(f.problems, deps.runContext);
        return;
    }
    const given = secrets/* SECRET_INPUTS */.pH.filter(name => name !== 'github-token' && deps.readInput(name).trim() !== '');
    if (given.length > 0) {
        core/* warning */.$e(`operation 'plan' uses no secret; remove ${given.map(n => `'${n}'`).join(', ')} from this step: a pull request's branch should never be given them.`);
    }
    if (f.text('project') !== '')
        core/* warning */.$e("operation 'plan' plans every project of the file; 'project' is ignored.");
    const now = new Date(deps.clock.now());
    const head = await (0,project_plans/* planProjects */._)(file, (0,sources_files/* workspaceFiles */.PZ)(deps.workspace), now, core/* setSecret */.Pq);
    if (head === undefined) {
        await (0,refuse/* refuse */.T)([
            {
                input: 'config-file',
                message: `'config-file' names ${file}, which is not in the workspace. Check out the repository first (actions/checkout), or fix the path.`
            }
        ], deps.runContext);
        return;
    }
    const headProblems = [...head.problems, ...head.projects.flatMap(project => project.problems)];
    if (headProblems.length > 0) {
        await (0,refuse/* refuse */.T)(headProblems, deps.runContext);
        return;
    }
    let client;
    const github = async () => {
        if (token === '')
            return undefined;
        client ??= await (0,github_client/* makeGitHubClient */.hV)(token, deps.env);
        return client;
    };
    let baseFiles;
    let baseDescription;
    if (base.kind === 'none') {
        baseDescription = `nothing (${base.from}: every project is new)`;
    }
    else if (base.kind === 'revision') {
        const files = await filesAt(base.revision, deps, github);
        if (files === undefined) {
            core/* setFailed */.C1(`Could not read ${file} at ${base.revision} (${base.from}): the commit is not in the checkout and there is no 'github-token' to read it through the GitHub API. Check out with fetch-depth: 0, or give 'github-token' with 'permissions: contents: read'.`);
            return;
        }
        try {
            baseFiles = await (0,project_plans/* planProjects */._)(file, files, now, core/* setSecret */.Pq);
        }
        catch (error) {
            core/* setFailed */.C1(`Could not read the base of the plan: ${error instanceof sources_files/* UnreadableFile */.ie ? error.message : String(error)}`);
            return;
        }
        baseDescription = baseFiles === undefined ? `${files.where}, which has no ${file} (every project is new)` : files.where;
        noteBaseProblems(baseFiles);
    }
    else {
        return;
    }
    const changes = compareProjects(baseFiles?.projects, head.projects);
    const names = head.projects.map(project => project.name);
    const changed = changes.filter(change => change.kind !== 'unchanged');
    core/* setOutput */.uH('result', 'planned');
    core/* setOutput */.uH('projects', JSON.stringify(names));
    core/* setOutput */.uH('changed-projects', JSON.stringify(changed.map(change => change.name)));
    core/* setOutput */.uH('projects-to-apply', JSON.stringify(changed.filter(change => change.kind !== 'removed').map(change => change.name)));
    core/* setOutput */.uH('changes', String(countSettings(changes)));
    logPlan(changes);
    const runContext = await deps.runContext();
    const context = {
        file,
        base: baseDescription,
        head: deps.env.GITHUB_SHA ? `the checkout (commit ${deps.env.GITHUB_SHA.slice(0, 7)})` : 'the checkout',
        ...(runContext.runUrl === undefined ? {} : { runUrl: runContext.runUrl })
    };
    try {
        if (process.env.GITHUB_STEP_SUMMARY)
            await summary/* summary */.z.addRaw(summaryMarkdown(changes, context), true).write();
    }
    catch (error) {
        core/* warning */.$e(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
    await comment(changes, context, mode, deps, github);
}
/** The base's files: the checkout's git when it has the commit, else the GitHub API. */
async function filesAt(revision, deps, github) {
    const local = await (0,sources_files/* gitFiles */.IU)(deps.workspace, revision);
    if (local !== undefined)
        return local;
    const client = await github();
    const repository = (0,github_client/* repositoryOf */._M)(deps.env);
    if (client === undefined || repository === undefined)
        return undefined;
    core/* info */.pq(`Commit ${revision.slice(0, 12)} is not in the checkout; reading the base through the GitHub API.`);
    return (0,sources_files/* apiFiles */.Mg)(client, repository, revision);
}
/** A base that does not validate is no reason to stop: its projects are shown as new, with a notice. */
function noteBaseProblems(base) {
    if (base === undefined)
        return;
    const invalid = base.projects.filter(project => project.plan === undefined).map(project => project.name);
    if (base.problems.length > 0 || invalid.length > 0) {
        core/* notice */.lm(`The file at the base has problems${invalid.length === 0 ? '' : ` in ${invalid.map(n => `'${n}'`).join(', ')}`}; what did not validate there is shown as new.`);
    }
}
/** The plan in the log: the headline, a line per project, and each risk as a warning a reviewer sees on the pull request. */
function logPlan(changes) {
    core/* info */.pq(`Plan: ${headline(changes)}.`);
    for (const change of changes) {
        core/* info */.pq(`  ${change.name}: ${change.kind}${change.settings.length === 0 ? '' : `, ${change.settings.map(s => s.name).join(', ')}`}`);
        for (const risk of change.risks)
            core/* warning */.$e(risk, { title: `Archive target plan: ${change.name}` });
    }
}
async function comment(changes, context, mode, deps, github) {
    const pullRequest = (0,review_base/* pullRequestOf */._)(deps.env);
    if (mode === 'off' || pullRequest === undefined)
        return;
    if (pullRequest.fromFork) {
        core/* notice */.lm('The plan is in the job summary only: a pull request from a fork gets a token that may not comment.');
        return;
    }
    const client = await github();
    const repository = (0,github_client/* repositoryOf */._M)(deps.env);
    if (client === undefined) {
        core/* notice */.lm("The plan is in the job summary only: there is no 'github-token' to comment with.");
        return;
    }
    if (repository === undefined) {
        // Only outside GitHub Actions, which always sets it.
        core/* notice */.lm('The plan is in the job summary only: GITHUB_REPOSITORY does not name the repository to comment in.');
        return;
    }
    const outcome = await syncPlanComment(client, {
        repository,
        pullRequest: pullRequest.number,
        marker: commentMarker(context.file),
        body: commentBody(changes, context),
        changes: changes.some(change => change.kind !== 'unchanged'),
        mode
    });
    if (outcome.action === 'skipped')
        core/* notice */.lm(outcome.notice);
    else if (outcome.action === 'none')
        core/* info */.pq(`No plan comment: ${outcome.why}.`);
    else
        core/* info */.pq(`Plan comment ${outcome.action}: ${outcome.url}`);
}


/***/ }),

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
        if (certificate !== undefined && (0,_sources_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .isCertificatePath */ .F)(certificate.trim())) {
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
            projects.push({ name: project.name, plan: { ...result.plan, project: project.name }, problems: [] });
        else
            projects.push({ name: project.name, problems: [...own, ...found] });
    }
    return { problems: document.problems.map(located), projects };
}


/***/ })

};
;