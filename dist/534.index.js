"use strict";
exports.id = 534;
exports.ids = [534];
exports.modules = {

/***/ 1741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ rescuedVerdict),
/* harmony export */   I0: () => (/* binding */ isUndelivered),
/* harmony export */   MB: () => (/* binding */ describeDuration),
/* harmony export */   S4: () => (/* binding */ judge),
/* harmony export */   ay: () => (/* binding */ formatUtc),
/* harmony export */   mU: () => (/* binding */ CLASS_NAMES),
/* harmony export */   ol: () => (/* binding */ expectedKey)
/* harmony export */ });
/* harmony import */ var _phrase_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8350);
/* harmony import */ var _window_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3027);


/** The classes in the order the summary lists them, with the words it uses. */
const CLASS_NAMES = [
    ['delivered', 'delivered'],
    ['pending', 'pending'],
    ['rescued', 'rescued by this audit'],
    ['missing', 'missing from the target'],
    ['kept-by-vendor', 'kept by the vendor'],
    ['failed', 'failed'],
    ['stuck', 'stuck'],
    ['gone', 'gone'],
    ['unchecked', 'not looked for'],
    ['unknown', 'unknown status']
];
/**
 * Classes that count as not delivered: every one but delivered, still on its way, and not looked
 * for (the audit failed before it could look, and says so). A rescued archive counts: the
 * vendor's upload failed, and the target still refuses the vendor.
 */
function isUndelivered(kind) {
    return kind !== 'delivered' && kind !== 'pending' && kind !== 'unchecked';
}
/** Where the vendor writes an archive: `{project id}/{archive id}/archive.mp4`, or `archive.zip` for individual streams. */
function expectedKey(projectId, archive) {
    return `${projectId}/${archive.id}/${archive.outputMode === 'individual' ? 'archive.zip' : 'archive.mp4'}`;
}
/** Judges one archive by what the target holds under its prefix and by its status. */
function judge(archive, found, options) {
    const foundKey = found.looked ? found.key : undefined;
    const objectKey = foundKey ?? expectedKey(options.projectId, archive);
    const verdict = (kind, happened, whereNow) => ({ kind, happened, whereNow, objectKey });
    if (foundKey !== undefined)
        return verdict('delivered', ['uploaded'], [(0,_phrase_js__WEBPACK_IMPORTED_MODULE_1__/* .value */ .Uq)(`${options.target}/${foundKey}`, 300)]);
    switch (archive.status) {
        case 'uploaded':
            if (!options.objectsChecked)
                return verdict('delivered', ['uploaded (status only: the target was not asked)'], [(0,_phrase_js__WEBPACK_IMPORTED_MODULE_1__/* .value */ .Uq)(`${options.target}/${objectKey}`, 300)]);
            if (!found.looked)
                return verdict('unchecked', ['uploaded, but the audit could not look for it'], ['not known: the target was not read']);
            return verdict('missing', ['uploaded, but the target does not hold it: the object was deleted, or the target changed'], ['not in the target']);
        case 'started':
        case 'paused':
            return verdict('pending', [`still recording (${archive.status})`], ['with the vendor, recording']);
        case 'stopped': {
            const waited = options.now - ((0,_window_js__WEBPACK_IMPORTED_MODULE_0__/* .endedAt */ .u5)(archive) ?? archive.createdAt);
            return waited < options.uploadGraceMs
                ? verdict('pending', ['stopped, upload in progress'], ['with the vendor, uploading'])
                : verdict('stuck', [`stopped ${describeDuration(waited)} ago and never uploaded`], ['with the vendor; not in the target']);
        }
        case 'available':
            return verdict('kept-by-vendor', ['the upload failed; the vendor kept it (fallback)'], [`the vendor cloud, until ${formatUtc(new Date((0,_window_js__WEBPACK_IMPORTED_MODULE_0__/* .vendorDeadline */ .Du)(archive)))}`]);
        case 'failed':
            return verdict('failed', archive.reason === '' ? ['recording failed'] : (0,_phrase_js__WEBPACK_IMPORTED_MODULE_1__/* .phrase */ .MZ) `recording failed: ${(0,_phrase_js__WEBPACK_IMPORTED_MODULE_1__/* .value */ .Uq)(archive.reason)}`, [
                'nowhere: no file was made'
            ]);
        case 'expired':
            return verdict('gone', ['never reached the target and expired from the vendor cloud'], ['nowhere: lost']);
        case 'deleted':
            return verdict('gone', ['deleted from the vendor cloud without reaching the target'], ['nowhere: lost']);
        default:
            return verdict('unknown', (0,_phrase_js__WEBPACK_IMPORTED_MODULE_1__/* .phrase */ .MZ) `status ${(0,_phrase_js__WEBPACK_IMPORTED_MODULE_1__/* .value */ .Uq)(archive.status, 40)} is not one the vendor documents`, ['unknown']);
    }
}
/** The verdict on an archive this audit copied into the target (rescue/): its own class, the vendor's upload still failed. */
function rescuedVerdict(key, target) {
    return {
        kind: 'rescued',
        happened: ["the upload failed; this audit copied the vendor's copy into the target and checked it"],
        whereNow: [(0,_phrase_js__WEBPACK_IMPORTED_MODULE_1__/* .value */ .Uq)(`${target}/${key}`, 300)],
        objectKey: key
    };
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


/***/ }),

/***/ 3027:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Du: () => (/* binding */ vendorDeadline),
/* harmony export */   gO: () => (/* binding */ inWindow),
/* harmony export */   sx: () => (/* binding */ readDownTo),
/* harmony export */   u5: () => (/* binding */ endedAt)
/* harmony export */ });
/* unused harmony exports LONGEST_RECORDING_MS, VENDOR_KEEPS_MS */
/** The longest an archive records, pauses included (vendor's archiving overview). */
const LONGEST_RECORDING_MS = 12 * 3_600_000;
/**
 * How long the vendor keeps an archive whose upload failed (fallback 'opentok'), counted from
 * when the archive was created: developer.vonage.com/en/video/guides/archiving/overview.
 */
const VENDOR_KEEPS_MS = 72 * 3_600_000;
/** Statuses of an archive still recording: it has not ended. */
const RECORDING = new Set(['started', 'paused']);
/** When the archive stopped recording: the vendor's last update, or its start plus its length; undefined while it records. */
function endedAt(archive) {
    if (RECORDING.has(archive.status))
        return undefined;
    return archive.updatedAt ?? archive.createdAt + archive.duration * 1000;
}
/** Whether the archive belongs to the window that starts at `since` (ms). */
function inWindow(archive, since) {
    if (archive.createdAt >= since)
        return true;
    const ended = endedAt(archive);
    return ended === undefined || ended > since;
}
/** The time the vendor's copy of an archive expires: created + 72 h. */
function vendorDeadline(archive) {
    return archive.createdAt + VENDOR_KEEPS_MS;
}
/**
 * The oldest creation time the list is read down to: `since` − 12 h, and with rescue no later than
 * 72 hours before `now`, so every archive the vendor may still keep is seen.
 */
function readDownTo(since, now, rescue) {
    const window = since - LONGEST_RECORDING_MS;
    return rescue ? Math.min(window, now - VENDOR_KEEPS_MS) : window;
}


/***/ }),

/***/ 5534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
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
 * The vendor's archive list, read page by page, newest first, down to where an audit needs it:
 * `GET {api-url}/v2/project/{id}/archive?offset=N&count=M`, signed like the storage call. Paging
 * goes on until the vendor's total is reached or a page reaches older archives; a page shorter than
 * asked is not the end. Every item is accounted for: one whose ID, creation time or status cannot be
 * read is counted and named, never dropped. Each archive's `url` is a signed download link: it is
 * masked the moment it is read when the archive is kept, and never kept itself.
 */




/** The most the vendor returns in one page. */
const PAGE_SIZE = 1000;
/** The most archives one audit keeps; a larger window is cut here, with a warning. */
const MAX_ARCHIVES = 10_000;
/** The longest text of an archive's name, reason or session ID that is kept; the status's. */
const TEXT_MAX = 200;
const STATUS_MAX = 40;
/** Archive IDs are UUIDs; anything else would not be safe in a storage key or a report. */
const ARCHIVE_ID = /^[A-Za-z0-9-]{1,64}$/;
/** The URL of one page of the list. */
function archiveListUrl(plan, offset, count) {
    return `${plan.apiUrl}/v2/project/${(0,platform/* projectIdOf */.QK)(plan.credentials)}/archive?offset=${offset}&count=${count}`;
}
/** Reads the list down to `scope.readDownTo` and keeps what `scope.keep` keeps. Never walks the whole history. */
async function listArchives(plan, scope, io) {
    const archives = [];
    const unreadable = [];
    const seen = new Set();
    let requests = 0;
    let status;
    const result = (more = {}) => ({
        archives,
        unreadable,
        requests,
        ...(status === undefined ? {} : { status }),
        capped: false,
        ...more
    });
    for (let offset = 0;;) {
        const outgoing = { method: 'GET', url: archiveListUrl(plan, offset, PAGE_SIZE) };
        const outcome = await (0,http/* sendWithRetries */.HI)(io.transport, outgoing, async () => ({
            ...(await (0,platform/* authHeaders */.Pw)(plan.credentials, io.clock.now(), io.mask)),
            Accept: 'application/json',
            'User-Agent': version/* USER_AGENT */._O
        }), { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 }, io.clock, io.log);
        requests += outcome.attempts;
        const answer = outcome.answer;
        if (answer === undefined) {
            const hint = outcome.tooLarge === true ? " A page of 1,000 archives is about 0.5 MB: check 'api-url'." : (0,vendor_answer/* apiUrlHint */.t)(plan, outcome.failure);
            return result({ error: `${(0,http/* noAnswerMessage */.J1)(outgoing, outcome)}${hint}`, transient: outcome.tooLarge !== true });
        }
        status = answer.status;
        if (answer.status < 200 || answer.status >= 300) {
            return result({ error: (0,vendor_answer/* explainFailure */.S)(plan.credentials, outgoing, answer, io.secrets), transient: isPassing(answer.status) });
        }
        const page = readPage(answer.body, offset, scope, io.mask);
        if (page === undefined) {
            return result({
                error: `${outgoing.method} ${outgoing.url} answered ${answer.status} with a body that is not an archive list ({"count": …, "items": […]}); check 'api-url'.`
            });
        }
        unreadable.push(...page.unreadable);
        for (const archive of page.kept) {
            // Archives started while paging push the list down: the same archive can come twice.
            if (seen.has(archive.id))
                continue;
            if (archives.length >= MAX_ARCHIVES)
                return result({ capped: true });
            seen.add(archive.id);
            archives.push(archive);
        }
        offset += page.received;
        const total = page.total;
        if (page.reachedOlder || (total !== undefined && offset >= total))
            return result();
        if (page.received === 0) {
            if (total === undefined)
                return result();
            return result({
                error: `${outgoing.method} ${outgoing.url} answered with no archives, but the vendor counted ${total} and the list had not yet reached the window's start: ${offset} archive(s) were read. Run the audit again; if it persists, the vendor's list is inconsistent.`,
                // Archives deleted while the list was read shrink it under the count: the next run reads it whole.
                transient: true
            });
        }
        // Without a total, a page shorter than asked is all the vendor has.
        if (total === undefined && page.received < PAGE_SIZE)
            return result();
    }
}
/**
 * One page at `offset`: the body is parsed and let go, and only the fields the audit needs are
 * kept. The `url` of a kept archive is masked; every other `url` is dropped unread. Undefined
 * when the body is not an archive list.
 */
function readPage(body, offset, scope, mask) {
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
    const kept = [];
    const unreadable = [];
    let reachedOlder = false;
    items.forEach((raw, index) => {
        const item = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
        const createdAt = finite(item.createdAt);
        if (createdAt !== undefined && createdAt < scope.readDownTo) {
            reachedOlder = true;
            return;
        }
        const archive = archiveOf(item, createdAt);
        if ('fields' in archive) {
            unreadable.push({ where: `item ${index + 1} of the page at offset ${offset}`, ...archive });
            return;
        }
        if (!scope.keep(archive))
            return;
        if (typeof item.url === 'string' && item.url !== '')
            mask(item.url);
        kept.push(archive);
    });
    const total = finite(count);
    return { ...(total === undefined || total < 0 ? {} : { total }), received: items.length, kept, unreadable, reachedOlder };
}
/** The archive an item describes, or what of it could not be read. */
function archiveOf(item, createdAt) {
    const id = typeof item.id === 'string' && ARCHIVE_ID.test(item.id) ? item.id : undefined;
    const status = typeof item.status === 'string' && item.status.trim() !== '' ? cut(item.status.trim().toLowerCase(), STATUS_MAX) : undefined;
    if (id === undefined || createdAt === undefined || status === undefined) {
        const fields = [id === undefined ? 'id' : '', createdAt === undefined ? 'createdAt' : '', status === undefined ? 'status' : ''].filter(field => field !== '');
        return { ...(typeof item.id === 'string' && item.id !== '' ? { id: cut(item.id, 64) } : {}), fields };
    }
    const updatedAt = finite(item.updatedAt);
    const sha256 = typeof item.sha256sum === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(item.sha256sum) ? item.sha256sum : undefined;
    return {
        id,
        status,
        createdAt,
        ...(updatedAt === undefined ? {} : { updatedAt }),
        duration: finite(item.duration) ?? 0,
        size: finite(item.size) ?? 0,
        outputMode: item.outputMode === 'individual' ? 'individual' : 'composed',
        name: archive_list_text(item.name),
        sessionId: archive_list_text(item.sessionId),
        reason: archive_list_text(item.reason),
        ...(sha256 === undefined ? {} : { sha256 })
    };
}
function archive_list_text(value) {
    return typeof value === 'string' ? cut(value, TEXT_MAX) : '';
}
/** The first `max` UTF-16 units of `value`, less a last unit that would be half of a pair (a lone surrogate is not text). */
function cut(value, max) {
    const head = value.slice(0, max);
    return /[\uD800-\uDBFF]$/.test(head) && head.length < value.length ? head.slice(0, -1) : head;
}
function finite(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
/** A refusal the next run may not meet: the vendor busy, rate-limited or slow. It opens no tracking issue. */
function isPassing(status) {
    return status >= 500 || status === 429 || status === 408;
}

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
    tail: 'No archive was looked for in the target: each was judged by what its status proves. Fix the storage settings.',
    dnsTail: "No archive was looked for in the target: each was judged by what its status proves. Give 'verify: false' to audit statuses alone."
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
        return {
            ...lookupOf(attempt.answer, attempt.failure, where, (0,s3/* s3DnsHint */.$M)(target, endpoint, region), io, /<Contents>\s*<Key>([^<]{1,1024})<\/Key>/),
            requests: attempt.attempts
        };
    };
}
function azureFinder(target, locations, io) {
    const service = (locations.azureBlobService ?? azure/* blobServiceUrl */._t)(target);
    const dnsHint = `the storage account's host (${new URL(service).hostname}) does not resolve: check 'account-name'${target.domain === undefined ? '' : " and 'domain'"}; the account may not exist.`;
    return async (prefix) => {
        const url = (0,azure/* listBlobsUrl */.Sk)(service, target, prefix);
        const outcome = await (0,http/* sendWithRetries */.HI)(io.transport, { method: 'GET', url }, () => (0,azure/* blobRequestHeaders */.Zd)('GET', url, target, undefined, io.clock.now()), io.policy, io.clock, io.log);
        const where = `azure://${target.accountName}/${target.container}/${prefix}`;
        return {
            ...lookupOf(outcome.answer, outcome.failure, where, dnsHint, io, /<Blob>\s*<Name>([^<]{1,1024})<\/Name>/),
            requests: outcome.attempts
        };
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

;// CONCATENATED MODULE: ./src/audit/lookups.ts


/** How many prefix look-ups are in flight at once. */
const LOOKUP_CONCURRENCY = 16;
/** Looks for every archive's prefix in the plan's target. */
async function lookForArchives(plan, projectId, archives, io) {
    if (plan.target === undefined || archives.length === 0)
        return { found: archives.map(() => ({ looked: false })), requests: 0 };
    const find = makeObjectFinder(plan.target, {
        transport: io.transport,
        clock: io.clock,
        policy: { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 },
        log: io.log,
        secrets: io.secrets
    }, io.locations ?? {});
    let refusal;
    let requests = 0;
    const lookups = await mapWithLimit(archives, LOOKUP_CONCURRENCY, async (archive) => {
        const lookup = await find(`${projectId}/${archive.id}/`);
        requests += lookup.requests;
        if (!lookup.ok)
            refusal ??= lookup;
        return lookup;
    }, () => refusal !== undefined);
    const found = lookups.map((lookup) => lookup?.ok === true ? { looked: true, ...(lookup.key === undefined ? {} : { key: lookup.key }) } : { looked: false });
    return { found, requests, ...(refusal === undefined ? {} : { error: refusal.error }) };
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/summary.js
var lib_summary = __webpack_require__(1170);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/markdown.ts
var markdown = __webpack_require__(3758);
// EXTERNAL MODULE: ./src/phrase.ts
var phrase = __webpack_require__(8350);
// EXTERNAL MODULE: ./src/report.ts
var report = __webpack_require__(665);
// EXTERNAL MODULE: ./src/audit/verdicts.ts
var verdicts = __webpack_require__(1741);
;// CONCATENATED MODULE: ./src/audit/table.ts



/** The longest archive name a table shows. */
const NAME_MAX = 60;
/** "12 archives: 9 delivered · 1 pending · 2 missing from the target": every class with a count. */
function countsLine(total, counts) {
    const parts = verdicts/* CLASS_NAMES */.mU.filter(([kind]) => counts[kind] > 0).map(([kind, name]) => `${counts[kind]} ${name}`);
    return `${total} archive${total === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join(' · ')}` : ''}`;
}
/**
 * The table of `rows` (archives not delivered) within `budget` characters; the rows left out are
 * counted in a last line that says `more`. Returns how many rows it shows.
 */
function undeliveredTable(rows, budget, more) {
    const header = ['Archive', 'Name', 'Created (UTC)', 'Duration', 'Size', 'Status', 'What happened', 'Where it is now'];
    const cells = rows.map(({ archive, verdict }) => [
        (0,markdown/* codeCell */.MZ)(archive.id, 64),
        (0,markdown/* codeCell */.MZ)(archive.name, NAME_MAX),
        (0,markdown/* cell */.Hn)((0,verdicts/* formatUtc */.ay)(new Date(archive.createdAt)).replace(' UTC', '')),
        (0,markdown/* cell */.Hn)(durationOf(archive)),
        (0,markdown/* cell */.Hn)(formatSize(archive.size)),
        (0,markdown/* codeCell */.MZ)(archive.status, 40),
        (0,markdown/* cell */.Hn)((0,phrase/* phraseMarkdown */.fP)(verdict.happened)),
        (0,markdown/* cell */.Hn)((0,phrase/* phraseMarkdown */.fP)(verdict.whereNow))
    ]);
    return (0,markdown/* fitTable */.SM)(header, cells, budget, left => `… and ${left} more: ${more}`);
}
/** The table of items of the vendor's answer that could not be read, within `budget` characters. */
function unreadableTable(items, budget, more) {
    const cells = items.map(item => [(0,markdown/* cell */.Hn)(item.where), item.id === undefined ? '—' : (0,markdown/* codeCell */.MZ)(item.id, 64), (0,markdown/* cell */.Hn)(item.fields.join(', '))]);
    return (0,markdown/* fitTable */.SM)(['Where in the answer', 'ID as given', 'Could not read'], cells, budget, left => `… and ${left} more: ${more}`).text;
}
/** "10 min", or "45 s" for a recording shorter than a minute. */
function durationOf(archive) {
    return archive.duration < 60 ? `${archive.duration} s` : (0,verdicts/* describeDuration */.MB)(archive.duration * 1000);
}
/** "1.4 GB", "820 kB", "0 B". */
function formatSize(bytes) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let size = bytes;
    let unit = 0;
    // 999,999 bytes is "1.0 MB", not "1000.0 kB": the rounding decides the unit.
    while (Math.round(size * 10) / 10 >= 1000 && unit < units.length - 1) {
        size /= 1000;
        unit++;
    }
    return `${unit === 0 ? size : size.toFixed(1)} ${units[unit]}`;
}

;// CONCATENATED MODULE: ./src/audit/report.ts
/**
 * What an audit tells the workflow: outputs, the JSON report file and the job summary, for a
 * finished audit and for one that could not finish alike (what was done, what failed and why). No
 * part holds a `url`, a key or a token. Text from outside reaches the summary only as code
 * (markdown.ts), and the summary stays far under GitHub's 1 MiB per step.
 */









/**
 * The summary's room, in characters: GitHub takes 1 MiB per step, and a character here is at most
 * 4 bytes (the names users type are cut short and code spans add little), so a quarter of it.
 */
const SUMMARY_ROOM = 250_000;
/** Counts of nothing, for a report before anything was judged. */
function noCounts() {
    return Object.fromEntries(verdicts/* CLASS_NAMES */.mU.map(([kind]) => [kind, 0]));
}
/** The archives that count as not delivered, newest first. */
function undeliveredOf(report) {
    return report.judged.filter(entry => (0,verdicts/* isUndelivered */.I0)(entry.verdict.kind));
}
/** How many count as not delivered: the archives, and the items of the answer that could not be read (nothing proves those landed). */
function undeliveredCount(report) {
    return undeliveredOf(report).length + report.unreadable.length;
}
/** The first line of the summary: the counts, the window and whether the target was asked. */
function overviewOf(report) {
    const unreadable = report.unreadable.length === 0 ? '' : `, and ${report.unreadable.length} item(s) of the answer that could not be read`;
    const window = `${countsLine(report.judged.length, report.counts)}${unreadable}; those created since ${(0,verdicts/* formatUtc */.ay)(report.since)} or still recording or uploading then`;
    if (report.objectsChecked && report.failure?.stage === 'storage')
        return [`${window}, judged by their status: the look-ups in `, (0,phrase/* value */.Uq)(report.target, 200), ' failed'];
    if (report.objectsChecked)
        return [`${window}, each looked for in `, (0,phrase/* value */.Uq)(report.target, 200)];
    return [`${window}, statuses only (${report.statusesOnlyBecause ?? 'the target was not asked'})`];
}
/** Writes the JSON report, one entry per archive and per rescue, without `url`; returns its path. */
async function writeReportFile(report, env) {
    const path = (0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `opentok-archive-audit-${report.projectId}.json`);
    const archives = report.judged.map(({ archive, verdict }) => ({
        id: archive.id,
        name: archive.name,
        created: new Date(archive.createdAt).toISOString(),
        status: archive.status,
        class: verdict.kind,
        objectKey: verdict.objectKey,
        outputMode: archive.outputMode,
        duration: archive.duration,
        size: archive.size,
        sessionId: archive.sessionId,
        reason: archive.reason,
        happened: (0,phrase/* phraseText */.tN)(verdict.happened),
        whereNow: (0,phrase/* phraseText */.tN)(verdict.whereNow)
    }));
    const document = {
        project: report.projectId,
        target: report.target,
        since: report.since.toISOString(),
        objectsChecked: report.objectsChecked,
        finished: report.failure === undefined,
        ...(report.failure === undefined ? {} : { failure: report.failure }),
        counts: report.counts,
        archives,
        unreadable: report.unreadable,
        ...(report.rescue === undefined ? {} : { rescue: rescueRecords(report.rescue) })
    };
    await (0,promises_.writeFile)(path, `${JSON.stringify(document, null, 1)}\n`, 'utf8');
    return path;
}
/** Each rescue as the report file records it: ID, key, bytes, our SHA-256 and whether it matched the vendor's, ETag, seconds, deadline. */
function rescueRecords(rescue) {
    return {
        dryRun: rescue.dryRun,
        limit: rescue.limit,
        bytes: rescue.bytes,
        archives: rescue.entries.map(({ archive, key, deadline, outcome }) => ({
            id: archive.id,
            key,
            deadline: new Date(deadline).toISOString(),
            result: outcome.kind,
            ...(outcome.kind === 'rescued'
                ? {
                    bytes: outcome.bytes,
                    sha256: outcome.sha256,
                    vendorSha256: outcome.vendorSha256 === 'matched' ? 'matched' : 'vendor gave none',
                    etag: outcome.etag ?? null,
                    seconds: outcome.seconds
                }
                : {}),
            ...(outcome.kind === 'planned' || outcome.kind === 'limit' ? { bytes: archive.size } : {}),
            ...(outcome.kind === 'failed' ? { error: outcome.error, seconds: outcome.seconds } : {}),
            ...(outcome.kind === 'skipped' ? { why: (0,phrase/* phraseText */.tN)(outcome.why) } : {}),
            ...(outcome.kind === 'arrived' ? { note: 'the object arrived meanwhile; it counts as delivered' } : {})
        }))
    };
}
/** The rescued archives and how many bytes, for the outputs. */
function rescuedOf(rescue) {
    return (rescue?.entries ?? []).filter(entry => entry.outcome.kind === 'rescued');
}
/** Sets the audit's outputs, and the common ones (status, attempts, target, verified). */
function setAuditOutputs(report, reportFile, result, output = core/* setOutput */.uH) {
    output('result', result);
    output('archives', String(report.listed + report.unreadable.length));
    output('undelivered', String(undeliveredCount(report)));
    output('report-file', reportFile);
    output('status', report.listStatus === undefined ? '' : String(report.listStatus));
    output('attempts', String(report.vendorRequests));
    output('storage-requests', String(report.storageRequests));
    output('target', report.target);
    output('rescued', String(rescuedOf(report.rescue).length));
    output('rescued-bytes', String(report.rescue?.bytes ?? 0));
    // 'false' when the target was asked and refused: the archives were not all looked for.
    // 'true' only when every archive was looked for: a list that failed left nothing looked for.
    output('verified', !report.objectsChecked ? 'skipped' : report.failure === undefined ? 'true' : 'false');
}
/**
 * The audit's sections in Markdown within `room` characters, for the summary and the tracking
 * issue alike: why it could not finish, the items that could not be read, the rescue, and the
 * archives not delivered. `where` says where the rows left out are.
 */
function auditSections(report, room, where) {
    const parts = [];
    let undeliveredShown = 0;
    if (report.failure !== undefined)
        parts.push(failureSection(report));
    if (report.unreadable.length > 0) {
        parts.push(`${report.unreadable.length} item(s) of the vendor's answer could not be read; nothing proves they landed:\n\n${unreadableTable(report.unreadable, Math.floor(room / 8), where)}`);
    }
    if (report.rescue !== undefined && report.rescue.entries.length > 0)
        parts.push(rescueSection(report.rescue, Math.floor(room / 4), where));
    const undelivered = undeliveredOf(report);
    const used = parts.join('\n\n').length;
    if (undelivered.length > 0) {
        const table = undeliveredTable(undelivered, Math.max(2000, room - used - 200), where);
        parts.push(table.text);
        undeliveredShown = table.kept;
    }
    else if (report.failure === undefined && report.unreadable.length === 0) {
        parts.push('Every archive of the window was delivered or is still on its way.');
    }
    return { text: parts.join('\n\n'), undeliveredShown };
}
function failureSection(report) {
    const failure = report.failure;
    if (failure === undefined)
        return '';
    const stage = failure.stage === 'list'
        ? "The vendor's archive list could not be read to the window's start, so the archives read are not judged."
        : `The target could not be read, so the archives whose status says they landed were not looked for; the ${report.judged.length} archive(s) listed were judged by what their status proves.`;
    const done = `Done: ${report.vendorRequests} request(s) to the vendor, ${report.storageRequests} to the storage.`;
    return ['> [!CAUTION]', `> **The audit could not finish.** ${stage} ${done}`, '', (0,markdown/* codeBlock */.DV)(failure.message, 1000, 10)].join('\n');
}
function rescueSection(rescue, room, where) {
    const rescued = rescuedOf(rescue);
    const others = rescue.entries.length - rescued.length;
    const heading = rescue.dryRun
        ? `A rescue would copy ${rescue.entries.filter(e => e.outcome.kind === 'planned').length} archive(s), ${formatSize(plannedBytes(rescue))} in all (a dry run: nothing was copied):`
        : `Rescue: ${rescued.length} archive(s) copied into the target and proved, ${formatSize(rescue.bytes)} in all${others === 0 ? '' : `; ${others} not rescued, each with why`}. The vendor's upload of each failed: fix the target (its credentials, policy or settings) so that the next uploads land.`;
    const rows = rescue.entries.map(entry => [
        (0,markdown/* codeCell */.MZ)(entry.archive.id, 64),
        (0,markdown/* codeCell */.MZ)(entry.key, 200),
        (0,markdown/* cell */.Hn)(formatSize(entry.outcome.kind === 'rescued' ? entry.outcome.bytes : entry.archive.size)),
        (0,markdown/* cell */.Hn)((0,verdicts/* formatUtc */.ay)(new Date(entry.deadline))),
        (0,markdown/* cell */.Hn)(outcomeWords(entry))
    ]);
    return `${heading}\n\n${(0,markdown/* fitTable */.SM)(['Archive', 'Key', 'Size', 'Vendor keeps it until', 'Rescue'], rows, room, left => `… and ${left} more: ${where}`).text}`;
}
function plannedBytes(rescue) {
    return rescue.entries.filter(e => e.outcome.kind === 'planned').reduce((sum, e) => sum + e.archive.size, 0);
}
/** What became of one rescue, in a few words (Markdown; the error from outside as code). */
function outcomeWords(entry) {
    const outcome = entry.outcome;
    switch (outcome.kind) {
        case 'rescued':
            return `rescued in ${outcome.seconds.toFixed(1)} s; SHA-256 ${outcome.vendorSha256 === 'matched' ? "matches the vendor's" : 'taken (the vendor gave none)'}`;
        case 'arrived':
            return 'arrived meanwhile: delivered, left as it is';
        case 'planned':
            return 'would be copied';
        case 'limit':
            return "not rescued: 'rescue-max-bytes' was reached";
        case 'skipped':
            return `skipped: ${(0,phrase/* phraseMarkdown */.fP)(outcome.why)}`;
        case 'failed':
            return `failed: ${(0,markdown/* code */.aY)(outcome.error, 400)}`;
    }
}
/** The job summary's Markdown: heading, overview, and the audit's sections, within SUMMARY_ROOM; and how many undelivered rows it shows. */
function auditSummary(report, reportFile) {
    const heading = `Archive delivery audit: ${report.project}${report.dryRun ? ' (dry run)' : ''}`;
    const settings = report.source === undefined ? '' : `Settings: ${(0,markdown/* code */.aY)(report.source, 200)}\n\n`;
    const overview = `${(0,phrase/* phraseMarkdown */.fP)(overviewOf(report))}.\n\n`;
    const room = SUMMARY_ROOM - heading.length - settings.length - overview.length;
    const sections = auditSections(report, room, `the report file (${(0,markdown/* code */.aY)(reportFile, 300)}) lists every one.`);
    return { heading, text: `${settings}${overview}${sections.text}\n`, undeliveredShown: sections.undeliveredShown };
}
/** Writes the job summary made by auditSummary. Does nothing outside a runner. */
async function writeAuditSummary(made, context, summary = lib_summary/* summary */.z) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    // The blank line ends the heading's HTML block: without it GitHub shows the next line's Markdown as it is.
    summary.addHeading(made.heading, 3).addRaw(`\n${made.text}`, true);
    (0,report/* addRunLine */.ri)(summary, context);
    await summary.write();
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/github-client.ts
var github_client = __webpack_require__(7890);
;// CONCATENATED MODULE: ./src/audit/tracking-issue.ts
/**
 * The tracking issue of an audit: one open issue per project, found again by a hidden marker that
 * holds the project ID and by its author, the token's own identity, whatever its labels (a triager
 * may remove the label: it is put back). Anyone can write the marker into an issue; only one this
 * action's token wrote is its own. The first audit that finds undelivered archives, or that could
 * not finish for a reason to fix (not the vendor's passing trouble), opens it; later audits update
 * its body, and comment when the set of undelivered archives changes, naming the archives that are
 * new and those resolved; a clean audit closes it with a comment. The body fits GitHub's limit
 * and holds no secret: it is built from the audit's tables, which have no `url`, token or key.
 */



const TRACKING_LABEL = 'archive-delivery';
/** GitHub refuses a body over 65,536 characters: the issue's stays under this. */
const MAX_BODY = 60_000;
/** The room of the hidden list of undelivered IDs, which the next audit compares with. */
const IDS_ROOM = 20_000;
const tracking_issue_ARCHIVE_ID = /^[A-Za-z0-9-]{1,64}$/;
/** The most IDs a change comment names on each side. */
const NAMED_IN_COMMENT = 20;
/** The most IDs the body names of the earlier findings still open. */
const CARRIED_SHOWN = 100;
/** The hidden marker that finds the issue of a project again. */
function markerOf(projectId) {
    return `<!-- opentok-archive-target:archive-delivery project=${projectId} -->`;
}
/** A fingerprint of the set of undelivered archives and whether the audit finished, kept hidden in the body. */
function fingerprintOf(ids, finished = true) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update([...ids].sort().join('\n') + (finished ? '' : '\nunfinished'))
        .digest('hex')
        .slice(0, 16);
}
const FINGERPRINT = /<!-- undelivered-set: ([0-9a-f]{16}) -->/;
const IDS = /<!-- undelivered-ids(?: \(partial\))?: ([A-Za-z0-9,-]*) -->/;
/**
 * The issue's body: marker, headline, overview, sections, the archives an earlier audit found and
 * none found delivered since (`carried`), run link, hidden fingerprint and IDs; under MAX_BODY.
 */
function issueBody(findings, carried = []) {
    const run = findings.runUrl === undefined ? 'the audit run' : `[the audit run](${findings.runUrl})`;
    const count = findings.undeliveredIds.length;
    const archives = (n) => `${n} archive${n === 1 ? ' was' : 's were'}`;
    const headline = findings.failure !== undefined
        ? `**The audit could not finish**, as found by ${run}${count === 0 ? '' : `; ${archives(count)} found not delivered before it stopped`}.`
        : count === 0
            ? `**Every archive of the latest audit was delivered**, as found by ${run}; but ${carried.length} archive${carried.length === 1 ? '' : 's'} that an earlier audit found not delivered ${carried.length === 1 ? 'is' : 'are'} still open (below).`
            : `**${archives(count)} not delivered** to the archive upload target, as found by ${run}.`;
    const ids = hiddenIds(atRisk(findings, carried));
    const head = `${[markerOf(findings.projectId), headline, '', findings.overview].join('\n')}\n\n`;
    const earlier = carriedSection(carried);
    const tail = [
        '',
        carried.length === 0
            ? 'This issue is kept up to date by the nightly audit and closed by the first audit that finds every archive delivered.'
            : 'This issue is kept up to date by the nightly audit. It stays open while an archive of an earlier finding is not found delivered: close it when those are dealt with.',
        `<!-- undelivered-set: ${fingerprintOf([...findings.undeliveredIds, ...carried], findings.failure === undefined)} -->`,
        ids
    ].join('\n');
    const room = MAX_BODY - head.length - earlier.length - tail.length - 16;
    return `${head}${findings.sections(room)}${earlier}\n${tail}`;
}
/** What the hidden list keeps: the archives still at risk, now and from earlier audits; a rescued one is settled. */
function atRisk(findings, carried) {
    const rescued = new Set(findings.rescuedIds ?? []);
    return [...findings.undeliveredIds.filter(id => !rescued.has(id)), ...carried];
}
/**
 * The archives an earlier audit found not delivered that this one did not find delivered: most
 * have left the audit's window (it judges an archive the night after it ends) and are never judged
 * again, so the issue keeps them until a person closes it.
 */
function carriedSection(carried) {
    if (carried.length === 0)
        return '';
    const shown = carried.slice(0, CARRIED_SHOWN).map(id => (0,markdown/* code */.aY)(id, 64));
    return [
        '',
        '',
        `### Found earlier, not found delivered since (${carried.length})`,
        '',
        `${shown.join(', ')}${carried.length > CARRIED_SHOWN ? `, and ${carried.length - CARRIED_SHOWN} more` : ''}.`,
        '',
        'An earlier audit found these archives not delivered, and no audit since has found them in the target or rescued them. The audit judges an archive in the nights after it ends, then no more. For each: look for it in the target; one the vendor kept (status `available`) can be copied until 72 hours after it was created, by `rescue: true` or by hand; a failed recording has no file. Close this issue when they are dealt with.'
    ].join('\n');
}
/** The IDs, hidden, as many as fit in IDS_ROOM; marked partial when some were left out. */
function hiddenIds(ids) {
    const kept = [];
    let used = 0;
    for (const id of ids) {
        // Only a well-formed archive ID may stand inside the HTML comment: any other text could close it.
        if (!tracking_issue_ARCHIVE_ID.test(id))
            continue;
        if (used + id.length + 1 > IDS_ROOM)
            break;
        kept.push(id);
        used += id.length + 1;
    }
    return `<!-- undelivered-ids${kept.length < ids.length ? ' (partial)' : ''}: ${kept.join(',')} -->`;
}
/** The IDs an earlier body listed, and whether that list was whole. */
function earlierIds(body) {
    const match = IDS.exec(body);
    if (match === null)
        return undefined;
    return { ids: new Set((match[1] ?? '').split(',').filter(Boolean)), whole: !match[0].includes('(partial)') };
}
/** Opens, updates, comments on or closes the project's tracking issue. Never throws: a failure is a warning. */
async function syncTrackingIssue(client, env, findings) {
    const notes = [];
    const repository = (0,github_client/* repositoryOf */._M)(env);
    if (repository === undefined) {
        return { action: 'skipped', warning: 'No tracking issue: GITHUB_REPOSITORY is not set, so this is not a run in a repository.', notes };
    }
    if (findings.failure?.transient === true) {
        return { action: 'none', why: "the vendor's trouble may pass by itself: the next audit updates the issue", notes };
    }
    try {
        const existing = await findIssue(client, repository, findings.projectId, notes);
        const run = findings.runUrl === undefined ? '' : ` ([run](${findings.runUrl}))`;
        const before = existing === undefined ? undefined : earlierIds(existing.body ?? '');
        const carried = carriedFrom(before, findings);
        const clean = findings.undeliveredIds.length === 0 && findings.failure === undefined && carried.length === 0;
        if (clean) {
            if (existing === undefined)
                return { action: 'none', notes };
            await client.rest.issues.createComment({
                ...repository,
                issue_number: existing.number,
                body: `Every archive of the latest audit was delivered${run}: ${findings.overview}. Closing.`
            });
            await client.rest.issues.update({ ...repository, issue_number: existing.number, state: 'closed', state_reason: 'completed' });
            return { action: 'closed', number: existing.number, url: existing.html_url, notes };
        }
        const body = issueBody(findings, carried);
        if (existing === undefined) {
            const created = await client.rest.issues.create({
                ...repository,
                title: `Archives not delivered: ${findings.projectName}`,
                body,
                labels: [TRACKING_LABEL]
            });
            return { action: 'opened', number: created.data.number, url: created.data.html_url, notes };
        }
        await client.rest.issues.update({ ...repository, issue_number: existing.number, body });
        if (carried.length > 0) {
            notes.push(`${carried.length} archive(s) that an earlier audit found not delivered, and that no audit since found in the target, keep the tracking issue #${existing.number} open: ${carried.slice(0, 10).join(', ')}${carried.length > 10 ? ', …' : ''}. Close it when they are dealt with.`);
        }
        if (!existing.labels.some(label => (typeof label === 'string' ? label : label.name) === TRACKING_LABEL)) {
            await client.rest.issues.addLabels({ ...repository, issue_number: existing.number, labels: [TRACKING_LABEL] });
            notes.push(`The tracking issue #${existing.number} had lost its label '${TRACKING_LABEL}'; it was put back.`);
        }
        if (FINGERPRINT.exec(existing.body ?? '')?.[1] === fingerprintOf([...findings.undeliveredIds, ...carried], findings.failure === undefined)) {
            return { action: 'updated', number: existing.number, url: existing.html_url, notes };
        }
        await client.rest.issues.createComment({
            ...repository,
            issue_number: existing.number,
            body: changeComment(findings, before, carried, run)
        });
        return { action: 'commented', number: existing.number, url: existing.html_url, notes };
    }
    catch (error) {
        if ((0,github_client/* isPermissionError */.gj)(error)) {
            return {
                action: 'skipped',
                warning: `Could not update the tracking issue: the token may not write issues (${(0,github_client/* describeGitHubError */.dZ)(error)}). Give the job 'permissions: issues: write'.`,
                notes
            };
        }
        return { action: 'skipped', warning: `Could not update the tracking issue: ${(0,github_client/* describeGitHubError */.dZ)(error)}.`, notes };
    }
}
/**
 * The open issue of the project that this action's token wrote: first among the issues labelled
 * for it, then among every open issue the token wrote (the label may have been removed). Of two,
 * the newest is used, and a note says so.
 */
async function findIssue(client, repository, projectId, notes) {
    const marker = markerOf(projectId);
    const login = await (0,github_client/* tokenLogin */.nu)(client);
    const ours = (issues) => issues.filter(issue => issue.pull_request === undefined && (issue.body ?? '').includes(marker) && (0,github_client/* writtenBy */.xO)(issue.user, login));
    let found = ours(await client.paginate(client.rest.issues.listForRepo, { ...repository, state: 'open', labels: TRACKING_LABEL, per_page: 100 }));
    if (found.length === 0) {
        found = ours(await client.paginate(client.rest.issues.listForRepo, { ...repository, state: 'open', creator: login, per_page: 100 }));
    }
    const newest = [...found].sort((a, b) => b.number - a.number);
    if (newest.length > 1) {
        notes.push(`${newest.length} open tracking issues of this project were written by this token (${newest.map(issue => `#${issue.number}`).join(', ')}); the newest, #${newest[0]?.number}, is kept up to date. Close the others.`);
    }
    return newest[0];
}
/** The IDs the earlier body kept that this audit neither found undelivered again nor found delivered or rescued. */
function carriedFrom(before, findings) {
    if (before === undefined)
        return [];
    const seen = new Set([...findings.undeliveredIds, ...(findings.settledIds ?? [])]);
    return [...before.ids].filter(id => !seen.has(id));
}
/**
 * The comment on a change: what the audit says now; the archives that are new since the last body,
 * those resolved (found delivered or rescued), and those an earlier audit found that stay open.
 */
function changeComment(findings, before, carried, run) {
    const lines = [`The audit's findings changed${run}: ${findings.overview}.`];
    if (findings.failure !== undefined)
        lines.push('', 'The audit could not finish: the body above says why.');
    if (before !== undefined) {
        // A partial earlier list cannot tell a new archive from one it left out.
        const unknown = 'not known (the earlier list was too long to keep whole)';
        const added = [...new Set(findings.undeliveredIds)].filter(id => !before.ids.has(id));
        const settled = new Set([...(findings.settledIds ?? []), ...(findings.rescuedIds ?? [])]);
        // Settled IDs are never at risk now: found delivered, or rescued (which the hidden list leaves out).
        const resolved = [...before.ids].filter(id => settled.has(id));
        lines.push('', `New since the last update: ${before.whole ? named(added) : unknown}.`, `Resolved since the last update (found delivered, or rescued): ${named(resolved)}.`);
        if (carried.length > 0)
            lines.push(`Found earlier and still open, no longer judged: ${named(carried)}.`);
    }
    lines.push('', 'The body above is up to date.');
    return lines.join('\n');
}
function named(ids) {
    if (ids.length === 0)
        return 'none';
    const shown = ids.slice(0, NAMED_IN_COMMENT).map(id => (0,markdown/* code */.aY)(id, 64));
    return `${ids.length} (${shown.join(', ')}${ids.length > NAMED_IN_COMMENT ? `, and ${ids.length - NAMED_IN_COMMENT} more` : ''})`;
}

// EXTERNAL MODULE: ./src/audit/window.ts
var audit_window = __webpack_require__(3027);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/plan-secrets.ts
var plan_secrets = __webpack_require__(7488);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/storage.ts
var storage = __webpack_require__(1134);
;// CONCATENATED MODULE: ./src/audit/conclusion.ts





/** The most undelivered archives the log lists one per line; the summary and the report file have more. */
const LOGGED_ROWS = 50;
/** An archive the vendor keeps for less than this, and that is not in the target, is an error line. */
const URGENT_MS = 24 * 3_600_000;
/** The audit's findings in the log. */
function logFindings(report, reportFile, shownInSummary) {
    // An audit whose list could not be read has judged nothing: its error says so, not a count of nothing.
    if (report.failure?.stage !== 'list')
        log/* info */.pq(`Audit: ${(0,phrase/* phraseText */.tN)(overviewOf(report))}.`);
    const undelivered = undeliveredOf(report);
    for (const { archive, verdict } of undelivered.slice(0, LOGGED_ROWS)) {
        log/* info */.pq(`  ${archive.id}  "${archive.name}"  ${(0,verdicts/* formatUtc */.ay)(new Date(archive.createdAt))}  ${archive.status}: ${(0,phrase/* phraseText */.tN)(verdict.happened)}; now ${(0,phrase/* phraseText */.tN)(verdict.whereNow)}.`);
    }
    const more = undelivered.length - LOGGED_ROWS;
    if (more > 0) {
        const summary = shownInSummary >= undelivered.length ? 'the job summary' : `the job summary (${shownInSummary} of the ${undelivered.length})`;
        log/* info */.pq(`  … and ${more} more in ${summary} and the report file.`);
    }
    for (const entry of rescuedOf(report.rescue)) {
        const outcome = entry.outcome;
        if (outcome.kind === 'rescued')
            log/* info */.pq(`Rescued ${entry.archive.id} into ${entry.key}: ${outcome.bytes} bytes, SHA-256 ${outcome.sha256} (${outcome.vendorSha256 === 'matched' ? "the vendor's" : 'the vendor gave none'}), in ${outcome.seconds.toFixed(1)} s.`);
    }
    for (const entry of report.rescue?.entries ?? []) {
        const outcome = entry.outcome;
        if (outcome.kind === 'failed')
            log/* warning */.$e(`The rescue of ${entry.archive.id} failed: ${outcome.error}`);
        if (outcome.kind === 'skipped')
            log/* notice */.lm(`The rescue skipped ${entry.archive.id}: ${(0,phrase/* phraseText */.tN)(outcome.why)}.`);
        if (outcome.kind === 'arrived')
            log/* info */.pq(`${entry.archive.id} arrived in the target while it was being copied: delivered, and left as it is.`);
        if (outcome.kind === 'planned')
            log/* info */.pq(`Would rescue ${entry.archive.id} (${entry.archive.size} bytes, kept until ${(0,verdicts/* formatUtc */.ay)(new Date(entry.deadline))}) into ${entry.key}.`);
    }
    if (report.rescue?.dryRun === true) {
        const planned = report.rescue.entries.filter(entry => entry.outcome.kind === 'planned');
        log/* info */.pq(`A rescue would copy ${planned.length} archive(s), ${planned.reduce((sum, entry) => sum + entry.archive.size, 0)} bytes in all; nothing was copied (dry run).`);
    }
    log/* info */.pq(`Report: ${reportFile}`);
}
/**
 * An archive the vendor keeps for less than a day, and that is not in the target, is an ::error::
 * with the hours left: `present` holds those the target was seen to hold.
 */
function urgentArchives(report, kept, present, now) {
    const saved = new Set((report.rescue?.entries ?? []).filter(e => e.outcome.kind === 'rescued' || e.outcome.kind === 'arrived').map(e => e.archive.id));
    for (const archive of kept) {
        const left = (0,audit_window/* vendorDeadline */.Du)(archive) - now;
        if (archive.status !== 'available' || left <= 0 || left >= URGENT_MS || saved.has(archive.id) || present.has(archive.id))
            continue;
        log/* error */.z3(`Archive ${archive.id} is not in the target, and the vendor deletes its copy in ${Math.floor(left / 3_600_000)} h (${(0,verdicts/* formatUtc */.ay)(new Date((0,audit_window/* vendorDeadline */.Du)(archive)))}): rescue it now (rescue: true), or download it from the vendor's dashboard.`);
    }
}
/**
 * The step's result: a dry run stays green; a failed or undelivered audit fails. With
 * 'fail-on-error: false' it warns instead, for what the vendor answered and for archives not
 * delivered, as for set; an audit the network or the storage kept from finishing still fails.
 */
function conclude(plan, report) {
    if (report.dryRun)
        return;
    const problems = [];
    if (report.failure !== undefined)
        problems.push(`The audit could not finish: ${report.failure.message}`);
    const undelivered = undeliveredCount(report);
    const rescued = rescuedOf(report.rescue).length;
    if (undelivered > 0 || rescued > 0) {
        const classes = verdicts/* CLASS_NAMES */.mU.filter(([kind]) => !['delivered', 'pending', 'unchecked', 'rescued'].includes(kind) && report.counts[kind] > 0).map(([kind, name]) => `${report.counts[kind]} ${name}`);
        if (report.unreadable.length > 0)
            classes.push(`${report.unreadable.length} that could not be read`);
        const lost = undelivered - report.counts.rescued;
        const saved = rescued === 0 ? '' : `; ${rescued} rescued${lost <= 0 ? ', nothing lost' : ''}; fix the target`;
        const what = classes.length === 0 ? '' : ` (${classes.join(', ')})`;
        problems.push(`${undelivered} archive(s) did not land in ${report.target || 'the target'}${what}${saved}. See the job summary.`);
    }
    if (problems.length === 0)
        return;
    const message = problems.join(' ');
    const answered = report.failure === undefined || (report.failure.stage === 'list' && report.listStatus !== undefined);
    if (plan.failOnError || !answered)
        log/* fail */.fJ(message);
    else
        log/* warning */.$e(`${message} The step stays green because 'fail-on-error' is false.`);
}

;// CONCATENATED MODULE: ./src/operations/audit.ts
/**
 * `audit`: proves that archives really land, and with `rescue`, copies into the target each one the
 * vendor kept before it expires. An outline of steps, each below it: read the vendor's list down to
 * where the window needs it (archive-list.ts, audit/window.ts), look in the target for each archive
 * (audit/lookups.ts), judge each (audit/verdicts.ts), rescue (rescue/), report, whether the audit
 * finished or not (audit/report.ts), and keep the project's tracking issue in step
 * (audit/tracking-issue.ts). Loaded only when an audit runs.
 */















/** Audits the archives of the window that `plan.audit` describes. */
async function audit(plan, deps) {
    const settings = plan.audit;
    if (settings === undefined)
        throw new Error('an audit needs its settings');
    const secrets = (0,plan_secrets/* secretValuesOf */.W)(plan);
    const projectId = (0,platform/* projectIdOf */.QK)(plan.credentials);
    const target = (0,storage/* describeTarget */.ff)(plan.target);
    const now = deps.clock.now();
    const since = settings.since.getTime();
    const checkObjects = settings.checkObjects && plan.target !== undefined;
    announce(plan, target, checkObjects);
    if (plan.dryRun && plan.withheldSecrets.length > 0) {
        log/* info */.pq(`Dry run: would send GET ${archiveListUrl(plan, 0, PAGE_SIZE)} (and more pages down to the window's start)`);
        log/* info */.pq(`Nothing was sent to ${(0,platform/* vendorName */.gR)(plan.credentials)} or the storage: this dry run was not given ${plan.withheldSecrets.map(n => `'${n}'`).join(', ')}.`);
        setAuditOutputs(blankReport(plan, target, checkObjects), '', 'dry-run');
        return;
    }
    // 1. The vendor's list, down to where the window (and a rescue) needs it.
    const isCandidate = (archive) => settings.rescue && archive.status === 'available' && (0,audit_window/* vendorDeadline */.Du)(archive) > now;
    const listing = await listArchives(plan, { readDownTo: (0,audit_window/* readDownTo */.sx)(since, now, settings.rescue), keep: archive => (0,audit_window/* inWindow */.gO)(archive, since) || isCandidate(archive) }, { transport: deps.transport, clock: deps.clock, log: log/* sendLog */.ll, mask: core/* setSecret */.Pq, secrets });
    if (listing.capped) {
        log/* warning */.$e(`More than ${MAX_ARCHIVES} archives were listed, the most one audit reads: only the newest ${MAX_ARCHIVES} were audited. Give a shorter 'since' and audit more often.`);
    }
    const window = listing.archives.filter(archive => (0,audit_window/* inWindow */.gO)(archive, since));
    if (listing.error === undefined) {
        log/* info */.pq(`${(0,platform/* vendorName */.gR)(plan.credentials)} listed ${window.length} archive(s) of the window in ${listing.requests} request(s).`);
    }
    if (listing.unreadable.length > 0) {
        const named = listing.unreadable
            .slice(0, 10)
            .map(item => `${item.where}${item.id === undefined ? '' : ` (${item.id})`}: ${item.fields.join(', ')}`);
        log/* warning */.$e(`${listing.unreadable.length} archive(s) of the answer could not be read: ${named.join('; ')}${listing.unreadable.length > 10 ? '; …' : ''}. Nothing proves they landed.`);
    }
    const base = {
        ...blankReport(plan, target, checkObjects),
        listed: window.length,
        unreadable: listing.unreadable,
        vendorRequests: listing.requests,
        ...statusOf(listing.status)
    };
    if (listing.error !== undefined) {
        const failure = { stage: 'list', message: (0,redact/* scrub */._I)(listing.error, secrets), transient: listing.transient === true };
        await finish(plan, deps, { ...base, failure }, []);
        return;
    }
    // 2. The target, for each archive kept; 3. the verdicts on the window's archives.
    const looked = checkObjects
        ? await lookForArchives(plan, projectId, listing.archives, {
            transport: deps.transport,
            clock: deps.clock,
            log: log/* sendLog */.ll,
            secrets,
            ...locations(deps)
        })
        : undefined;
    const found = (index) => looked?.found[index] ?? { looked: false };
    const options = { projectId, now, uploadGraceMs: settings.uploadGraceMs, objectsChecked: checkObjects, target };
    let judged = listing.archives
        .map((archive, index) => ({ archive, verdict: (0,verdicts/* judge */.S4)(archive, found(index), options) }))
        .filter(entry => (0,audit_window/* inWindow */.gO)(entry.archive, since));
    const failure = looked?.error === undefined ? undefined : { stage: 'storage', message: (0,redact/* scrub */._I)(looked.error, secrets), transient: false };
    // 4. The rescue of what the vendor kept and the target lacks.
    let rescue;
    let storageRequests = looked?.requests ?? 0;
    let vendorRequests = listing.requests;
    if (settings.rescue && failure === undefined && plan.target !== undefined) {
        const indexOf = new Map(listing.archives.map((archive, index) => [archive, index]));
        const missing = (archive) => {
            const at = found(indexOf.get(archive) ?? -1);
            return at.looked ? at.key === undefined : !checkObjects;
        };
        const { runRescue } = await __webpack_require__.e(/* import() */ 604).then(__webpack_require__.bind(__webpack_require__, 9604));
        const done = await runRescue(plan, projectId, listing.archives, missing, deps, secrets);
        rescue = done.report;
        storageRequests += done.storageRequests;
        vendorRequests += done.vendorRequests;
        const outcomes = new Map(rescue.entries.map(entry => [entry.archive.id, entry.outcome]));
        judged = judged.map(entry => {
            const outcome = outcomes.get(entry.archive.id);
            if (outcome?.kind === 'rescued')
                return { ...entry, verdict: (0,verdicts/* rescuedVerdict */.F2)(entry.verdict.objectKey, target) };
            if (outcome?.kind === 'arrived')
                return { ...entry, verdict: (0,verdicts/* judge */.S4)(entry.archive, { looked: true, key: entry.verdict.objectKey }, options) };
            return entry;
        });
    }
    const counts = noCounts();
    for (const { verdict } of judged)
        counts[verdict.kind]++;
    await finish(plan, deps, {
        ...base,
        judged,
        counts,
        vendorRequests,
        storageRequests,
        ...(failure === undefined ? {} : { failure }),
        ...(rescue === undefined ? {} : { rescue })
    }, listing.archives, new Set(listing.archives.filter((_, index) => found(index).looked && 'key' in found(index)).map(archive => archive.id)));
}
function announce(plan, target, checkObjects) {
    const settings = plan.audit;
    log/* info */.pq(`Auditing the archives of ${(0,platform/* describeProject */.dU)(plan.credentials)} created since ${(0,verdicts/* formatUtc */.ay)(settings?.since ?? new Date(0))}, or still recording or uploading then, through ${plan.apiUrl}${target === '' ? '' : `, against ${target}`}.`);
    if (!checkObjects) {
        log/* notice */.lm(`The archives are judged by their status alone, since ${settings?.statusesOnlyBecause ?? 'no target was given'}: 'uploaded' counts as delivered, and no object is looked for in the target.`);
    }
}
/** Reports the audit, finished or not: outputs, report file, log, summary, tracking issue, urgent archives, and the step's result. */
async function finish(plan, deps, report, kept, present = new Set()) {
    const reportFile = await writeReportFile(report, deps.env);
    setAuditOutputs(report, reportFile, report.dryRun ? 'dry-run' : report.failure === undefined ? 'audited' : 'failed');
    const summary = auditSummary(report, reportFile);
    logFindings(report, reportFile, summary.undeliveredShown);
    const context = await deps.runContext();
    try {
        await writeAuditSummary(summary, context);
    }
    catch (error) {
        log/* warning */.$e(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
    const settings = plan.audit;
    if (settings?.trackingIssue === true && !report.dryRun && plan.aboutPullRequest !== undefined) {
        log/* notice */.lm(`The tracking issue was not touched: a run about a pull request ('${plan.aboutPullRequest}') writes nothing. The nightly audit of reviewed code keeps it.`);
    }
    else if (settings?.trackingIssue === true && !report.dryRun) {
        const outcome = await syncTrackingIssue(await (0,github_client/* makeGitHubClient */.hV)(settings.githubToken, deps.env), deps.env, {
            projectId: report.projectId,
            projectName: plan.project ?? report.projectId,
            undeliveredIds: [
                ...undeliveredOf(report).map(entry => entry.archive.id),
                ...report.unreadable.flatMap(item => (item.id === undefined ? [] : [item.id]))
            ],
            rescuedIds: report.judged.filter(entry => entry.verdict.kind === 'rescued').map(entry => entry.archive.id),
            // Found in the target, or still on its way: an earlier finding of it is resolved. A rescue of an archive older than the window settles it too.
            settledIds: [
                ...report.judged
                    .filter(entry => entry.verdict.kind === 'delivered' || entry.verdict.kind === 'pending')
                    .map(entry => entry.archive.id),
                ...(report.rescue?.entries ?? [])
                    .filter(entry => entry.outcome.kind === 'rescued' || entry.outcome.kind === 'arrived')
                    .map(entry => entry.archive.id)
            ],
            overview: (0,phrase/* phraseMarkdown */.fP)(overviewOf(report)),
            sections: room => auditSections(report, Math.min(room, MAX_BODY), 'the job summary and the report file of the run list every one.').text,
            ...(report.failure === undefined ? {} : { failure: report.failure }),
            ...(context.runUrl === undefined ? {} : { runUrl: context.runUrl })
        });
        for (const note of outcome.notes)
            log/* warning */.$e(note);
        if (outcome.action === 'skipped')
            log/* warning */.$e(outcome.warning);
        else if (outcome.action === 'none' && outcome.why !== undefined)
            log/* info */.pq(`The tracking issue was not touched: ${outcome.why}.`);
        else if (outcome.action !== 'none')
            log/* info */.pq(`Tracking issue #${outcome.number} ${outcome.action}: ${outcome.url}`);
    }
    urgentArchives(report, kept, present, deps.clock.now());
    conclude(plan, report);
}
function blankReport(plan, target, objectsChecked) {
    const settings = plan.audit;
    return {
        project: (0,platform/* describeProject */.dU)(plan.credentials),
        projectId: (0,platform/* projectIdOf */.QK)(plan.credentials),
        target,
        since: settings?.since ?? new Date(0),
        objectsChecked,
        ...(settings?.statusesOnlyBecause === undefined ? {} : { statusesOnlyBecause: settings.statusesOnlyBecause }),
        judged: [],
        unreadable: [],
        listed: 0,
        counts: noCounts(),
        vendorRequests: 0,
        storageRequests: 0,
        dryRun: plan.dryRun,
        ...(plan.source === undefined ? {} : { source: plan.source })
    };
}
function locations(deps) {
    return deps.storageLocations === undefined ? {} : { locations: deps.storageLocations };
}
function statusOf(status) {
    return status === undefined ? {} : { listStatus: status };
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


/***/ })

};
;