"use strict";
exports.id = 964;
exports.ids = [964];
exports.modules = {

/***/ 3964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LOOKUP_CONCURRENCY: () => (/* binding */ LOOKUP_CONCURRENCY),
  audit: () => (/* binding */ audit)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 4 modules
var core = __webpack_require__(3000);
// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(6803);
// EXTERNAL MODULE: ./src/platform.ts + 1 modules
var platform = __webpack_require__(6822);
// EXTERNAL MODULE: ./src/vendor-answer.ts
var vendor_answer = __webpack_require__(6064);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/archive-list.ts
/**
 * The vendor's archive list, read page by page, newest first, down to the start of an audit's
 * window: `GET {api-url}/v2/project/{id}/archive?offset=N&count=M`, signed like the storage call.
 * Each archive's `url` is a signed download link: it is masked the moment it is read and never kept.
 */




/** The most the vendor returns in one page. */
const PAGE_SIZE = 1000;
/** The most archives one audit reads; a larger window is cut here, with a warning. */
const MAX_ARCHIVES = 10_000;
/** Archive IDs are UUIDs; anything else would not be safe in a storage key or a report. */
const ARCHIVE_ID = /^[A-Za-z0-9-]{1,64}$/;
/** The URL of one page of the list. */
function archiveListUrl(plan, offset, count) {
    return `${plan.apiUrl}/v2/project/${(0,platform/* projectIdOf */.QK)(plan.credentials)}/archive?offset=${offset}&count=${count}`;
}
/**
 * Reads the archives created at or after `since`. Paging stops at the first page that reaches
 * older archives, at the end of the list, or at MAX_ARCHIVES: an audit never walks the whole history.
 */
async function listArchivesSince(plan, since, io) {
    const archives = [];
    const seen = new Set();
    let requests = 0;
    let status;
    let skipped = 0;
    for (let offset = 0;; offset += PAGE_SIZE) {
        const outgoing = { method: 'GET', url: archiveListUrl(plan, offset, PAGE_SIZE) };
        const outcome = await (0,http/* sendWithRetries */.HI)(io.transport, outgoing, async () => ({
            ...(await (0,platform/* authHeaders */.Pw)(plan.credentials, io.clock.now(), io.mask)),
            Accept: 'application/json',
            'User-Agent': version/* USER_AGENT */._O
        }), { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 }, io.clock, io.log);
        requests += outcome.attempts;
        const answer = outcome.answer;
        if (answer === undefined) {
            return {
                archives,
                requests,
                capped: false,
                skipped,
                error: `${(0,http/* noAnswerMessage */.J1)(outgoing, outcome)}${(0,vendor_answer/* apiUrlHint */.t)(plan, outcome.failure)}`
            };
        }
        status = answer.status;
        if (answer.status < 200 || answer.status >= 300) {
            return { archives, requests, status, capped: false, skipped, error: (0,vendor_answer/* explainFailure */.S)(plan.credentials, outgoing, answer, io.secrets) };
        }
        const page = readPage(answer.body, io.mask);
        if (page === undefined) {
            return {
                archives,
                requests,
                status,
                capped: false,
                skipped,
                error: `${outgoing.method} ${outgoing.url} answered ${answer.status} with a body that is not an archive list ({"count": …, "items": […]}); check 'api-url'.`
            };
        }
        let reachedOlder = false;
        for (const item of page.items) {
            if (item.createdAt < since.getTime()) {
                reachedOlder = true;
                continue;
            }
            if (item.id === undefined) {
                skipped++;
                continue;
            }
            // Archives started while paging push the list down: the same archive can come twice.
            if (seen.has(item.id))
                continue;
            if (archives.length >= MAX_ARCHIVES)
                return { archives, requests, status, capped: true, skipped };
            seen.add(item.id);
            archives.push(item);
        }
        if (reachedOlder || page.received < PAGE_SIZE || offset + PAGE_SIZE >= page.total) {
            return { archives, requests, status, capped: false, skipped };
        }
    }
}
/**
 * One page: the total and its archives, each `url` masked and dropped; undefined when the body
 * is not an archive list. The body is parsed and let go: only the fields the audit needs are kept.
 */
function readPage(body, mask) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || !Array.isArray(parsed.items))
        return undefined;
    const { count, items } = parsed;
    const result = [];
    for (const raw of items) {
        if (raw === null || typeof raw !== 'object')
            continue;
        const item = raw;
        if (typeof item.url === 'string' && item.url !== '')
            mask(item.url);
        const createdAt = numberOr(item.createdAt, Number.NaN);
        if (Number.isNaN(createdAt))
            continue;
        const id = typeof item.id === 'string' && ARCHIVE_ID.test(item.id) ? item.id : undefined;
        const updatedAt = numberOr(item.updatedAt, Number.NaN);
        result.push({
            id,
            status: typeof item.status === 'string' ? item.status.toLowerCase() : '',
            createdAt,
            ...(Number.isNaN(updatedAt) ? {} : { updatedAt }),
            duration: numberOr(item.duration, 0),
            size: numberOr(item.size, 0),
            outputMode: item.outputMode === 'individual' ? 'individual' : 'composed',
            sessionId: typeof item.sessionId === 'string' ? item.sessionId.slice(0, 200) : '',
            reason: typeof item.reason === 'string' ? item.reason.slice(0, 200) : ''
        });
    }
    return { total: numberOr(count, items.length), received: items.length, items: result };
}
function numberOr(value, fallback) {
    return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/summary.js
var lib_summary = __webpack_require__(1170);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/report.ts
var src_report = __webpack_require__(665);
;// CONCATENATED MODULE: ./src/audit/verdicts.ts
/** The classes in the order the summary lists them, with the words it uses. */
const CLASS_NAMES = [
    ['delivered', 'delivered'],
    ['pending', 'pending'],
    ['missing', 'missing from the target'],
    ['kept-by-vendor', 'kept by the vendor'],
    ['failed', 'failed'],
    ['stuck', 'stuck'],
    ['gone', 'gone'],
    ['unknown', 'unknown status']
];
/** Classes that are not failures: delivered, or still on their way. */
function isUndelivered(kind) {
    return kind !== 'delivered' && kind !== 'pending';
}
/** How long the vendor keeps an archive whose upload failed, with fallback 'opentok'. */
const VENDOR_KEEPS_MS = 72 * 3_600_000;
/** Where the vendor writes an archive: `{project id}/{archive id}/archive.mp4`, or `archive.zip` for individual streams. */
function expectedKey(projectId, archive) {
    return `${projectId}/${archive.id}/${archive.outputMode === 'individual' ? 'archive.zip' : 'archive.mp4'}`;
}
/** When the archive stopped recording: the vendor's last update, or its start plus its length. */
function endedAt(archive) {
    return archive.updatedAt ?? archive.createdAt + archive.duration * 1000;
}
/** Judges one archive; `foundKey` is what the target holds under its prefix (undefined: nothing, or not asked). */
function judge(archive, foundKey, options) {
    const objectKey = foundKey ?? expectedKey(options.projectId, archive);
    const verdict = (kind, happened, whereNow) => ({ kind, happened, whereNow, objectKey });
    if (foundKey !== undefined)
        return verdict('delivered', 'uploaded', `${options.target}/${foundKey}`);
    const reason = archive.reason === '' ? '' : ` (${archive.reason})`;
    switch (archive.status) {
        case 'uploaded':
            return options.objectsChecked
                ? verdict('missing', 'uploaded, but the target does not hold it: the object was deleted, or the target changed', 'not in the target')
                : verdict('delivered', 'uploaded (status only: the target was not asked)', `${options.target}/${objectKey}`);
        case 'started':
        case 'paused':
            return verdict('pending', `still recording (${archive.status})`, 'with the vendor, recording');
        case 'stopped': {
            const waited = options.now - endedAt(archive);
            return waited < options.uploadGraceMs
                ? verdict('pending', 'stopped, upload in progress', 'with the vendor, uploading')
                : verdict('stuck', `stopped ${describeDuration(waited)} ago and never uploaded`, 'with the vendor; not in the target');
        }
        case 'available': {
            const expires = new Date(endedAt(archive) + VENDOR_KEEPS_MS);
            return verdict('kept-by-vendor', 'the upload failed; the vendor kept it (fallback)', `the vendor cloud, until ${formatUtc(expires)}; download it from the dashboard before then`);
        }
        case 'failed':
            return verdict('failed', `recording failed${reason}`, 'nowhere: no file was made');
        case 'expired':
            return verdict('gone', 'never reached the target and expired from the vendor cloud', 'nowhere: lost');
        case 'deleted':
            return verdict('gone', 'deleted from the vendor cloud without reaching the target', 'nowhere: lost');
        default:
            return verdict('unknown', `status '${archive.status.slice(0, 40)}' is not one the vendor documents`, 'unknown');
    }
}
/** "2026-11-29 03:00 UTC". */
function formatUtc(date) {
    return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
/** "3 h 20 min", "2 d 4 h", "45 min". */
function describeDuration(ms) {
    const minutes = Math.max(0, Math.floor(ms / 60_000));
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const rest = minutes % 60;
    if (days > 0)
        return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
    if (hours > 0)
        return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
    return `${rest} min`;
}

;// CONCATENATED MODULE: ./src/audit/table.ts

/** "12 archives: 9 delivered · 1 pending · 2 missing from the target": every class with a count. */
function countsLine(total, counts) {
    const parts = CLASS_NAMES.filter(([kind]) => counts[kind] > 0).map(([kind, name]) => `${counts[kind]} ${name}`);
    return `${total} archive${total === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join(' · ')}` : ''}`;
}
/** A Markdown table of `rows`, at most `limit` of them, with a line saying how many more there are and where. */
function undeliveredTable(rows, limit, more) {
    const lines = [
        '| Archive | Created (UTC) | Duration | Size | Status | What happened | Where it is now |',
        '|---|---|---|---|---|---|---|'
    ];
    for (const { archive, verdict } of rows.slice(0, limit)) {
        lines.push(`| ${[
            `\`${archive.id}\``,
            formatUtc(new Date(archive.createdAt)).replace(' UTC', ''),
            describeDuration(archive.duration * 1000).replace(/^0 min$/, `${archive.duration} s`),
            formatSize(archive.size),
            archive.status,
            verdict.happened,
            verdict.whereNow
        ]
            .map(cell)
            .join(' | ')} |`);
    }
    if (rows.length > limit)
        lines.push('', `… and ${rows.length - limit} more: ${more}`);
    return lines.join('\n');
}
/** "1.4 GB", "820 kB", "0 B". */
function formatSize(bytes) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
/** One cell: one line, no Markdown table syntax, no HTML. */
function cell(text) {
    return text
        .replace(/[\r\n\t]+/g, ' ')
        .replace(/[&<>]/g, c => `&#${c.charCodeAt(0)};`)
        .replace(/\|/g, '\\|');
}

;// CONCATENATED MODULE: ./src/audit/report.ts
/** What an audit tells the workflow: outputs, the JSON report file and the job summary; none holds a `url` or a key. */







/** The rows the job summary's table shows at most; the report file has every archive. */
const SUMMARY_ROWS = 500;
/** The archives that count as not delivered, newest first. */
function undeliveredOf(report) {
    return report.judged.filter(entry => isUndelivered(entry.verdict.kind));
}
/** The first line of the summary: the counts, the window and whether the target was asked. */
function overviewOf(report) {
    const how = report.objectsChecked
        ? `each looked for in ${report.target}`
        : `statuses only (${report.statusesOnlyBecause ?? 'the target was not asked'})`;
    return `${countsLine(report.judged.length, report.counts)}; created since ${report.since.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${how}`;
}
/** Writes the JSON report, one entry per archive, without `url`; returns its path. */
async function writeReportFile(report, env) {
    const path = (0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `opentok-archive-audit-${report.projectId}.json`);
    const archives = report.judged.map(({ archive, verdict }) => ({
        id: archive.id,
        created: new Date(archive.createdAt).toISOString(),
        status: archive.status,
        class: verdict.kind,
        objectKey: verdict.objectKey,
        outputMode: archive.outputMode,
        duration: archive.duration,
        size: archive.size,
        sessionId: archive.sessionId,
        happened: verdict.happened,
        whereNow: verdict.whereNow
    }));
    const document = {
        project: report.projectId,
        target: report.target,
        since: report.since.toISOString(),
        objectsChecked: report.objectsChecked,
        counts: report.counts,
        archives
    };
    await (0,promises_.writeFile)(path, `${JSON.stringify(document, null, 1)}\n`, 'utf8');
    return path;
}
/** Sets the audit's outputs, and the common ones (status, attempts, target, verified). */
function setAuditOutputs(report, reportFile, result, output = core/* setOutput */.uH) {
    output('result', result);
    output('archives', String(report.judged.length));
    output('undelivered', String(undeliveredOf(report).length));
    output('report-file', reportFile);
    output('status', report.listStatus === undefined ? '' : String(report.listStatus));
    output('attempts', String(report.requests));
    output('target', report.target);
    // 'false' when the target was asked and refused: the archives were not all looked for.
    output('verified', !report.objectsChecked ? 'skipped' : result === 'failed' ? 'false' : 'true');
}
/** Writes the job summary: heading, counts, and the table of every undelivered archive. */
async function writeAuditSummary(report, reportFile, context, summary = lib_summary/* summary */.z) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const undelivered = undeliveredOf(report);
    summary.addHeading(`Archive delivery audit: ${(0,src_report/* escapeHtml */.ZD)(report.project)}`, 3);
    if (report.source !== undefined)
        summary.addRaw(`<p>Settings: ${(0,src_report/* escapeHtml */.ZD)(report.source)}</p>`, true);
    summary.addRaw(`<p>${(0,src_report/* escapeHtml */.ZD)(overviewOf(report))}.</p>`, true);
    if (undelivered.length === 0) {
        summary.addRaw('<p>Every archive of the window was delivered or is still on its way.</p>', true);
    }
    else {
        summary.addRaw(`\n${undeliveredTable(undelivered, SUMMARY_ROWS, `the report file (${reportFile}) lists every one.`)}\n`, true);
    }
    (0,src_report/* addRunLine */.ri)(summary, context);
    await summary.write();
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/github-client.ts
var github_client = __webpack_require__(7890);
;// CONCATENATED MODULE: ./src/audit/tracking-issue.ts
/**
 * The tracking issue of an audit: one open issue per project, labelled `archive-delivery` and
 * found again by a hidden marker that holds the project ID. The first audit that finds
 * undelivered archives opens it; later failing audits update its body and comment only when the
 * set of undelivered archives changed; a clean audit closes it with a comment. It holds no
 * secret: the body is built from the audit's table, which has no `url`, token or key.
 */


const TRACKING_LABEL = 'archive-delivery';
/** The most rows the issue's table shows; GitHub refuses a body over 65,536 characters. */
const MAX_ROWS = 100;
/** The hidden marker that finds the issue of a project again. */
function markerOf(projectId) {
    return `<!-- opentok-archive-target:archive-delivery project=${projectId} -->`;
}
/** A fingerprint of the set of undelivered archives, kept hidden in the body. */
function fingerprintOf(ids) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update([...ids].sort().join('\n'))
        .digest('hex')
        .slice(0, 16);
}
const FINGERPRINT = /<!-- undelivered-set: ([0-9a-f]{16}) -->/;
/** The issue's body: marker, overview, table, run link, fingerprint. */
function issueBody(findings) {
    const run = findings.runUrl === undefined ? 'the audit run' : `[the audit run](${findings.runUrl})`;
    return [
        markerOf(findings.projectId),
        `**${findings.undeliveredIds.length} archive${findings.undeliveredIds.length === 1 ? ' was' : 's were'} not delivered** to the archive upload target, as found by ${run}.`,
        '',
        findings.overview,
        '',
        findings.table(MAX_ROWS, 'the job summary and the report file of the run list every one.'),
        '',
        'This issue is kept up to date by the nightly audit and closed by the first audit that finds every archive delivered.',
        `<!-- undelivered-set: ${fingerprintOf(findings.undeliveredIds)} -->`
    ].join('\n');
}
/** Opens, updates, comments on or closes the project's tracking issue. Never throws: a failure is a warning. */
async function syncTrackingIssue(client, env, findings) {
    const repository = (0,github_client/* repositoryOf */._M)(env);
    if (repository === undefined) {
        return { action: 'skipped', warning: 'No tracking issue: GITHUB_REPOSITORY is not set, so this is not a run in a repository.' };
    }
    try {
        const marker = markerOf(findings.projectId);
        const open = await client.paginate(client.rest.issues.listForRepo, {
            ...repository,
            state: 'open',
            labels: TRACKING_LABEL,
            per_page: 100
        });
        const existing = open.find(issue => issue.pull_request === undefined && (issue.body ?? '').includes(marker));
        const run = findings.runUrl === undefined ? '' : ` ([run](${findings.runUrl}))`;
        if (findings.undeliveredIds.length === 0) {
            if (existing === undefined)
                return { action: 'none' };
            await client.rest.issues.createComment({
                ...repository,
                issue_number: existing.number,
                body: `Every archive of the latest audit was delivered${run}: ${findings.overview}. Closing.`
            });
            await client.rest.issues.update({ ...repository, issue_number: existing.number, state: 'closed', state_reason: 'completed' });
            return { action: 'closed', number: existing.number, url: existing.html_url };
        }
        const body = issueBody(findings);
        if (existing === undefined) {
            const created = await client.rest.issues.create({
                ...repository,
                title: `Archives not delivered: ${findings.projectName}`,
                body,
                labels: [TRACKING_LABEL]
            });
            return { action: 'opened', number: created.data.number, url: created.data.html_url };
        }
        const before = FINGERPRINT.exec(existing.body ?? '')?.[1];
        await client.rest.issues.update({ ...repository, issue_number: existing.number, body });
        if (before === fingerprintOf(findings.undeliveredIds))
            return { action: 'updated', number: existing.number, url: existing.html_url };
        await client.rest.issues.createComment({
            ...repository,
            issue_number: existing.number,
            body: `The undelivered archives changed${run}: now ${findings.undeliveredIds.length}. ${findings.overview}. The table above is up to date.`
        });
        return { action: 'commented', number: existing.number, url: existing.html_url };
    }
    catch (error) {
        if ((0,github_client/* isPermissionError */.gj)(error)) {
            return {
                action: 'skipped',
                warning: `Could not update the tracking issue: the token may not write issues (${(0,github_client/* describeGitHubError */.dZ)(error)}). Give the job 'permissions: issues: write'.`
            };
        }
        return { action: 'skipped', warning: `Could not update the tracking issue: ${(0,github_client/* describeGitHubError */.dZ)(error)}.` };
    }
}

// EXTERNAL MODULE: ./src/plan-secrets.ts
var plan_secrets = __webpack_require__(7488);
;// CONCATENATED MODULE: ./src/pool.ts
/** A small bounded pool: many small requests, a fixed number in flight, never an unbounded Promise.all over user data. */
/**
 * Calls `work` for each item with at most `limit` calls in flight, and returns the results in the
 * items' order. Once `stopped()` is true, no further call starts; the items not started get `undefined`.
 */
async function mapWithLimit(items, limit, work, stopped = () => false) {
    const results = new Array(items.length).fill(undefined);
    let next = 0;
    const worker = async () => {
        while (next < items.length && !stopped()) {
            const index = next++;
            results[index] = await work(items[index], index);
        }
    };
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
    await Promise.all(workers);
    return results;
}

// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/storage.ts
var storage = __webpack_require__(1134);
// EXTERNAL MODULE: ./src/verify/azure.ts
var azure = __webpack_require__(5714);
// EXTERNAL MODULE: ./src/verify/refusal.ts
var refusal = __webpack_require__(8569);
// EXTERNAL MODULE: ./src/verify/s3.ts + 1 modules
var s3 = __webpack_require__(9177);
;// CONCATENATED MODULE: ./src/verify/find-objects.ts
/**
 * Looks in the target for what the vendor wrote under one prefix, `{project id}/{archive id}/`,
 * with the storage credentials the vendor was given: on S3 a ListObjectsV2 of one key (only
 * s3:ListBucket, which the vendor's recommended policy grants; a HEAD would need s3:GetObject),
 * on Azure a List Blobs of one blob. Signed with the same code as the storage check.
 */




const WORDING = {
    failed: 'Audit could not read the target',
    tail: "No archive was judged. Fix the storage settings, or give 'verify: false' to audit statuses alone.",
    dnsTail: "No archive was judged; give 'verify: false' to audit statuses alone."
};
/** Makes the look-up of a prefix in `target`. */
function makeObjectFinder(target, io, locations = {}) {
    return target.type === 's3' ? s3Finder(target, locations.amazonS3 ?? s3/* AMAZON_S3 */.Mr, io) : azureFinder(target, locations, io);
}
function s3Finder(target, amazonS3, io) {
    const endpoint = target.endpoint ?? amazonS3;
    // The bucket's region, once an answer has named it, saves every later look a redirect.
    let region = s3/* DEFAULT_REGION */.t9;
    return async (prefix) => {
        const attempt = await (0,s3/* listS3 */.Vv)(target, endpoint, prefix, region, io);
        region = attempt.region;
        const where = `s3://${target.bucket}/${prefix}`;
        return lookupOf(attempt.answer, attempt.failure, where, (0,s3/* s3DnsHint */.$M)(target, endpoint, region), io, /<Contents>\s*<Key>([^<]{1,1024})<\/Key>/);
    };
}
function azureFinder(target, locations, io) {
    const service = (locations.azureBlobService ?? azure/* blobServiceUrl */._t)(target);
    const dnsHint = `the storage account's host (${new URL(service).hostname}) does not resolve: check 'account-name'${target.domain === undefined ? '' : " and 'domain'"}; the account may not exist.`;
    return async (prefix) => {
        const url = (0,azure/* listBlobsUrl */.Sk)(service, target, prefix);
        const outcome = await (0,http/* sendWithRetries */.HI)(io.transport, { method: 'GET', url }, () => (0,azure/* blobRequestHeaders */.Zd)('GET', url, target, undefined, io.clock.now()), io.policy, io.clock, io.log);
        const where = `azure://${target.accountName}/${target.container}/${prefix}`;
        return lookupOf(outcome.answer, outcome.failure, where, dnsHint, io, /<Blob>\s*<Name>([^<]{1,1024})<\/Name>/);
    };
}
function lookupOf(answer, failure, where, dnsHint, io, firstKey) {
    const refused = (0,refusal/* storageRefusal */.O)('list', where, answer, failure, io.secrets, dnsHint, WORDING);
    if (refused !== undefined)
        return { ok: false, error: refused.error ?? refused.summary, summary: refused.summary };
    const key = firstKey.exec(answer?.body ?? '')?.[1];
    return key === undefined ? { ok: true } : { ok: true, key: unescapeXml(key) };
}
function unescapeXml(text) {
    return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}

;// CONCATENATED MODULE: ./src/operations/audit.ts
/**
 * `audit`: proves that archives really land. Reads the vendor's archive list down to the start of
 * the window, asks the target for each archive's prefix, judges each archive, reports, and keeps
 * the project's tracking issue in step. Loaded only when an audit runs.
 */













/** How many prefix look-ups are in flight at once. */
const LOOKUP_CONCURRENCY = 16;
/** The most undelivered archives the log lists one per line; the summary and the report file have them all. */
const LOGGED_ROWS = 50;
/** Audits the archives of the window that `plan.audit` describes. */
async function audit(plan, deps) {
    const settings = plan.audit;
    if (settings === undefined)
        throw new Error('an audit needs its settings');
    const secrets = (0,plan_secrets/* secretValuesOf */.W)(plan);
    const projectId = (0,platform/* projectIdOf */.QK)(plan.credentials);
    const target = (0,storage/* describeTarget */.ff)(plan.target);
    core/* info */.pq(`Auditing the archives of ${(0,platform/* describeProject */.dU)(plan.credentials)} created since ${formatUtc(settings.since)} through ${plan.apiUrl}${target === '' ? '' : `, against ${target}`}.`);
    const checkObjects = settings.checkObjects && plan.target !== undefined;
    if (!checkObjects) {
        core/* notice */.lm(`The archives are judged by their status alone, since ${settings.statusesOnlyBecause ?? 'no target was given'}: 'uploaded' counts as delivered, and no object is looked for in the target.`);
    }
    if (plan.dryRun) {
        core/* info */.pq(`Dry run: would send GET ${archiveListUrl(plan, 0, PAGE_SIZE)} (and more pages down to the window's start)`);
        if (checkObjects)
            core/* info */.pq(`and look for each archive under ${target}/${projectId}/{archive id}/.`);
        core/* info */.pq(`Nothing was sent to ${(0,platform/* vendorName */.gR)(plan.credentials)} or the storage.`);
        setAuditOutputs(emptyReport(plan, settings, false), '', 'dry-run');
        return;
    }
    const log = { info: core/* info */.pq, debug: core/* debug */.Yz };
    const listing = await listArchivesSince(plan, settings.since, {
        transport: deps.transport,
        clock: deps.clock,
        log,
        mask: core/* setSecret */.Pq,
        secrets
    });
    if (listing.error !== undefined) {
        setAuditOutputs({ ...emptyReport(plan, settings, false), requests: listing.requests, ...statusOf(listing.status) }, '', 'failed');
        const message = (0,redact/* scrub */._I)(listing.error, secrets);
        if (listing.status !== undefined && !plan.failOnError)
            core/* warning */.$e(`${message} The step stays green because 'fail-on-error' is false.`);
        else
            core/* setFailed */.C1(message);
        return;
    }
    if (listing.capped) {
        core/* warning */.$e(`The window holds more than ${MAX_ARCHIVES} archives, the most one audit reads: only the newest ${MAX_ARCHIVES} were audited. Give a shorter 'since' and audit more often.`);
    }
    if (listing.skipped > 0)
        core/* warning */.$e(`${listing.skipped} archive(s) of the list had an ID that is not an archive ID; they were not judged.`);
    core/* info */.pq(`${(0,platform/* vendorName */.gR)(plan.credentials)} listed ${listing.archives.length} archive(s) of the window in ${listing.requests} request(s).`);
    let found = [];
    let storageRequests = 0;
    if (checkObjects && plan.target !== undefined && listing.archives.length > 0) {
        const looked = await lookForArchives(plan, listing.archives, deps, secrets);
        if (looked.error !== undefined) {
            setAuditOutputs({ ...emptyReport(plan, settings, true), requests: listing.requests + looked.requests, ...statusOf(listing.status) }, '', 'failed');
            core/* setFailed */.C1((0,redact/* scrub */._I)(looked.error, secrets));
            return;
        }
        found = looked.keys;
        storageRequests = looked.requests;
    }
    const now = deps.clock.now();
    const options = { projectId, now, uploadGraceMs: settings.uploadGraceMs, objectsChecked: checkObjects, target };
    const judged = listing.archives.map((archive, index) => ({ archive, verdict: judge(archive, found[index], options) }));
    const counts = countClasses(judged);
    const report = {
        project: (0,platform/* describeProject */.dU)(plan.credentials),
        projectId,
        target,
        since: settings.since,
        objectsChecked: checkObjects,
        ...(settings.statusesOnlyBecause === undefined ? {} : { statusesOnlyBecause: settings.statusesOnlyBecause }),
        judged,
        counts,
        requests: listing.requests + storageRequests,
        ...statusOf(listing.status),
        ...(plan.source === undefined ? {} : { source: plan.source })
    };
    const reportFile = await writeReportFile(report, deps.env);
    setAuditOutputs(report, reportFile, 'audited');
    const undelivered = undeliveredOf(report);
    core/* info */.pq(`Audit: ${overviewOf(report)}.`);
    for (const { archive, verdict } of undelivered.slice(0, LOGGED_ROWS)) {
        core/* info */.pq(`  ${archive.id}  ${formatUtc(new Date(archive.createdAt))}  ${archive.status}: ${verdict.happened}; now ${verdict.whereNow}.`);
    }
    if (undelivered.length > LOGGED_ROWS)
        core/* info */.pq(`  … and ${undelivered.length - LOGGED_ROWS} more in the job summary and ${reportFile}.`);
    core/* info */.pq(`Report: ${reportFile}`);
    const context = await deps.runContext();
    try {
        await writeAuditSummary(report, reportFile, context);
    }
    catch (error) {
        core/* warning */.$e(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (settings.trackingIssue) {
        const outcome = await syncTrackingIssue(await (0,github_client/* makeGitHubClient */.hV)(settings.githubToken, deps.env), deps.env, {
            projectId,
            projectName: plan.project ?? projectId,
            undeliveredIds: undelivered.map(entry => entry.archive.id),
            overview: overviewOf(report),
            table: (limit, more) => undeliveredTable(undelivered, limit, more),
            ...(context.runUrl === undefined ? {} : { runUrl: context.runUrl })
        });
        if (outcome.action === 'skipped')
            core/* warning */.$e(outcome.warning);
        else if (outcome.action !== 'none')
            core/* info */.pq(`Tracking issue #${outcome.number} ${outcome.action}: ${outcome.url}`);
    }
    if (undelivered.length > 0) {
        const message = `${undelivered.length} of ${judged.length} archive(s) were not delivered to ${target || 'the target'}: ${describeClasses(counts)}. See the job summary.`;
        if (plan.failOnError)
            core/* setFailed */.C1(message);
        else
            core/* warning */.$e(`${message} The step stays green because 'fail-on-error' is false.`);
    }
}
/** Asks the target for every archive's prefix, 16 at a time; stops at the first refusal, which is one error for the run. */
async function lookForArchives(plan, archives, deps, secrets) {
    if (plan.target === undefined)
        return { keys: [], requests: 0 };
    const { storageLocations } = deps;
    const find = makeObjectFinder(plan.target, {
        transport: deps.transport,
        clock: deps.clock,
        policy: { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 },
        log: { info: core/* info */.pq, debug: core/* debug */.Yz },
        secrets
    }, storageLocations ?? {});
    const projectId = (0,platform/* projectIdOf */.QK)(plan.credentials);
    let refusal;
    const lookups = await mapWithLimit(archives, LOOKUP_CONCURRENCY, async (archive) => {
        const lookup = await find(`${projectId}/${archive.id}/`);
        if (!lookup.ok)
            refusal ??= lookup;
        return lookup;
    }, () => refusal !== undefined);
    const requests = lookups.filter(lookup => lookup !== undefined).length;
    if (refusal !== undefined && !refusal.ok)
        return { keys: [], requests, error: refusal.error };
    return { keys: lookups.map(lookup => (lookup?.ok ? lookup.key : undefined)), requests };
}
function countClasses(judged) {
    const counts = Object.fromEntries(CLASS_NAMES.map(([kind]) => [kind, 0]));
    for (const { verdict } of judged)
        counts[verdict.kind]++;
    return counts;
}
function describeClasses(counts) {
    return CLASS_NAMES.filter(([kind]) => kind !== 'delivered' && kind !== 'pending' && counts[kind] > 0)
        .map(([kind, name]) => `${counts[kind]} ${name}`)
        .join(', ');
}
function emptyReport(plan, settings, objectsChecked) {
    return {
        project: (0,platform/* describeProject */.dU)(plan.credentials),
        projectId: (0,platform/* projectIdOf */.QK)(plan.credentials),
        target: (0,storage/* describeTarget */.ff)(plan.target),
        since: settings.since,
        objectsChecked,
        judged: [],
        counts: Object.fromEntries(CLASS_NAMES.map(([kind]) => [kind, 0])),
        requests: 0
    };
}
function statusOf(status) {
    return status === undefined ? {} : { listStatus: status };
}


/***/ })

};
;