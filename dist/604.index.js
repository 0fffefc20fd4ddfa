"use strict";
exports.id = 604;
exports.ids = [604];
exports.modules = {

/***/ 9604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRescue: () => (/* binding */ runRescue)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 4 modules
var core = __webpack_require__(3000);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(6803);
// EXTERNAL MODULE: ./src/verify/azure.ts
var azure = __webpack_require__(5714);
;// CONCATENATED MODULE: ./src/verify/object-writer.ts
/**
 * What a rescue needs of a storage target to write one archive that is not there, whatever the
 * service: a whole small object, or parts of one size committed at the end, never over an object
 * that exists (a late vendor upload, or a second rescue, always wins). The S3 and Azure writers
 * (s3-writer.ts, azure-writer.ts) sign with the same code and credentials as the storage check.
 */
const MIB = 1024 * 1024;
/** The part size a rescue uses unless the object is larger than 10,000 of them (S3's most parts). */
const PART_SIZE = 8 * MIB;
const MOST_PARTS = 10_000;
/** 8 MiB, or size / 10,000 rounded up to a whole MiB when that is larger: one size for every part but the last (Cloudflare R2 asks it). */
function partSizeFor(size) {
    return Math.max(PART_SIZE, Math.ceil(size / MOST_PARTS / MIB) * MIB);
}

// EXTERNAL MODULE: ./src/verify/refusal.ts
var verify_refusal = __webpack_require__(8569);
// EXTERNAL MODULE: ./src/verify/storage-error.ts
var storage_error = __webpack_require__(5255);
;// CONCATENATED MODULE: ./src/verify/azure-writer.ts
/**
 * The rescue's writer for Azure Blob Storage: Put Block for each part (block IDs of one width, as
 * Azure asks), then Put Block List with `If-None-Match: *`, so a blob that arrived meanwhile is
 * never overwritten; a small archive is one Put Blob with the same condition. Blocks never
 * committed are dropped by the service after a week, so there is nothing to abort. Put Block From
 * URL would skip the runner, but Azurite, the emulator the tests run, does not implement it
 * (Azure/Azurite#699, #2440). Read back with Get Blob Properties. Signed by azure.ts (SharedKey).
 */





const WORDING = {
    failed: 'Rescue could not write to the target',
    tail: 'The archive stays in the vendor cloud until its deadline; fix the target, and the next audit copies it.',
    dnsTail: 'The archive stays in the vendor cloud until its deadline.'
};
/** A block's ID: its index, six digits, base64 (the same width for every block, and no '+', '/' or '='). */
function blockId(index) {
    return Buffer.from(String(index).padStart(6, '0')).toString('base64');
}
/** The writer for `target`; `serviceUrl` is the account's Blob service (tests point it at Azurite). */
function makeAzureWriter(target, io, serviceUrl = (0,azure/* blobServiceUrl */._t)(target)) {
    let requests = 0;
    const dnsHint = `the storage account's host (${new URL(serviceUrl).hostname}) does not resolve: check 'account-name'${target.domain === undefined ? '' : " and 'domain'"}.`;
    const send = async (method, url, headers, body) => {
        const outcome = await (0,http/* sendWithRetries */.HI)(io.transport, { method, url, ...(body === undefined ? {} : { body }) }, () => {
            const signed = { 'x-ms-date': new Date(io.clock.now()).toUTCString(), 'x-ms-version': azure/* AZURE_API_VERSION */.ob, ...headers };
            return (0,azure/* signSharedKey */.sX)(method, url, target, signed, body === undefined ? 0 : Buffer.byteLength(body));
        }, io.policy, io.clock, io.log);
        requests += outcome.attempts;
        return outcome;
    };
    const where = (key) => `azure://${target.accountName}/${target.container}/${key}`;
    const refusal = (key, answer, failure) => {
        const refused = (0,verify_refusal/* storageRefusal */.O)('write', where(key), answer, failure, io.secrets, dnsHint, WORDING);
        return refused === undefined ? undefined : (refused.error ?? refused.summary);
    };
    const written = (key, answer, failure) => {
        if (answer !== undefined && isExisting(answer))
            return { ok: false, exists: true };
        const error = refusal(key, answer, failure);
        if (error !== undefined)
            return { ok: false, error };
        const etag = header(answer, 'etag');
        return { ok: true, ...(etag === undefined ? {} : { etag }) };
    };
    const url = (key) => (0,azure/* blobUrl */.b0)(serviceUrl, target, key);
    return {
        partSize: partSizeFor,
        requests: () => requests,
        async putWhole(key, body, contentType) {
            const outcome = await send('PUT', url(key), { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': contentType, 'If-None-Match': '*' }, body);
            return written(key, outcome.answer, outcome.failure);
        },
        async begin(key, contentType) {
            const upload = {
                async part(index, body) {
                    const outcome = await send('PUT', `${url(key)}?comp=block&blockid=${encodeURIComponent(blockId(index))}`, {}, body);
                    const error = refusal(key, outcome.answer, outcome.failure);
                    return error === undefined ? { ok: true } : { ok: false, error };
                },
                async commit(parts) {
                    const ids = Array.from({ length: parts }, (_, index) => `<Latest>${blockId(index)}</Latest>`).join('');
                    const body = `<?xml version="1.0" encoding="utf-8"?><BlockList>${ids}</BlockList>`;
                    const outcome = await send('PUT', `${url(key)}?comp=blocklist`, { 'Content-Type': 'application/xml', 'x-ms-blob-content-type': contentType, 'If-None-Match': '*' }, body);
                    return written(key, outcome.answer, outcome.failure);
                },
                // Blocks never committed are dropped by the service: nothing to give up.
                abort: () => Promise.resolve(undefined)
            };
            return { ok: true, upload };
        },
        async stat(key) {
            const outcome = await send('HEAD', url(key), {});
            if (outcome.answer?.status === 404)
                return { ok: true };
            const error = refusal(key, outcome.answer, outcome.failure);
            if (error !== undefined)
                return { ok: false, error };
            const size = Number(header(outcome.answer, 'content-length'));
            if (!Number.isSafeInteger(size))
                return { ok: false, error: `Get Blob Properties of ${where(key)} gave no length.` };
            const etag = header(outcome.answer, 'etag');
            return { ok: true, object: { size, ...(etag === undefined ? {} : { etag }) } };
        },
        async remove(key) {
            const outcome = await send('DELETE', url(key), {});
            // A blob that is not there is as removed as can be (S3's DELETE answers 204 for it too).
            const answer = outcome.answer;
            if (answer?.status === 404 && (0,storage_error/* parseStorageError */.D)(answer.body, answer.headers).code === 'BlobNotFound')
                return { ok: true };
            const error = refusal(key, outcome.answer, outcome.failure);
            return error === undefined ? { ok: true } : { ok: false, error };
        }
    };
}
/** Azure answers a condition `If-None-Match: *` on an existing blob with 409 BlobAlreadyExists (Azurite too) or 412. */
function isExisting(answer) {
    if (answer.status === 412)
        return true;
    return answer.status === 409 && (0,storage_error/* parseStorageError */.D)(answer.body, answer.headers).code === 'BlobAlreadyExists';
}
function header(answer, name) {
    const value = answer?.headers[name];
    return Array.isArray(value) ? value[0] : value;
}

// EXTERNAL MODULE: ./src/verify/s3.ts + 1 modules
var s3 = __webpack_require__(9177);
;// CONCATENATED MODULE: ./src/verify/s3-writer.ts




const s3_writer_WORDING = {
    failed: 'Rescue could not write to the target',
    tail: 'The archive stays in the vendor cloud until its deadline; fix the target, and the next audit copies it.',
    dnsTail: 'The archive stays in the vendor cloud until its deadline.'
};
/** The writer for `target`; `amazonS3` is where Amazon S3 is (tests point it at an emulator). */
function makeS3Writer(target, io, amazonS3 = s3/* AMAZON_S3 */.Mr) {
    const endpoint = target.endpoint ?? amazonS3;
    let region = s3/* DEFAULT_REGION */.t9;
    let requests = 0;
    const send = async (call) => {
        const attempt = await (0,s3/* sendS3 */.Js)(target, call, region, io);
        region = attempt.region;
        requests += attempt.attempts;
        return attempt;
    };
    const at = (key, query = '') => (inRegion) => `${(0,s3/* objectUrl */.bC)(target.bucket, endpoint, inRegion, key)}${query}`;
    const refusal = (key, attempt, action = 'write') => {
        const refused = (0,verify_refusal/* storageRefusal */.O)(action, `s3://${target.bucket}/${key}`, attempt.answer, attempt.failure, io.secrets, (0,s3/* s3DnsHint */.$M)(target, endpoint, region), s3_writer_WORDING);
        return refused === undefined ? undefined : (refused.error ?? refused.summary);
    };
    const written = (key, attempt) => {
        if (attempt.answer?.status === 412)
            return { ok: false, exists: true };
        const error = refusal(key, attempt) ?? errorInBody(key, attempt.answer);
        if (error !== undefined)
            return { ok: false, error };
        const etag = s3_writer_header(attempt.answer, 'etag') ?? /<ETag>([^<]{1,200})<\/ETag>/.exec(attempt.answer?.body ?? '')?.[1];
        return { ok: true, ...(etag === undefined ? {} : { etag: unquoteXml(etag) }) };
    };
    return {
        partSize: partSizeFor,
        requests: () => requests,
        async putWhole(key, body, contentType) {
            const attempt = await send({
                method: 'PUT',
                urlFor: at(key),
                headers: { 'content-type': contentType, 'if-none-match': '*', ...(0,s3/* sseHeader */.vs)(target) },
                body,
                payloadHash: (0,s3/* sha256Hex */.fg)(body)
            });
            return written(key, attempt);
        },
        async begin(key, contentType) {
            const created = await send({
                method: 'POST',
                urlFor: at(key, '?uploads'),
                headers: { 'content-type': contentType, ...(0,s3/* sseHeader */.vs)(target) }
            });
            const error = refusal(key, created);
            if (error !== undefined)
                return { ok: false, error };
            const uploadId = /<UploadId>([^<]{1,1024})<\/UploadId>/.exec(created.answer?.body ?? '')?.[1];
            if (uploadId === undefined)
                return { ok: false, error: `${s3_writer_WORDING.failed}: the multipart upload of s3://${target.bucket}/${key} got no upload ID.` };
            const id = encodeURIComponent(unquoteXml(uploadId));
            const etags = [];
            const upload = {
                async part(index, body) {
                    const attempt = await send({
                        method: 'PUT',
                        urlFor: at(key, `?partNumber=${index + 1}&uploadId=${id}`),
                        body,
                        payloadHash: (0,s3/* sha256Hex */.fg)(body)
                    });
                    const failed = refusal(key, attempt);
                    if (failed !== undefined)
                        return { ok: false, error: failed };
                    const etag = s3_writer_header(attempt.answer, 'etag');
                    if (etag === undefined)
                        return { ok: false, error: `${s3_writer_WORDING.failed}: part ${index + 1} of s3://${target.bucket}/${key} got no ETag.` };
                    etags[index] = etag;
                    return { ok: true };
                },
                async commit(parts) {
                    const listed = Array.from({ length: parts }, (_, index) => `<Part><PartNumber>${index + 1}</PartNumber><ETag>${escapeXml(etags[index] ?? '')}</ETag></Part>`);
                    const body = `<CompleteMultipartUpload>${listed.join('')}</CompleteMultipartUpload>`;
                    const attempt = await send({
                        method: 'POST',
                        urlFor: at(key, `?uploadId=${id}`),
                        headers: { 'content-type': 'application/xml', 'if-none-match': '*' },
                        body
                    });
                    return written(key, attempt);
                },
                async abort() {
                    const attempt = await send({ method: 'DELETE', urlFor: at(key, `?uploadId=${id}`) });
                    const answer = attempt.answer;
                    if (answer !== undefined && answer.status >= 200 && answer.status < 300)
                        return undefined;
                    const why = answer === undefined ? attempt.failure : ((0,storage_error/* parseStorageError */.D)(answer.body, answer.headers).code ?? `HTTP ${answer.status}`);
                    return `the multipart upload of s3://${target.bucket}/${key} could not be aborted (${why ?? 'no answer'}): its parts stay until a lifecycle rule removes them (allow s3:AbortMultipartUpload).`;
                }
            };
            return { ok: true, upload };
        },
        async stat(key) {
            const attempt = await send({ method: 'GET', urlFor: inRegion => (0,s3/* listUrl */.MW)(target.bucket, endpoint, inRegion, key) });
            const error = refusal(key, attempt, 'list');
            if (error !== undefined)
                return { ok: false, error };
            const object = listedObject(attempt.answer?.body ?? '', key);
            return { ok: true, ...(object === undefined ? {} : { object }) };
        },
        async remove(key) {
            const attempt = await send({ method: 'DELETE', urlFor: at(key) });
            const error = refusal(key, attempt);
            return error === undefined ? { ok: true } : { ok: false, error };
        }
    };
}
/** The object a ListObjectsV2 answer lists at exactly `key`. */
function listedObject(body, key) {
    for (const [, entry] of body.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        const listedKey = /<Key>([^<]{1,1024})<\/Key>/.exec(entry ?? '')?.[1];
        if (listedKey === undefined || unquoteXml(listedKey) !== key)
            continue;
        const size = Number(/<Size>(\d{1,16})<\/Size>/.exec(entry ?? '')?.[1]);
        if (!Number.isSafeInteger(size))
            return undefined;
        const etag = /<ETag>([^<]{1,200})<\/ETag>/.exec(entry ?? '')?.[1];
        return { size, ...(etag === undefined ? {} : { etag: unquoteXml(etag) }) };
    }
    return undefined;
}
/** S3 may answer a CompleteMultipartUpload with 200 and an error in the body. */
function errorInBody(key, answer) {
    if (answer === undefined || !/<Error>/.test(answer.body))
        return undefined;
    const code = (0,storage_error/* parseStorageError */.D)(answer.body, answer.headers).code ?? 'an error';
    return `${s3_writer_WORDING.failed}: the upload of ${key} answered ${answer.status} with ${code}. ${s3_writer_WORDING.tail}`;
}
function s3_writer_header(answer, name) {
    const value = answer?.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function unquoteXml(text) {
    return text.replace(/&(lt|gt|quot|apos|amp|#34);/g, (_, name) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', '#34': '"' })[name] ?? '');
}
function escapeXml(text) {
    return text.replace(/[<>&]/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c);
}

// EXTERNAL MODULE: ./src/audit/verdicts.ts
var verdicts = __webpack_require__(1741);
// EXTERNAL MODULE: ./src/audit/window.ts
var audit_window = __webpack_require__(3027);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/rescue/download.ts
/**
 * The download of an archive the vendor kept, as its bytes arrive, with nothing on disk. It is
 * read in ranged GETs, each of at most WINDOW bytes. Before a GET, a link near the end of its
 * 10-minute life is swapped for a fresh one; when a GET is refused (an expired link answers 403) or
 * the connection drops mid-transfer, a fresh link is fetched and the download resumes at the byte
 * where it stopped: no byte is read twice. Only the link is sent: never the vendor's token, never
 * the storage's credentials.
 */


/** The most one ranged GET asks for. */
const WINDOW = 64 * 1024 * 1024;
/** A link older than this is swapped for a fresh one before the next GET (the vendor's links work for 10 minutes). */
const LINK_FRESH_MS = 8 * 60_000;
/** The download stopped for good; `offset` bytes had been read. */
class DownloadFailed extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
/** Reads `size` bytes from the archive's link, starting with `url`, as they arrive; resumes with fresh links from `refresh`. */
async function* download(url, size, refresh, io) {
    let link = url;
    let obtainedAt = io.clock.now();
    let offset = 0;
    let failures = 0;
    const renew = async (why) => {
        const fresh = await refresh();
        if ('error' in fresh)
            throw new DownloadFailed(`${why}; no fresh link: ${fresh.error}`, offset);
        link = fresh.url;
        obtainedAt = io.clock.now();
    };
    while (offset < size) {
        if (io.clock.now() - obtainedAt > LINK_FRESH_MS)
            await renew('the link was near the end of its life');
        const end = Math.min(size, offset + WINDOW) - 1;
        let reason;
        let answer;
        try {
            answer = await io.transport.stream(link, { Range: `bytes=${offset}-${end}`, 'User-Agent': version/* USER_AGENT */._O }, io.idleMs);
            let skip = 0;
            let last = end;
            // The file must be the size the vendor gave: a longer one would be cut, and the cut copy would match `size`.
            const length = answer.status === 200 ? contentLength(answer.headers['content-length']) : rangeTotal(answer.headers['content-range']);
            if (length !== undefined && length !== size) {
                throw new DownloadFailed(`the file is ${length} bytes, but the vendor gave its size as ${size}: a copy of it could not be proved`, offset);
            }
            if (answer.status === 200) {
                // The server sent the whole file: skip what was read already, and read on to the end.
                skip = offset;
                last = size - 1;
            }
            else if (answer.status !== 206 || rangeStart(answer.headers['content-range']) !== offset) {
                reason = answer.status === 206 ? 'the answer did not start at the byte asked for' : `HTTP ${answer.status}`;
            }
            if (reason === undefined) {
                for await (const chunk of answer.body) {
                    let bytes = chunk;
                    if (skip > 0) {
                        const dropped = Math.min(skip, bytes.length);
                        skip -= dropped;
                        bytes = bytes.subarray(dropped);
                    }
                    if (bytes.length > last - offset + 1)
                        bytes = bytes.subarray(0, last - offset + 1);
                    if (bytes.length === 0)
                        continue;
                    offset += bytes.length;
                    failures = 0;
                    yield bytes;
                    if (offset > last)
                        break;
                }
                if (offset <= last)
                    reason = 'the connection closed before the end of the range';
            }
        }
        catch (error) {
            if (error instanceof DownloadFailed)
                throw error;
            reason = (0,http/* describeNetworkError */.gl)(error).reason;
        }
        finally {
            // Also when the reader stops early: the connection is closed, not left to drain.
            answer?.cancel();
        }
        if (reason === undefined)
            continue;
        failures++;
        if (failures >= io.maxAttempts) {
            throw new DownloadFailed(`the download stopped at byte ${offset} of ${size} (${reason}) after ${failures} attempt(s) in a row`, offset);
        }
        io.log.info(`The download stopped at byte ${offset} of ${size} (${reason}); resuming there with a fresh link.`);
        await io.clock.sleep((0,http/* backoffDelay */.EY)(failures, io.clock.random()));
        await renew(`the download stopped at byte ${offset} of ${size} (${reason})`);
    }
}
/** The whole file's length that a Content-Range answer gives ("bytes 100-199/1000" gives 1000); undefined for "*" or none. */
function rangeTotal(value) {
    const match = /^bytes \d+-\d+\/(\d+)$/.exec(one(value));
    return match === null ? undefined : Number(match[1]);
}
/** A Content-Length in bytes; undefined when none is given. */
function contentLength(value) {
    return /^\d+$/.test(one(value)) ? Number(one(value)) : undefined;
}
function one(value) {
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}
/** The first byte of a Content-Range answer ("bytes 100-199/1000"); undefined when it gives none. */
function rangeStart(value) {
    const match = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(one(value));
    return match === null ? undefined : Number(match[1]);
}

;// CONCATENATED MODULE: ./src/rescue/copy.ts
/**
 * One archive's copy, from the vendor's download link into the target, streamed through the
 * runner: the bytes are cut into parts of the writer's one size as they arrive, at most
 * PARTS_IN_FLIGHT parts are held (filling or uploading) at once, whatever the archive's size, and
 * the SHA-256 of the stream is taken on the way. The copy counts only with its proof: the bytes
 * received equal the vendor's `size`, their SHA-256 equals the vendor's `sha256sum` where it gave
 * one (both checked before anything is committed, so a bad copy never appears), and the storage
 * lists the committed object with that length. An object that arrived meanwhile is never
 * overwritten: it counts as delivered.
 */


/** The most parts held at once: being filled or uploading. */
const PARTS_IN_FLIGHT = 4;
/** Copies one archive and proves the copy. */
async function copyArchive(job) {
    const started = job.io.clock.now();
    const seconds = () => (job.io.clock.now() - started) / 1000;
    const { size } = job.source;
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    const failed = (error) => ({ kind: 'failed', error, bytes, seconds: seconds() });
    const chunks = download(job.source.url, size, job.refresh, job.io);
    let result;
    const partSize = job.writer.partSize(size);
    try {
        if (size <= partSize) {
            const body = Buffer.allocUnsafe(size);
            for await (const chunk of chunks) {
                chunk.copy(body, bytes);
                hash.update(chunk);
                bytes += chunk.length;
                job.progress?.(bytes);
            }
            const wrong = proofOfStream(bytes, size, hash.copy().digest('base64'), job.source.sha256);
            if (wrong !== undefined)
                return failed(wrong);
            result = await job.writer.putWhole(job.key, body, job.contentType);
        }
        else {
            const begun = await job.writer.begin(job.key, job.contentType);
            if (!begun.ok)
                return failed(begun.error);
            const parts = await uploadParts(begun.upload, chunks, partSize, size, (chunk, total) => {
                hash.update(chunk);
                bytes = total;
                job.progress?.(total);
            });
            const wrong = parts.error ?? proofOfStream(bytes, size, hash.copy().digest('base64'), job.source.sha256);
            if (wrong !== undefined)
                return failed(withAbort(wrong, await begun.upload.abort()));
            result = await begun.upload.commit(parts.count);
            if (!result.ok) {
                const aborted = await begun.upload.abort();
                if (result.exists)
                    return { kind: 'arrived', seconds: seconds() };
                return failed(withAbort(result.error, aborted));
            }
        }
    }
    catch (error) {
        if (error instanceof DownloadFailed)
            return failed(`the download failed: ${error.message}`);
        throw error;
    }
    if (!result.ok)
        return result.exists ? { kind: 'arrived', seconds: seconds() } : failed(result.error);
    return proveStored(job, bytes, hash.digest('base64'), result.etag, seconds, failed);
}
/** Why the stream is not the vendor's file, or undefined when it is. */
function proofOfStream(bytes, size, sha256, vendorSha256) {
    if (bytes !== size)
        return `${bytes} bytes arrived, but the vendor's size is ${size}`;
    if (vendorSha256 !== undefined && sha256 !== vendorSha256)
        return `the SHA-256 of the bytes (${sha256}) is not the vendor's (${vendorSha256})`;
    return undefined;
}
/** The committed object, as the storage lists it, has the length copied; otherwise it is deleted (kept when the look-up itself failed). */
async function proveStored(job, bytes, sha256, etag, seconds, failed) {
    const stat = await job.writer.stat(job.key);
    const listed = stat.ok ? stat.object : undefined;
    if (listed !== undefined && listed.size === bytes) {
        const tag = listed.etag ?? etag;
        return {
            kind: 'rescued',
            bytes,
            sha256,
            vendorSha256: job.source.sha256 === undefined ? 'none' : 'matched',
            ...(tag === undefined ? {} : { etag: tag }),
            seconds: seconds()
        };
    }
    if (!stat.ok) {
        // Not a mismatch: the bytes were proved on the way, and the storage took them. Deleting a good
        // copy because a look-up failed could lose the archive once the vendor's copy expires.
        return failed(`the copy was written and its bytes matched the vendor's, but its length could not be read back (${stat.error}); the copy was kept, and the next audit looks for it`);
    }
    const why = listed === undefined ? 'the storage does not list it' : `the storage lists ${listed.size} bytes, not ${bytes}`;
    const removed = await job.writer.remove(job.key);
    const cleanup = removed.ok ? 'the copy was deleted' : `the copy could not be deleted (${removed.error}): delete it by hand`;
    return failed(`the copy was written, but ${why}; ${cleanup}`);
}
function withAbort(error, aborted) {
    return aborted === undefined ? error : `${error}; ${aborted}`;
}
/**
 * Cuts the stream into parts of `partSize` and uploads them, at most PARTS_IN_FLIGHT held at a time
 * (the one filling counts), in order of arrival. Stops at the first part that fails.
 */
async function uploadParts(upload, chunks, partSize, size, seen) {
    const slots = new Slots(PARTS_IN_FLIGHT);
    // The part buffers, reused: at most PARTS_IN_FLIGHT are ever made, so the memory of a long copy
    // does not wait on the garbage collector to free the parts already stored.
    const spare = [];
    const uploads = [];
    let error;
    let index = 0;
    let total = 0;
    let buffer = Buffer.alloc(0);
    let part;
    let filled = 0;
    const send = (body, from, number) => {
        uploads.push(upload
            .part(number, body)
            .then(outcome => {
            if (!outcome.ok)
                error ??= outcome.error;
        })
            .finally(() => {
            // Settled: the part's request is over, retries included, so its buffer is free again.
            spare.push(from);
            slots.release();
        }));
    };
    try {
        for await (const chunk of chunks) {
            if (total + chunk.length > size) {
                error ??= `more bytes arrived than the vendor's size, ${size}`;
                break;
            }
            seen(chunk, total + chunk.length);
            total += chunk.length;
            let from = 0;
            while (from < chunk.length) {
                if (part === undefined) {
                    await slots.take();
                    if (error !== undefined)
                        break;
                    buffer = spare.pop() ?? Buffer.allocUnsafe(partSize);
                    part = buffer.subarray(0, Math.min(partSize, size - index * partSize));
                    filled = 0;
                }
                const taken = chunk.copy(part, filled, from);
                filled += taken;
                from += taken;
                if (filled === part.length) {
                    send(part, buffer, index++);
                    part = undefined;
                }
            }
            if (error !== undefined)
                break;
        }
    }
    catch (failure) {
        // A download that gave up partway: the parts already sent finish, then the caller aborts the upload.
        if (!(failure instanceof DownloadFailed))
            throw failure;
        error ??= `the download failed: ${failure.message}`;
    }
    if (part !== undefined) {
        // The stream ended short of the part: it is not sent (the size check fails the copy).
        slots.release();
    }
    await Promise.all(uploads);
    return { count: index, ...(error === undefined ? {} : { error }) };
}
/** A counter of free places, waited on in turn. */
class Slots {
    free;
    waiting = [];
    constructor(free) {
        this.free = free;
    }
    take() {
        if (this.free > 0) {
            this.free--;
            return Promise.resolve();
        }
        return new Promise(resolve => this.waiting.push(resolve));
    }
    release() {
        const next = this.waiting.shift();
        if (next !== undefined)
            next();
        else
            this.free++;
    }
}

// EXTERNAL MODULE: ./src/platform.ts + 1 modules
var platform = __webpack_require__(6822);
// EXTERNAL MODULE: ./src/vendor-answer.ts
var vendor_answer = __webpack_require__(6064);
;// CONCATENATED MODULE: ./src/rescue/vendor-archive.ts
/**
 * One archive as the vendor describes it now: `GET {api-url}/v2/project/{id}/archive/{archiveId}`,
 * signed like every vendor call. Each answer carries a fresh signed download `url`, which works for
 * 10 minutes (Vonage Java SDK `Archive.getUrl()`; the .NET and PHP SDKs say the same): it is a bearer
 * secret, masked the moment it is read, and it is only followed over https (or http when 'api-url'
 * itself is http, which only loopback tests are).
 */




/** Asks the vendor for archive `id`. */
async function fetchArchive(plan, id, io) {
    const outgoing = { method: 'GET', url: `${plan.apiUrl}/v2/project/${(0,platform/* projectIdOf */.QK)(plan.credentials)}/archive/${id}` };
    const outcome = await (0,http/* sendWithRetries */.HI)(io.transport, outgoing, async () => ({
        ...(await (0,platform/* authHeaders */.Pw)(plan.credentials, io.clock.now(), io.mask)),
        Accept: 'application/json',
        'User-Agent': version/* USER_AGENT */._O
    }), { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 }, io.clock, io.log);
    io.counted(outcome.attempts);
    const answer = outcome.answer;
    if (answer === undefined)
        return { kind: 'error', error: (0,http/* noAnswerMessage */.J1)(outgoing, outcome) };
    if (answer.status === 404)
        return { kind: 'vanished' };
    if (answer.status < 200 || answer.status >= 300)
        return { kind: 'error', error: (0,vendor_answer/* explainFailure */.S)(plan.credentials, outgoing, answer, io.secrets) };
    let parsed;
    try {
        parsed = JSON.parse(answer.body);
    }
    catch {
        parsed = undefined;
    }
    const item = parsed !== null && typeof parsed === 'object' ? parsed : {};
    if (typeof item.url === 'string' && item.url !== '')
        io.mask(item.url);
    if (typeof item.status !== 'string')
        return { kind: 'error', error: `${outgoing.method} ${outgoing.url} answered ${answer.status} with a body that is not an archive.` };
    const size = typeof item.size === 'number' && Number.isSafeInteger(item.size) && item.size >= 0 ? item.size : 0;
    const sha256 = typeof item.sha256sum === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(item.sha256sum) ? item.sha256sum : undefined;
    return {
        kind: 'archive',
        status: item.status.toLowerCase(),
        size,
        ...(sha256 === undefined ? {} : { sha256 }),
        ...(typeof item.url === 'string' && item.url !== '' ? { url: item.url } : {})
    };
}
/** Why a download URL may not be followed, or undefined when it may: https only, or http when 'api-url' is http (loopback tests). */
function refusedDownloadUrl(url, apiUrl) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return 'the vendor gave a download link that is not a URL';
    }
    if (parsed.protocol === 'https:')
        return undefined;
    if (parsed.protocol === 'http:' && apiUrl.startsWith('http://'))
        return undefined;
    return `the vendor gave a download link over ${parsed.protocol.replace(':', '')}, not https; it is not followed`;
}

// EXTERNAL MODULE: ./src/phrase.ts
var phrase = __webpack_require__(8350);
;// CONCATENATED MODULE: ./src/rescue/index.ts





/** A copy larger than this prints a progress line about every PROGRESS_EVERY_MS. */
const PROGRESS_ABOVE_BYTES = 100_000_000;
const PROGRESS_EVERY_MS = 10_000;
/** The archives to rescue among `archives` (`missing(archive)`: the target lacks it), soonest deadline first. */
function rescueCandidates(archives, missing, now) {
    return archives
        .filter(archive => archive.status === 'available' && (0,audit_window/* vendorDeadline */.Du)(archive) > now && missing(archive))
        .sort((a, b) => (0,audit_window/* vendorDeadline */.Du)(a) - (0,audit_window/* vendorDeadline */.Du)(b));
}
/** Copies each candidate into the target that `writer` writes to, in order, within the plan's limit. */
async function rescueArchives(plan, projectId, candidates, writer, io) {
    const limit = plan.audit?.rescueMaxBytes ?? 0;
    const dryRun = plan.dryRun;
    const entries = [];
    let started = 0;
    let bytes = 0;
    let limited = false;
    for (const archive of candidates) {
        const key = (0,verdicts/* expectedKey */.ol)(projectId, archive);
        const entry = (outcome) => ({ archive, key, deadline: (0,audit_window/* vendorDeadline */.Du)(archive), outcome });
        if (limited || started + archive.size > limit) {
            limited = true;
            entries.push(entry({ kind: 'limit' }));
            continue;
        }
        if (dryRun) {
            started += archive.size;
            entries.push(entry({ kind: 'planned' }));
            continue;
        }
        // The list's size may be missing or stale: the cap is held against the size of the fresh answer, the one copied.
        const { outcome, size } = await rescueOne(plan, archive, key, writer, io, limit - started);
        if (outcome.kind === 'limit')
            limited = true;
        else
            started += size;
        if (outcome.kind === 'rescued')
            bytes += outcome.bytes;
        entries.push(entry(outcome));
    }
    return { entries, bytes, limit, dryRun };
}
/** Copies one archive whose fresh size fits in `room` bytes; the size is what counts against the cap. */
async function rescueOne(plan, archive, key, writer, io, room) {
    const fresh = await fetchArchive(plan, archive.id, io);
    if (fresh.kind === 'archive' && fresh.status === 'available' && fresh.size > room)
        return { outcome: { kind: 'limit' }, size: 0 };
    const size = fresh.kind === 'archive' ? fresh.size : 0;
    return { outcome: await copyFresh(plan, archive, key, writer, io, fresh), size };
}
async function copyFresh(plan, archive, key, writer, io, fresh) {
    if (fresh.kind === 'vanished')
        return { kind: 'skipped', why: ['the vendor no longer has it (404): it was deleted meanwhile'] };
    if (fresh.kind === 'error')
        return { kind: 'failed', error: fresh.error, bytes: 0, seconds: 0 };
    if (fresh.status !== 'available')
        return { kind: 'skipped', why: (0,phrase/* phrase */.MZ) `its status is now ${(0,phrase/* value */.Uq)(fresh.status, 40)}` };
    if (fresh.url === undefined)
        return { kind: 'failed', error: 'the vendor gave no download link', bytes: 0, seconds: 0 };
    if (fresh.size <= 0)
        return { kind: 'failed', error: 'the vendor gave no size, so the copy could not be proved', bytes: 0, seconds: 0 };
    const refused = refusedDownloadUrl(fresh.url, plan.apiUrl);
    if (refused !== undefined)
        return { kind: 'failed', error: refused, bytes: 0, seconds: 0 };
    io.log.info(`Rescuing archive ${archive.id} (${fresh.size} bytes; the vendor keeps it until ${new Date((0,audit_window/* vendorDeadline */.Du)(archive)).toISOString()}) into ${key}.`);
    const refresh = async () => {
        const again = await fetchArchive(plan, archive.id, io);
        if (again.kind === 'vanished')
            return { error: 'the vendor no longer has the archive (404)' };
        if (again.kind === 'error')
            return { error: again.error };
        if (again.url === undefined)
            return { error: `the vendor gave no download link (status '${again.status}')` };
        const refusedAgain = refusedDownloadUrl(again.url, plan.apiUrl);
        return refusedAgain === undefined ? { url: again.url } : { error: refusedAgain };
    };
    return copyArchive({
        key,
        contentType: archive.outputMode === 'individual' ? 'application/zip' : 'video/mp4',
        source: { url: fresh.url, size: fresh.size, ...(fresh.sha256 === undefined ? {} : { sha256: fresh.sha256 }) },
        refresh,
        writer,
        io: { transport: io.transport, clock: io.clock, log: io.log, idleMs: plan.timeoutSeconds * 1000, maxAttempts: plan.maxAttempts },
        ...(fresh.size > PROGRESS_ABOVE_BYTES ? { progress: progressLine(archive.id, fresh.size, io) } : {})
    });
}
/** Prints, about every 10 s, how far a large copy is: bytes, MB/s and the time left. */
function progressLine(id, size, io) {
    const started = io.clock.now();
    let last = started;
    return bytes => {
        const now = io.clock.now();
        if (now - last < PROGRESS_EVERY_MS || bytes >= size)
            return;
        last = now;
        const rate = bytes / Math.max(1, now - started) / 1000;
        const left = rate > 0 ? Math.round((size - bytes) / (rate * 1_000_000)) : undefined;
        io.log.info(`  ${id}: ${(bytes / 1e6).toFixed(0)} of ${(size / 1e6).toFixed(0)} MB (${Math.floor((100 * bytes) / size)}%), ${rate.toFixed(1)} MB/s${left === undefined ? '' : `, about ${left} s left`}`);
    };
}

;// CONCATENATED MODULE: ./src/rescue/run.ts
/**
 * The rescue as the audit runs it: the writer of the step's own target (the same credentials,
 * signer and transport as the storage check), the candidates in order, and the requests counted.
 * Loaded only when an audit rescues.
 */





/** Rescues, among `archives`, each that the vendor kept and `missing` says the target lacks. */
async function runRescue(plan, projectId, archives, missing, deps, secrets) {
    const candidates = rescueCandidates(archives, missing, deps.clock.now());
    const writer = writerFor(plan, deps, secrets);
    let vendorRequests = 0;
    const report = await rescueArchives(plan, projectId, candidates, writer, {
        transport: deps.transport,
        clock: deps.clock,
        log: log/* sendLog */.ll,
        mask: core/* setSecret */.Pq,
        secrets,
        counted: requests => (vendorRequests += requests)
    });
    return { report, vendorRequests, storageRequests: writer.requests() };
}
function writerFor(plan, deps, secrets) {
    const target = plan.target;
    if (target === undefined)
        throw new Error('a rescue needs a target');
    const io = {
        transport: deps.transport,
        clock: deps.clock,
        policy: { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 },
        log: log/* sendLog */.ll,
        secrets
    };
    const locations = deps.storageLocations ?? {};
    if (target.type === 's3')
        return makeS3Writer(target, io, locations.amazonS3);
    return makeAzureWriter(target, io, locations.azureBlobService?.(target));
}


/***/ })

};
;