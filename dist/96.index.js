"use strict";
exports.id = 96;
exports.ids = [96];
exports.modules = {

/***/ 8096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  makeStorageVerifier: () => (/* binding */ makeStorageVerifier)
});

// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(6803);
// EXTERNAL MODULE: ./src/platform.ts + 1 modules
var platform = __webpack_require__(6822);
// EXTERNAL MODULE: ./src/verify/azure.ts
var azure = __webpack_require__(5714);
;// CONCATENATED MODULE: ./src/verify/check-object.ts
/** The small object the storage check writes where the vendor will write archives. */
/** Where archives of the project land ({API key or application ID}/…), always the same name, so repeated checks overwrite one object instead of piling up. */
function checkObjectKey(projectId) {
    return `${projectId}/.archive-target-check`;
}
/** What the object says: what it is and which run wrote it. */
function checkObjectContent(env, now) {
    const run = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : 'a run outside GitHub Actions';
    return [
        'Written by the OpenTok archive upload target action to check that archives can be uploaded here.',
        `Run: ${run}`,
        `Time: ${now.toISOString()}`,
        'Safe to delete; the next check writes it again.',
        ''
    ].join('\n');
}

// EXTERNAL MODULE: ./src/verify/s3.ts + 1 modules
var s3 = __webpack_require__(9177);
// EXTERNAL MODULE: ./src/verify/refusal.ts
var refusal = __webpack_require__(8569);
// EXTERNAL MODULE: ./src/verify/storage-error.ts
var storage_error = __webpack_require__(5255);
;// CONCATENATED MODULE: ./src/verify/index.ts
/**
 * The storage check that runs before a target is set: with exactly the credentials the vendor
 * will get, write one small object where archives land, then try to delete it. The vendor does
 * not check the credentials itself, so with 'fallback: none' a mistake here would lose archives.
 */







const CHECK_WORDING = {
    failed: 'Storage check failed',
    tail: "Nothing was sent to the vendor. Fix the storage settings, or set 'verify: false' only if this runner cannot reach the storage.",
    dnsTail: 'Nothing was sent to the vendor.'
};
/** Makes the storage check of a plan, against `locations`. */
function makeStorageVerifier(log, env = process.env, locations = {}) {
    return async (plan, transport, clock) => {
        const target = plan.target;
        if (target === undefined)
            return { verified: 'skipped', summary: 'not needed for delete' };
        const key = checkObjectKey((0,platform/* projectIdOf */.QK)(plan.credentials));
        const content = checkObjectContent(env, new Date(clock.now()));
        const io = {
            transport,
            clock,
            policy: { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 },
            log,
            secrets: target.type === 's3' ? [target.secretKey] : [target.accountKey]
        };
        return target.type === 's3'
            ? checkS3(target, key, content, locations.amazonS3 ?? s3/* AMAZON_S3 */.Mr, io)
            : checkAzure(target, key, content, locations, io);
    };
}
async function checkS3(target, key, content, amazonS3, io) {
    const where = `s3://${target.bucket}/${key}`;
    const endpoint = target.endpoint ?? amazonS3;
    const put = await (0,s3/* sendToS3 */.kf)('PUT', target, endpoint, key, content, s3/* DEFAULT_REGION */.t9, io);
    const dnsHint = (0,s3/* s3DnsHint */.$M)(target, endpoint, put.region);
    const refused = (0,refusal/* storageRefusal */.O)('write', where, put.answer, put.failure, io.secrets, dnsHint, CHECK_WORDING, (_code, status) => status === 501 && target.sse === 's3'
        ? "The write carried x-amz-server-side-encryption: AES256, as 'sse: s3' asks; a service without server-side encryption (MinIO without KMS, say) refuses it: set 'sse: none' for it."
        : undefined);
    if (refused !== undefined)
        return refused;
    const sse = target.sse === 's3' ? ' with SSE-S3' : '';
    const del = await (0,s3/* sendToS3 */.kf)('DELETE', target, endpoint, key, undefined, put.region, io);
    return deleted(`wrote ${where}${sse}`, where, del.answer, del.failure);
}
async function checkAzure(target, key, content, locations, io) {
    const where = `azure://${target.accountName}/${target.container}/${key}`;
    const url = (0,azure/* blobUrl */.b0)((locations.azureBlobService ?? azure/* blobServiceUrl */._t)(target), target, key);
    const send = (method, body) => (0,http/* sendWithRetries */.HI)(io.transport, { method, url, ...(body === undefined ? {} : { body }) }, () => (0,azure/* blobRequestHeaders */.Zd)(method, url, target, body, io.clock.now()), io.policy, io.clock, io.log);
    const put = await send('PUT', content);
    const dnsHint = `the storage account's host (${new URL(url).hostname}) does not resolve: check 'account-name'${target.domain === undefined ? '' : " and 'domain'"}; the account may not exist.`;
    const refused = (0,refusal/* storageRefusal */.O)('write', where, put.answer, put.failure, io.secrets, dnsHint, CHECK_WORDING);
    if (refused !== undefined)
        return refused;
    const del = await send('DELETE');
    return deleted(`wrote ${where}`, where, del.answer, del.failure);
}
/** The passed check, noting a refused delete, which the vendor's recommended policy does not grant. */
function deleted(wrote, where, answer, failure) {
    if (answer !== undefined && answer.status >= 200 && answer.status < 300)
        return { verified: 'true', summary: `${wrote} and deleted it` };
    const why = answer === undefined ? (failure ?? 'no answer') : ((0,storage_error/* parseStorageError */.D)(answer.body, answer.headers).code ?? `HTTP ${answer.status}`);
    return {
        verified: 'true',
        summary: `${wrote}; its delete was refused (${why})`,
        warnings: [
            `The storage check wrote ${where} but could not delete it (${why}). Archives can be uploaded; the object stays and is overwritten by the next check. Grant delete on that key to have it removed.`
        ]
    };
}


/***/ })

};
;