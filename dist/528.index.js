"use strict";
exports.id = 528;
exports.ids = [528,131];
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
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
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
// EXTERNAL MODULE: ./src/platform.ts + 1 modules
var platform = __webpack_require__(6822);
// EXTERNAL MODULE: ./src/phrase.ts
var phrase = __webpack_require__(8350);
// EXTERNAL MODULE: ./src/storage.ts
var storage = __webpack_require__(1134);
;// CONCATENATED MODULE: ./src/review/changes.ts
/**
 * What a change to the configuration file does, project by project: each setting the file wrote
 * that changes (old → new, in the file's own names, compared as validated so `S3` and `s3` are the
 * same), and a risk line for each change a reviewer must not miss. A project removed and one added
 * with the same project ID is one project renamed. Pure: plans in, changes out.
 */



/** A certificate that expires sooner than this is a risk line. */
const EXPIRY_RISK_MS = 30 * 86_400_000;
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
        return ['nowhere'];
    const where = (0,phrase/* value */.Uq)((0,storage/* describeTarget */.ff)(target));
    if (target.type === 's3')
        return target.endpoint === undefined ? [where] : (0,phrase/* phrase */.MZ) `${where} at ${(0,phrase/* value */.Uq)(target.endpoint)}`;
    return target.domain === undefined ? [where] : (0,phrase/* phrase */.MZ) `${where} in ${(0,phrase/* value */.Uq)(target.domain)}`;
}
/** "the OpenTok project 46000001" or "the Vonage application …", the ID as a value. */
function projectPhrase(plan) {
    const kind = plan.credentials.platform === 'opentok' ? 'the OpenTok project ' : 'the Vonage application ';
    return [kind, (0,phrase/* value */.Uq)((0,platform/* projectIdOf */.QK)(plan.credentials))];
}
/** The risk lines of going from `before` (undefined for a new project) to `after`, as of `now`. */
function risksOf(before, after, now) {
    const risks = [];
    const was = before === undefined ? new Map() : settingsOf(before);
    const is = settingsOf(after);
    if (before !== undefined && before.credentials.platform !== after.credentials.platform) {
        const signer = after.credentials.platform === 'opentok' ? "'api-secret'" : "'private-key'";
        risks.push([
            'The platform changes: this entry now sets the target of ',
            ...projectPhrase(after),
            ` (signed with ${signer}); the target of `,
            ...projectPhrase(before),
            ' is left as it was.'
        ]);
    }
    if (after.fallback === 'none' && was.get('fallback') !== 'none') {
        risks.push(['`fallback` is `none`: an archive whose upload fails is lost, with nothing kept in the vendor cloud.']);
    }
    if (after.certificate.kind === 'off' && was.get('certificate') !== 'none')
        risks.push(['`certificate: none`: archives are no longer encrypted.']);
    if (before?.certificate.kind === 'set' && after.certificate.kind === 'unchanged') {
        risks.push([
            'The certificate is removed from the file: the file no longer sets encryption, so the vendor keeps whatever certificate it has and nothing here puts it back.'
        ]);
    }
    if (after.certificate.kind === 'set' && was.get('certificate') !== is.get('certificate')) {
        risks.push(['A new certificate: only the holder of its private key can decrypt archives recorded after the merge.']);
    }
    const expiry = expiryRisk(after, now);
    if (expiry !== undefined)
        risks.push(expiry);
    if (after.target?.type === 's3' && after.target.sse === 'none' && was.get('sse') !== 'none') {
        risks.push(['`sse` is `none`: the storage does not encrypt archives at rest (SSE-S3); give `sse: s3` unless the service cannot.']);
    }
    if (!after.verify && was.get('verify') !== 'false') {
        risks.push([
            '`verify` is `false`: the storage check is off, so the target is set without a test write, and a wrong key or bucket policy shows only when archives fail to upload.'
        ]);
    }
    const places = ['type', 'bucket', 'container', 'account-name', 'endpoint', 'domain'];
    if (before !== undefined && places.some(name => was.get(name) !== is.get(name))) {
        risks.push([
            'Archives recorded after the merge go to ',
            ...whereTo(after.target),
            '; earlier ones stay where they are (',
            ...whereTo(before.target),
            ').'
        ]);
    }
    const endpoint = after.target?.type === 's3' ? after.target.endpoint : undefined;
    if (endpoint?.startsWith('http://') && was.get('endpoint') !== endpoint) {
        risks.push((0,phrase/* phrase */.MZ) `\`endpoint\` is plain http:// (${(0,phrase/* value */.Uq)(endpoint)}): the storage keys and every archive travel unencrypted.`);
    }
    return risks;
}
/** The risk of a certificate that expires within 30 days of `now`, whether or not it changes. */
function expiryRisk(plan, now) {
    const certificate = plan.certificate;
    if (certificate.kind !== 'set')
        return undefined;
    const left = certificate.validTo.getTime() - now.getTime();
    if (left > EXPIRY_RISK_MS)
        return undefined;
    const days = Math.max(0, Math.floor(left / 86_400_000));
    return [
        `The certificate expires on ${certificate.validTo.toISOString().slice(0, 10)}, in ${days} day${days === 1 ? '' : 's'}: renew it before then, or archives recorded after that date cannot be encrypted with it.`
    ];
}
/** The inputs that must give what the file may not hold. */
function needsOf(plan) {
    const credential = plan.credentials.platform === 'opentok' ? 'api-secret' : 'private-key';
    const storage = plan.target?.type === 'azure' ? 'account-key' : 'secret-key';
    return [credential, storage];
}
/** The settings of going from `was` to `is` that changed, of those the file wrote on either side. */
function changedSettings(was, is, written) {
    const names = [...new Set([...is.keys(), ...was.keys()])];
    return names
        .filter(name => written.has(name) && was.get(name) !== is.get(name))
        .map(name => ({ name, ...optional('before', was.get(name)), ...optional('after', is.get(name)) }));
}
/** The project ID a plan sets the target of, compared without regard to case (an application ID is a UUID). */
function idOf(plan) {
    return plan === undefined ? undefined : (0,platform/* projectIdOf */.QK)(plan.credentials).toLowerCase();
}
/**
 * The entries of the file that name the same project ID, each with the others: one project has one
 * archive upload target, so such entries overwrite each other's.
 */
function sharedProjectIds(projects) {
    const byId = new Map();
    for (const project of projects) {
        const id = idOf(project.plan);
        if (id !== undefined)
            byId.set(id, [...(byId.get(id) ?? []), project.name]);
    }
    return new Map([...byId].filter(([, names]) => names.length > 1));
}
/**
 * Compares the projects at the base (undefined: the file was not there) with those at the head,
 * as of `now`, in the head's order, removed ones last. A project that left the file while one with
 * the same project ID joined it is one project renamed.
 */
function compareProjects(base, head, now) {
    const before = new Map((base ?? []).map(project => [project.name, project]));
    const atHead = new Set(head.map(project => project.name));
    const gone = (base ?? []).filter(project => !atHead.has(project.name));
    const renamedFrom = new Map();
    for (const project of head) {
        if (before.has(project.name) || idOf(project.plan) === undefined)
            continue;
        const former = gone.find(old => idOf(old.plan) === idOf(project.plan) && ![...renamedFrom.values()].includes(old));
        if (former !== undefined)
            renamedFrom.set(project.name, former);
    }
    const shared = sharedProjectIds(head);
    const changes = [];
    for (const project of head) {
        const plan = project.plan;
        if (plan === undefined)
            continue;
        const sharing = sharedRisk(project.name, plan, shared);
        const former = renamedFrom.get(project.name);
        const oldProject = former ?? before.get(project.name);
        const old = oldProject?.plan;
        const is = settingsOf(plan);
        if (old === undefined || oldProject === undefined) {
            changes.push({
                name: project.name,
                kind: 'added',
                settings: changedSettings(new Map(), is, project.written),
                risks: [...sharing, ...risksOf(undefined, plan, now)],
                needs: needsOf(plan)
            });
            continue;
        }
        const written = new Set([...project.written, ...oldProject.written]);
        const settings = changedSettings(settingsOf(old), is, written);
        const kind = former !== undefined ? 'renamed' : settings.length === 0 ? 'unchanged' : 'changed';
        // An unchanged project still shows what time alone brings: a certificate about to expire.
        const risks = kind === 'unchanged' ? [expiryRisk(plan, now)].filter(risk => risk !== undefined) : risksOf(old, plan, now);
        changes.push({
            name: project.name,
            ...(former === undefined ? {} : { formerName: former.name }),
            kind,
            settings,
            risks: [...sharing, ...risks],
            needs: needsOf(plan)
        });
    }
    const renamed = new Set([...renamedFrom.values()]);
    for (const project of gone) {
        if (renamed.has(project))
            continue;
        const was = project.plan === undefined ? new Map() : settingsOf(project.plan);
        const id = idOf(project.plan);
        const stillSetBy = head.find(other => other.plan !== undefined && idOf(other.plan) === id);
        changes.push({
            name: project.name,
            kind: 'removed',
            settings: [...was].filter(([name]) => project.written.has(name)).map(([name, before]) => ({ name, before })),
            risks: [
                stillSetBy === undefined
                    ? [
                        "Removed from the file: its archive upload target is left as it was (the action never removes one by itself). To remove it, run the action with `operation: delete` and this project's credentials."
                    ]
                    : (0,phrase/* phrase */.MZ) `Removed from the file, but ${(0,phrase/* value */.Uq)(stillSetBy.name, 64)} still sets the target of the same project ID: do not run \`operation: delete\` for it, which would remove that target.`
            ],
            needs: []
        });
    }
    return changes;
}
/** The risk line of an entry that shares its project ID with others of the file. */
function sharedRisk(name, plan, shared) {
    const names = shared.get(idOf(plan) ?? '');
    if (names === undefined)
        return [];
    const others = names.filter(other => other !== name);
    const list = others.flatMap((other, index) => [index === 0 ? '' : ', ', (0,phrase/* value */.Uq)(other, 64)]).filter(part => part !== '');
    return [
        [
            ...list,
            ` also set${others.length === 1 ? 's' : ''} the target of `,
            ...projectPhrase(plan),
            ': one project has one archive upload target, so the deploys and nightly runs of these entries overwrite each other. Keep one entry per project ID.'
        ]
    ];
}
function optional(key, given) {
    return (given === undefined ? {} : { [key]: given });
}

;// CONCATENATED MODULE: ./src/review/comment.ts
/**
 * The plan's one comment on a pull request: found again by the hidden marker of its
 * configuration file and edited in place on every push. A comment is the plan's only if the
 * token's own identity wrote it: anyone can write the marker into a comment, and a plan read from
 * a comment someone else can edit is no plan. Such a comment is left alone and named in a notice.
 * Two runs that started at once may each have posted one: the oldest is kept and updated, the
 * others deleted, so no stale plan stays. `comment: changes` writes one only when something
 * changes, and turns an existing one into "no changes" rather than leave a stale plan. A token
 * that may not write (a fork's, or one without `pull-requests: write`) is a notice.
 */

/** Creates or updates the plan comment as the mode says; `ignored` names the authors of marked comments that are not ours. Never throws. */
async function syncPlanComment(client, request) {
    if (request.mode === 'off')
        return { action: 'none', why: "'comment' is off", ignored: [] };
    const { repository, pullRequest } = request;
    let ignored = [];
    try {
        const comments = await client.paginate(client.rest.issues.listComments, { ...repository, issue_number: pullRequest, per_page: 100 });
        const marked = comments.filter(comment => (comment.body ?? '').includes(request.marker));
        const login = await (0,github_client/* tokenLogin */.nu)(client);
        const ours = marked.filter(comment => (0,github_client/* writtenBy */.xO)(comment.user, login)).sort((a, b) => a.id - b.id);
        ignored = [...new Set(marked.filter(comment => !ours.includes(comment)).map(comment => comment.user?.login ?? 'an unknown author'))];
        const [existing, ...extra] = ours;
        if (existing === undefined && request.mode === 'changes' && !request.changes) {
            return { action: 'none', why: 'no change, and no earlier plan comment to update', ignored };
        }
        for (const comment of extra)
            await client.rest.issues.deleteComment({ ...repository, comment_id: comment.id });
        if (existing !== undefined) {
            const updated = await client.rest.issues.updateComment({ ...repository, comment_id: existing.id, body: request.body });
            return { action: 'updated', url: updated.data.html_url, ignored };
        }
        const created = await client.rest.issues.createComment({ ...repository, issue_number: pullRequest, body: request.body });
        return { action: 'created', url: created.data.html_url, ignored };
    }
    catch (error) {
        if ((0,github_client/* isPermissionError */.gj)(error)) {
            return {
                action: 'skipped',
                notice: `The plan is in the job summary only: the token may not comment on the pull request (${(0,github_client/* describeGitHubError */.dZ)(error)}). Give the job 'permissions: pull-requests: write'; a pull request from a fork never gets it.`,
                ignored
            };
        }
        return {
            action: 'skipped',
            notice: `The plan is in the job summary only: the comment could not be written (${(0,github_client/* describeGitHubError */.dZ)(error)}).`,
            ignored
        };
    }
}

// EXTERNAL MODULE: ./src/review/project-plans.ts
var project_plans = __webpack_require__(4548);
// EXTERNAL MODULE: ./src/markdown.ts
var markdown = __webpack_require__(3758);
;// CONCATENATED MODULE: ./src/review/render.ts
/**
 * The plan in Markdown, for the job summary and the pull-request comment: the headline, every risk
 * line above the fold, a line per project, then the details of each project that changes (folded
 * in the comment). Every value from the file under review is shown as code (markdown.ts), and
 * every part is cut to fit the room it has: GitHub refuses a comment over 65,536 characters.
 */


/** GitHub refuses a comment over 65,536 characters; the plan is cut well before. */
const MAX_COMMENT = 60_000;
/** The room of the risk lines in a comment, and of the table of projects; the details have the rest. */
const RISKS_ROOM = 24_000;
const OVERVIEW_ROOM = 12_000;
/** A job summary may hold 1 MiB per step; the plan's stays well under, counted in characters (at most 3 bytes each here). */
const MAX_SUMMARY = 300_000;
/** The longest project name (the file allows 64) and value a table shows. */
const NAME_MAX = 64;
const VALUE_MAX = 300;
/** "2 projects change (5 settings), 3 risks to review", "No changes", or "No changes, 1 risk to review". */
function headline(changes) {
    const changed = changes.filter(change => change.kind !== 'unchanged');
    const risks = riskCount(changes);
    const toReview = risks === 0 ? '' : `, ${risks} risk${risks === 1 ? '' : 's'} to review`;
    if (changed.length === 0)
        return `No changes${toReview}`;
    const settings = countSettings(changes);
    const projects = `${changed.length} project${changed.length === 1 ? '' : 's'} change${changed.length === 1 ? 's' : ''}`;
    return `${projects} (${settings} setting${settings === 1 ? '' : 's'})${toReview}`;
}
/** Settings changed in all, of those the file wrote: a default the file never wrote is not counted. */
function countSettings(changes) {
    return changes.reduce((sum, change) => sum + change.settings.length, 0);
}
function riskCount(changes) {
    return changes.reduce((sum, change) => sum + change.risks.length, 0);
}
/** How a change is named in the table and the details. */
function kindWords(change) {
    if (change.kind === 'renamed')
        return `renamed from ${(0,markdown/* codeCell */.MZ)(change.formerName ?? '', NAME_MAX)}`;
    return { added: 'added', removed: 'removed', changed: 'changed', unchanged: 'no changes' }[change.kind];
}
/**
 * Every risk line, each with its project, in one warning above the fold, within `room`
 * characters; the lines that do not fit are counted, with where to read them.
 */
function risksBlock(changes, room, rest) {
    const total = riskCount(changes);
    if (total === 0)
        return '';
    const lines = ['> [!WARNING]', `> **${total} risk${total === 1 ? '' : 's'} to review**`, '>'];
    let used = lines.join('\n').length;
    let shown = 0;
    for (const change of changes) {
        for (const risk of change.risks) {
            const line = `> - ${(0,markdown/* code */.aY)(change.name, NAME_MAX)}: ${(0,phrase/* phraseMarkdown */.fP)(risk).replace(/[\r\n]+/g, ' ')}`;
            const last = `> - … and ${total - shown} more: ${rest}`;
            if (used + line.length + 1 + (shown + 1 < total ? last.length + 1 : 0) > room) {
                lines.push(last);
                return lines.join('\n');
            }
            lines.push(line);
            used += line.length + 1;
            shown++;
        }
    }
    return lines.join('\n');
}
/** The table with one line per project, within `room` characters. */
function overview(changes, room = Number.MAX_SAFE_INTEGER, rest = '') {
    const rows = changes.map(change => [
        (0,markdown/* codeCell */.MZ)(change.name, NAME_MAX),
        kindWords(change),
        String(change.settings.length),
        change.risks.length === 0 ? '' : `⚠️ ${change.risks.length}`
    ]);
    return (0,markdown/* tableWithin */.uG)(['project', 'change', 'settings', 'risks'], rows, room, left => `… and ${left} more projects: ${rest}`);
}
/** The details of every project that changes: each setting old → new, and the inputs it needs. */
function details(changes) {
    const parts = [];
    for (const change of changes.filter(c => c.kind !== 'unchanged')) {
        parts.push(`#### ${(0,markdown/* code */.aY)(change.name, NAME_MAX)}: ${kindWords(change)}`, '');
        if (change.settings.length > 0) {
            const rows = ['| setting | before | after |', '|---|---|---|'];
            for (const setting of change.settings) {
                const before = setting.before === undefined ? '—' : (0,markdown/* codeCell */.MZ)(setting.before, VALUE_MAX);
                const after = setting.after === undefined ? '—' : (0,markdown/* codeCell */.MZ)(setting.after, VALUE_MAX);
                rows.push(`| \`${setting.name}\` | ${before} | ${after} |`);
            }
            parts.push(rows.join('\n'), '');
        }
        else if (change.kind === 'renamed') {
            parts.push('The same project under a new name; no setting changes.', '');
        }
        if (change.needs.length > 0)
            parts.push(`Given by inputs, never by the file: ${change.needs.map(name => `\`${name}\``).join(', ')}.`, '');
    }
    return parts.join('\n').trimEnd();
}
function contextLine(context) {
    return `${(0,markdown/* code */.aY)(context.file, 200)} at ${context.head}, compared with ${context.base}.`;
}
/** The whole plan for the job summary: nothing folded, cut only past what a summary may hold. */
function summaryMarkdown(changes, context) {
    const text = [
        `### Archive target plan: ${headline(changes)}`,
        '',
        contextLine(context),
        '',
        risksBlock(changes, MAX_SUMMARY / 3, 'the log has every one, as warnings.'),
        '',
        overview(changes),
        '',
        details(changes)
    ]
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trimEnd();
    return text.length > MAX_SUMMARY ? `${(0,markdown/* cutAtLine */.qE)(text, MAX_SUMMARY)}\n\n… cut here: the plan is longer than a job summary may be.` : text;
}
/** The hidden marker that finds the comment of a configuration file again. */
function commentMarker(file) {
    return `<!-- opentok-archive-target:plan file=${file.replace(/-->/g, '')} -->`;
}
/** The pull-request comment: headline, every risk line and the table above the fold, the details folded; at most MAX_COMMENT characters. */
function commentBody(changes, context) {
    const inSummary = `the job summary of ${context.runUrl === undefined ? 'the run' : `[the run](${context.runUrl})`} has all of it.`;
    const top = [
        commentMarker(context.file),
        `### Archive target plan: ${headline(changes)}`,
        '',
        `${contextLine(context)} This plan used no secret; nothing was sent to the vendor or the storage.`,
        '',
        risksBlock(changes, RISKS_ROOM, inSummary),
        '',
        overview(changes, OVERVIEW_ROOM, inSummary),
        ''
    ]
        .join('\n')
        .replace(/\n{3,}/g, '\n\n');
    const body = details(changes);
    if (body === '')
        return `${top}\n${footer(context)}`.trimEnd();
    const pointer = `\n\n… cut here: the plan is longer than a comment may be; ${inSummary}`;
    const room = MAX_COMMENT - top.length - footer(context).length - pointer.length - 64;
    const shown = body.length > room ? `${(0,markdown/* cutAtLine */.qE)(body, Math.max(0, room))}${pointer}` : body;
    return `${top}\n<details><summary>Details</summary>\n\n${shown}\n\n</details>\n\n${footer(context)}`.trimEnd();
}
/**
 * The comment of a head whose file does not validate: no plan can be made, and an earlier plan
 * must not stand as if it were current. Each problem is quoted as code: it may repeat a value of
 * the file under review.
 */
function invalidBody(problems, context) {
    const listed = problems.map(problem => {
        const where = problem.file === undefined ? 'input' : `${problem.file}${problem.line === undefined ? '' : ` line ${problem.line}`}`;
        return `${where}: ${problem.message}`;
    });
    return [
        commentMarker(context.file),
        `### Archive target plan: the file at ${context.commit} does not validate`,
        '',
        `${(0,markdown/* code */.aY)(context.file, 200)} at ${context.head} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing can be planned until it validates. Fix ${problems.length === 1 ? 'it' : 'them'} and push: this comment is updated by the next plan.`,
        '',
        (0,markdown/* codeBlock */.DV)(listed.join('\n'), 500, 60),
        '',
        footer(context)
    ]
        .join('\n')
        .trimEnd();
}
function footer(context) {
    return context.runUrl === undefined ? '' : `<sub>From [the plan run](${context.runUrl}).</sub>`;
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
        log/* warning */.$e(`operation 'plan' uses no secret; remove ${given.map(n => `'${n}'`).join(', ')} from this step: a pull request's branch should never be given them.`);
    }
    if (f.text('project') !== '')
        log/* warning */.$e("operation 'plan' plans every project of the file; 'project' is ignored.");
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
    let client;
    const github = async () => {
        if (token === '')
            return undefined;
        client ??= await (0,github_client/* makeGitHubClient */.hV)(token, deps.env);
        return client;
    };
    const runContext = await deps.runContext();
    const commit = deps.env.GITHUB_SHA ? deps.env.GITHUB_SHA.slice(0, 7) : undefined;
    const headWords = commit === undefined ? 'the checkout' : `the checkout (commit ${commit})`;
    const headProblems = [...head.problems, ...head.projects.flatMap(project => project.problems)];
    if (headProblems.length > 0) {
        // The comment must not keep showing an earlier plan as if it were this head's.
        const context = { file, base: '', head: headWords, commit: commit ?? 'the head', ...runUrlOf(runContext) };
        await comment(file, invalidBody(headProblems, context), true, mode, deps, github);
        await (0,refuse/* refuse */.T)(headProblems, deps.runContext);
        return;
    }
    let baseFiles;
    let baseDescription;
    if (base.kind === 'none') {
        baseDescription = `nothing (${base.from}: every project is new)`;
    }
    else if (base.kind === 'revision') {
        const files = await filesAt(base.revision, deps, github);
        if (files === undefined) {
            log/* fail */.fJ(`Could not read ${file} at ${base.revision} (${base.from}): the commit is not in the checkout and there is no 'github-token' to read it through the GitHub API. Check out with fetch-depth: 0, or give 'github-token' with 'permissions: contents: read'.`);
            return;
        }
        try {
            baseFiles = await (0,project_plans/* planProjects */._)(file, files, now, core/* setSecret */.Pq);
            baseDescription = baseFiles === undefined ? `${files.where}, which has no ${file} (every project is new)` : files.where;
        }
        catch (error) {
            if (!(error instanceof sources_files/* UnknownRevision */.UP)) {
                log/* fail */.fJ(`Could not read the base of the plan: ${error instanceof sources_files/* UnreadableFile */.ie ? error.message : String(error)}`);
                return;
            }
            // A force push can leave a base the repository no longer knows: nothing can be compared, so every project is applied.
            baseDescription = `commit ${base.revision.slice(0, 7)} (${base.from}), which this repository does not know (a force push may have replaced it): every project is treated as new`;
            log/* notice */.lm(`The base ${base.revision.slice(0, 12)} (${base.from}) is not a commit this repository knows; every project of ${file} is planned as new, and a deploy applies them all.`);
        }
        noteBaseProblems(baseFiles);
    }
    else {
        return;
    }
    const changes = compareProjects(baseFiles?.projects, head.projects, now);
    const names = head.projects.map(project => project.name);
    const changed = changes.filter(change => change.kind !== 'unchanged');
    core/* setOutput */.uH('result', 'planned');
    core/* setOutput */.uH('projects', JSON.stringify(names));
    core/* setOutput */.uH('changed-projects', JSON.stringify(changed.map(change => change.name)));
    core/* setOutput */.uH('projects-to-apply', JSON.stringify(changed.filter(change => change.kind !== 'removed').map(change => change.name)));
    core/* setOutput */.uH('changes', String(countSettings(changes)));
    logPlan(changes);
    const context = { file, base: baseDescription, head: headWords, ...runUrlOf(runContext) };
    try {
        if (process.env.GITHUB_STEP_SUMMARY)
            await summary/* summary */.z.addRaw(summaryMarkdown(changes, context), true).write();
    }
    catch (error) {
        log/* warning */.$e(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
    await comment(file, commentBody(changes, context), changed.length > 0, mode, deps, github);
}
function runUrlOf(context) {
    return context.runUrl === undefined ? {} : { runUrl: context.runUrl };
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
    log/* info */.pq(`Commit ${revision.slice(0, 12)} is not in the checkout; reading the base through the GitHub API.`);
    return (0,sources_files/* apiFiles */.Mg)(client, repository, revision);
}
/** A base that does not validate is no reason to stop: its projects are shown as new, with a notice. */
function noteBaseProblems(base) {
    if (base === undefined)
        return;
    const invalid = base.projects.filter(project => project.plan === undefined).map(project => project.name);
    if (base.problems.length > 0 || invalid.length > 0) {
        log/* notice */.lm(`The file at the base has problems${invalid.length === 0 ? '' : ` in ${invalid.map(n => `'${n}'`).join(', ')}`}; what did not validate there is shown as new.`);
    }
}
/** The plan in the log: the headline, a line per project, and each risk as a warning a reviewer sees on the pull request. */
function logPlan(changes) {
    log/* info */.pq(`Plan: ${headline(changes)}.`);
    for (const change of changes) {
        log/* info */.pq(`  ${change.name}: ${change.kind}${change.settings.length === 0 ? '' : `, ${change.settings.map(s => s.name).join(', ')}`}`);
        for (const risk of change.risks)
            log/* warning */.$e((0,phrase/* phraseText */.tN)(risk), { title: `Archive target plan: ${change.name}` });
    }
}
/** Writes `body` as the plan's comment on the pull request of this run, as `mode` says; `changes` says whether it has news. */
async function comment(file, body, changes, mode, deps, github) {
    const pullRequest = (0,review_base/* pullRequestOf */._)(deps.env);
    if (mode === 'off' || pullRequest === undefined)
        return;
    if (pullRequest.fromFork) {
        log/* notice */.lm('The plan is in the job summary only: a pull request from a fork gets a token that may not comment.');
        return;
    }
    const client = await github();
    const repository = (0,github_client/* repositoryOf */._M)(deps.env);
    if (client === undefined) {
        log/* notice */.lm("The plan is in the job summary only: there is no 'github-token' to comment with.");
        return;
    }
    if (repository === undefined) {
        // Only outside GitHub Actions, which always sets it.
        log/* notice */.lm('The plan is in the job summary only: GITHUB_REPOSITORY does not name the repository to comment in.');
        return;
    }
    const outcome = await syncPlanComment(client, {
        repository,
        pullRequest: pullRequest.number,
        marker: commentMarker(file),
        body,
        changes,
        mode
    });
    if (outcome.ignored.length > 0) {
        log/* notice */.lm(`A comment with the plan's marker by ${outcome.ignored.map(login => `'${login}'`).join(', ')} was ignored: the plan only updates a comment its own token wrote, so this run's plan is in a comment of its own.`);
    }
    if (outcome.action === 'skipped')
        log/* notice */.lm(outcome.notice);
    else if (outcome.action === 'none')
        log/* info */.pq(`No plan comment: ${outcome.why}.`);
    else
        log/* info */.pq(`Plan comment ${outcome.action}: ${outcome.url}`);
}


/***/ }),

/***/ 8350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MZ: () => (/* binding */ phrase),
/* harmony export */   Uq: () => (/* binding */ value),
/* harmony export */   fP: () => (/* binding */ phraseMarkdown),
/* harmony export */   tN: () => (/* binding */ phraseText)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3758);
/**
 * A sentence the action writes with values it did not write kept apart: a value of a file under
 * review, a certificate subject. The log shows it through its door (log.ts), as plain text; the
 * Markdown door (markdown.ts) shows each value as code, where it cannot mention, link or show an
 * image, and the action's own words as they are.
 */

/** The longest value a phrase shows unless told otherwise. */
const DEFAULT_MAX = 200;
/** A value from outside, to put in a phrase. */
function value(text, max = DEFAULT_MAX) {
    return { value: text, max };
}
/** A phrase written as a template: `phrase\`goes to ${value(bucket)}\``. */
function phrase(strings, ...parts) {
    const out = [];
    strings.forEach((text, index) => {
        if (text !== '')
            out.push(text);
        const part = parts[index];
        if (part !== undefined && part !== '')
            out.push(part);
    });
    return out;
}
/** The phrase as the log shows it: values as they are, cut to their length. */
function phraseText(words) {
    return words.map(part => (typeof part === 'string' ? part : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .cut */ .Jj)(part.value, part.max))).join('');
}
/** The phrase as Markdown: the action's words as they are, every value as code. */
function phraseMarkdown(words) {
    return words.map(part => (typeof part === 'string' ? part : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(part.value, part.max))).join('');
}


/***/ }),

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