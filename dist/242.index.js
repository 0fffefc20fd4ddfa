"use strict";
exports.id = 242;
exports.ids = [242];
exports.modules = {

/***/ 5714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sk: () => (/* binding */ listBlobsUrl),
/* harmony export */   Zd: () => (/* binding */ blobRequestHeaders),
/* harmony export */   _t: () => (/* binding */ blobServiceUrl),
/* harmony export */   b0: () => (/* binding */ blobUrl),
/* harmony export */   ob: () => (/* binding */ AZURE_API_VERSION),
/* harmony export */   sX: () => (/* binding */ signSharedKey)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The Azure storage check: a SharedKey-signed Put Blob (block blob) and Delete Blob.
 * The signer is these forty lines rather than @azure/storage-blob, which would add about
 * 1.9 MB to the bundle (0.7 MB minified) for two requests (see README, "Bundle size").
 */

/** The Blob service REST version the requests speak. */
const AZURE_API_VERSION = '2021-12-02';
/** The account's Blob endpoint: https://{account}.blob.{domain or core.windows.net}. */
function blobServiceUrl(target) {
    return `https://${target.accountName}.blob.${target.domain ?? 'core.windows.net'}`;
}
/** The URL of a blob under a Blob service base URL. */
function blobUrl(serviceUrl, target, blobName) {
    return `${serviceUrl}/${target.container}/${blobName.split('/').map(encodeURIComponent).join('/')}`;
}
/**
 * Signs a request with the account key ("Shared Key" authorization): the string to sign is the
 * verb, the standard headers in their fixed order, the x-ms-* headers and the resource.
 * https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key
 */
function signSharedKey(method, url, target, headers, contentLength) {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const canonicalHeaders = Object.keys(lower)
        .filter(name => name.startsWith('x-ms-'))
        .sort()
        .map(name => `${name}:${String(lower[name]).trim()}\n`)
        .join('');
    const parsed = new URL(url);
    const canonicalQuery = [...parsed.searchParams.keys()]
        .map(k => k.toLowerCase())
        .sort()
        .map(k => `\n${k}:${parsed.searchParams.getAll(k).sort().join(',')}`)
        .join('');
    const canonicalResource = `/${target.accountName}${parsed.pathname}${canonicalQuery}`;
    const stringToSign = [
        method.toUpperCase(),
        lower['content-encoding'] ?? '',
        lower['content-language'] ?? '',
        contentLength === 0 ? '' : String(contentLength),
        lower['content-md5'] ?? '',
        lower['content-type'] ?? '',
        '', // Date: x-ms-date is sent instead
        lower['if-modified-since'] ?? '',
        lower['if-match'] ?? '',
        lower['if-none-match'] ?? '',
        lower['if-unmodified-since'] ?? '',
        lower['range'] ?? '',
        canonicalHeaders + canonicalResource
    ].join('\n');
    const signature = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', Buffer.from(target.accountKey, 'base64')).update(stringToSign, 'utf8').digest('base64');
    return { ...headers, Authorization: `SharedKey ${target.accountName}:${signature}` };
}
/** The URL of a container's List Blobs for one prefix, at most one result. */
function listBlobsUrl(serviceUrl, target, prefix) {
    return `${serviceUrl}/${target.container}?restype=container&comp=list&maxresults=1&prefix=${encodeURIComponent(prefix)}`;
}
/** The headers of a Put Blob (block blob), Delete Blob or List Blobs, signed for `nowMs`. */
function blobRequestHeaders(method, url, target, body, nowMs) {
    const headers = {
        'x-ms-date': new Date(nowMs).toUTCString(),
        'x-ms-version': AZURE_API_VERSION
    };
    if (method === 'PUT') {
        headers['x-ms-blob-type'] = 'BlockBlob';
        headers['Content-Type'] = 'text/plain; charset=utf-8';
    }
    return signSharedKey(method, url, target, headers, body === undefined ? 0 : Buffer.byteLength(body));
}


/***/ }),

/***/ 8569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ storageRefusal)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6670);
/* harmony import */ var _storage_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5255);


/** The failed check for a request that got no 2xx, or undefined when it succeeded. */
function storageRefusal(action, where, answer, failure, secrets, dnsHint, wording, 
/** A further hint for a refusal that only the caller can explain (an 'sse' the service lacks). */
explain) {
    if (answer === undefined && failure !== undefined && /^ENOTFOUND\b/.test(failure)) {
        // A name that does not resolve is a wrong setting, not an unreachable network: name the input.
        return {
            verified: 'false',
            summary: 'refused: the storage host does not exist (ENOTFOUND)',
            error: `${wording.failed}: could not ${action} ${where}: ${dnsHint} ${wording.dnsTail}`
        };
    }
    if (answer === undefined) {
        const why = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(failure ?? 'no answer', secrets);
        return {
            verified: 'false',
            summary: `could not reach the storage: ${why}`,
            error: `${wording.failed}: could not ${action} ${where}: ${why}. ${wording.tail}`
        };
    }
    if (answer.status >= 200 && answer.status < 300)
        return undefined;
    const { code, message } = (0,_storage_error_js__WEBPACK_IMPORTED_MODULE_1__/* .parseStorageError */ .D)(answer.body, answer.headers);
    const named = code === undefined ? `HTTP ${answer.status}` : `${code} (HTTP ${answer.status})`;
    const said = message === undefined ? '' : ` The service said: "${(0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(message, secrets)}".`;
    const more = explain?.(code, answer.status);
    return {
        verified: 'false',
        summary: `refused: ${named}`,
        error: `${wording.failed}: the ${action} of ${where} was refused with ${named}: ${(0,_storage_error_js__WEBPACK_IMPORTED_MODULE_1__/* .hintFor */ .J)(code, answer.status, action)}${said}${more === undefined ? '' : ` ${more}`} ${wording.tail}`
    };
}


/***/ }),

/***/ 9177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Mr: () => (/* binding */ AMAZON_S3),
  t9: () => (/* binding */ DEFAULT_REGION),
  Vv: () => (/* binding */ listS3),
  MW: () => (/* binding */ listUrl),
  bC: () => (/* binding */ objectUrl),
  $M: () => (/* binding */ s3DnsHint),
  Js: () => (/* binding */ sendS3),
  kf: () => (/* binding */ sendToS3),
  fg: () => (/* binding */ sha256Hex),
  vs: () => (/* binding */ sseHeader)
});

// UNUSED EXPORTS: signS3, uriEncode

;// CONCATENATED MODULE: ./node_modules/aws4fetch/dist/aws4fetch.esm.mjs
/**
 * @license MIT <https://opensource.org/licenses/MIT>
 * @copyright Michael Hart 2024
 */
const encoder = new TextEncoder();
const HOST_SERVICES = {
  appstream2: 'appstream',
  cloudhsmv2: 'cloudhsm',
  email: 'ses',
  marketplace: 'aws-marketplace',
  mobile: 'AWSMobileHubService',
  pinpoint: 'mobiletargeting',
  queue: 'sqs',
  'git-codecommit': 'codecommit',
  'mturk-requester-sandbox': 'mturk-requester',
  'personalize-runtime': 'personalize',
};
const UNSIGNABLE_HEADERS = new Set([
  'authorization',
  'content-type',
  'content-length',
  'user-agent',
  'presigned-expires',
  'expect',
  'x-amzn-trace-id',
  'range',
  'connection',
]);
class AwsClient {
  constructor({ accessKeyId, secretAccessKey, sessionToken, service, region, cache, retries, initRetryMs }) {
    if (accessKeyId == null) throw new TypeError('accessKeyId is a required option')
    if (secretAccessKey == null) throw new TypeError('secretAccessKey is a required option')
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.sessionToken = sessionToken;
    this.service = service;
    this.region = region;
    this.cache = cache || new Map();
    this.retries = retries != null ? retries : 10;
    this.initRetryMs = initRetryMs || 50;
  }
  async sign(input, init) {
    if (input instanceof Request) {
      const { method, url, headers, body } = input;
      init = Object.assign({ method, url, headers }, init);
      if (init.body == null && headers.has('Content-Type')) {
        init.body = body != null && headers.has('X-Amz-Content-Sha256') ? body : await input.clone().arrayBuffer();
      }
      input = url;
    }
    const signer = new AwsV4Signer(Object.assign({ url: input.toString() }, init, this, init && init.aws));
    const signed = Object.assign({}, init, await signer.sign());
    delete signed.aws;
    try {
      return new Request(signed.url.toString(), signed)
    } catch (e) {
      if (e instanceof TypeError) {
        return new Request(signed.url.toString(), Object.assign({ duplex: 'half' }, signed))
      }
      throw e
    }
  }
  async fetch(input, init) {
    for (let i = 0; i <= this.retries; i++) {
      const fetched = fetch(await this.sign(input, init));
      if (i === this.retries) {
        return fetched
      }
      const res = await fetched;
      if (res.status < 500 && res.status !== 429) {
        return res
      }
      await new Promise(resolve => setTimeout(resolve, Math.random() * this.initRetryMs * Math.pow(2, i)));
    }
    throw new Error('An unknown error occurred, ensure retries is not negative')
  }
}
class AwsV4Signer {
  constructor({ method, url, headers, body, accessKeyId, secretAccessKey, sessionToken, service, region, cache, datetime, signQuery, appendSessionToken, allHeaders, singleEncode }) {
    if (url == null) throw new TypeError('url is a required option')
    if (accessKeyId == null) throw new TypeError('accessKeyId is a required option')
    if (secretAccessKey == null) throw new TypeError('secretAccessKey is a required option')
    this.method = method || (body ? 'POST' : 'GET');
    this.url = new URL(url);
    this.headers = new Headers(headers || {});
    this.body = body;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.sessionToken = sessionToken;
    let guessedService, guessedRegion;
    if (!service || !region) {
[guessedService, guessedRegion] = guessServiceRegion(this.url, this.headers);
    }
    this.service = service || guessedService || '';
    this.region = region || guessedRegion || 'us-east-1';
    this.cache = cache || new Map();
    this.datetime = datetime || new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
    this.signQuery = signQuery;
    this.appendSessionToken = appendSessionToken || this.service === 'iotdevicegateway';
    this.headers.delete('Host');
    if (this.service === 's3' && !this.signQuery && !this.headers.has('X-Amz-Content-Sha256')) {
      this.headers.set('X-Amz-Content-Sha256', 'UNSIGNED-PAYLOAD');
    }
    const params = this.signQuery ? this.url.searchParams : this.headers;
    params.set('X-Amz-Date', this.datetime);
    if (this.sessionToken && !this.appendSessionToken) {
      params.set('X-Amz-Security-Token', this.sessionToken);
    }
    this.signableHeaders = ['host', ...this.headers.keys()]
      .filter(header => allHeaders || !UNSIGNABLE_HEADERS.has(header))
      .sort();
    this.signedHeaders = this.signableHeaders.join(';');
    this.canonicalHeaders = this.signableHeaders
      .map(header => header + ':' + (header === 'host' ? this.url.host : (this.headers.get(header) || '').replace(/\s+/g, ' ')))
      .join('\n');
    this.credentialString = [this.datetime.slice(0, 8), this.region, this.service, 'aws4_request'].join('/');
    if (this.signQuery) {
      if (this.service === 's3' && !params.has('X-Amz-Expires')) {
        params.set('X-Amz-Expires', '86400');
      }
      params.set('X-Amz-Algorithm', 'AWS4-HMAC-SHA256');
      params.set('X-Amz-Credential', this.accessKeyId + '/' + this.credentialString);
      params.set('X-Amz-SignedHeaders', this.signedHeaders);
    }
    if (this.service === 's3') {
      try {
        this.encodedPath = decodeURIComponent(this.url.pathname.replace(/\+/g, ' '));
      } catch (e) {
        this.encodedPath = this.url.pathname;
      }
    } else {
      this.encodedPath = this.url.pathname.replace(/\/+/g, '/');
    }
    if (!singleEncode) {
      this.encodedPath = encodeURIComponent(this.encodedPath).replace(/%2F/g, '/');
    }
    this.encodedPath = encodeRfc3986(this.encodedPath);
    const seenKeys = new Set();
    this.encodedSearch = [...this.url.searchParams]
      .filter(([k]) => {
        if (!k) return false
        if (this.service === 's3') {
          if (seenKeys.has(k)) return false
          seenKeys.add(k);
        }
        return true
      })
      .map(pair => pair.map(p => encodeRfc3986(encodeURIComponent(p))))
      .sort(([k1, v1], [k2, v2]) => k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0)
      .map(pair => pair.join('='))
      .join('&');
  }
  async sign() {
    if (this.signQuery) {
      this.url.searchParams.set('X-Amz-Signature', await this.signature());
      if (this.sessionToken && this.appendSessionToken) {
        this.url.searchParams.set('X-Amz-Security-Token', this.sessionToken);
      }
    } else {
      this.headers.set('Authorization', await this.authHeader());
    }
    return {
      method: this.method,
      url: this.url,
      headers: this.headers,
      body: this.body,
    }
  }
  async authHeader() {
    return [
      'AWS4-HMAC-SHA256 Credential=' + this.accessKeyId + '/' + this.credentialString,
      'SignedHeaders=' + this.signedHeaders,
      'Signature=' + (await this.signature()),
    ].join(', ')
  }
  async signature() {
    const date = this.datetime.slice(0, 8);
    const cacheKey = [this.secretAccessKey, date, this.region, this.service].join();
    let kCredentials = this.cache.get(cacheKey);
    if (!kCredentials) {
      const kDate = await hmac('AWS4' + this.secretAccessKey, date);
      const kRegion = await hmac(kDate, this.region);
      const kService = await hmac(kRegion, this.service);
      kCredentials = await hmac(kService, 'aws4_request');
      this.cache.set(cacheKey, kCredentials);
    }
    return buf2hex(await hmac(kCredentials, await this.stringToSign()))
  }
  async stringToSign() {
    return [
      'AWS4-HMAC-SHA256',
      this.datetime,
      this.credentialString,
      buf2hex(await hash(await this.canonicalString())),
    ].join('\n')
  }
  async canonicalString() {
    return [
      this.method.toUpperCase(),
      this.encodedPath,
      this.encodedSearch,
      this.canonicalHeaders + '\n',
      this.signedHeaders,
      await this.hexBodyHash(),
    ].join('\n')
  }
  async hexBodyHash() {
    let hashHeader = this.headers.get('X-Amz-Content-Sha256') || (this.service === 's3' && this.signQuery ? 'UNSIGNED-PAYLOAD' : null);
    if (hashHeader == null) {
      if (this.body && typeof this.body !== 'string' && !('byteLength' in this.body)) {
        throw new Error('body must be a string, ArrayBuffer or ArrayBufferView, unless you include the X-Amz-Content-Sha256 header')
      }
      hashHeader = buf2hex(await hash(this.body || ''));
    }
    return hashHeader
  }
}
async function hmac(key, string) {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    typeof key === 'string' ? encoder.encode(key) : key,
    { name: 'HMAC', hash: { name: 'SHA-256' } },
    false,
    ['sign'],
  );
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(string))
}
async function hash(content) {
  return crypto.subtle.digest('SHA-256', typeof content === 'string' ? encoder.encode(content) : content)
}
const HEX_CHARS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'];
function buf2hex(arrayBuffer) {
  const buffer = new Uint8Array(arrayBuffer);
  let out = '';
  for (let idx = 0; idx < buffer.length; idx++) {
    const n = buffer[idx];
    out += HEX_CHARS[(n >>> 4) & 0xF];
    out += HEX_CHARS[n & 0xF];
  }
  return out
}
function encodeRfc3986(urlEncodedStr) {
  return urlEncodedStr.replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase())
}
function guessServiceRegion(url, headers) {
  const { hostname, pathname } = url;
  if (hostname.endsWith('.on.aws')) {
    const match = hostname.match(/^[^.]{1,63}\.lambda-url\.([^.]{1,63})\.on\.aws$/);
    return match != null ? ['lambda', match[1] || ''] : ['', '']
  }
  if (hostname.endsWith('.r2.cloudflarestorage.com')) {
    return ['s3', 'auto']
  }
  if (hostname.endsWith('.backblazeb2.com')) {
    const match = hostname.match(/^(?:[^.]{1,63}\.)?s3\.([^.]{1,63})\.backblazeb2\.com$/);
    return match != null ? ['s3', match[1] || ''] : ['', '']
  }
  const match = hostname.replace('dualstack.', '').match(/([^.]{1,63})\.(?:([^.]{0,63})\.)?amazonaws\.com(?:\.cn)?$/);
  let service = (match && match[1]) || '';
  let region = match && match[2];
  if (region === 'us-gov') {
    region = 'us-gov-west-1';
  } else if (region === 's3' || region === 's3-accelerate') {
    region = 'us-east-1';
    service = 's3';
  } else if (service === 'iot') {
    if (hostname.startsWith('iot.')) {
      service = 'execute-api';
    } else if (hostname.startsWith('data.jobs.iot.')) {
      service = 'iot-jobs-data';
    } else {
      service = pathname === '/mqtt' ? 'iotdevicegateway' : 'iotdata';
    }
  } else if (service === 'autoscaling') {
    const targetPrefix = (headers.get('X-Amz-Target') || '').split('.')[0];
    if (targetPrefix === 'AnyScaleFrontendService') {
      service = 'application-autoscaling';
    } else if (targetPrefix === 'AnyScaleScalingPlannerFrontendService') {
      service = 'autoscaling-plans';
    }
  } else if (region == null && service.startsWith('s3-')) {
    region = service.slice(3).replace(/^fips-|^external-1/, '');
    service = 's3';
  } else if (service.endsWith('-fips')) {
    service = service.slice(0, -5);
  } else if (region && /-\d$/.test(service) && !/-\d$/.test(region)) {
[service, region] = [region, service];
  }
  return [HOST_SERVICES[service] || service, region || '']
}



// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(6803);
// EXTERNAL MODULE: ./src/verify/storage-error.ts
var storage_error = __webpack_require__(5255);
;// CONCATENATED MODULE: ./src/verify/s3.ts
/** The S3 storage check: a SigV4-signed PutObject of the check object, then a DeleteObject. */




/** Amazon S3's global endpoint; an Amazon bucket in another region is found from its answer. */
const AMAZON_S3 = 'https://s3.amazonaws.com';
const DEFAULT_REGION = 'us-east-1';
/**
 * The URL of an object. On Amazon S3: virtual-hosted on the region's host, path-style for
 * names with dots (which break the TLS wildcard). Any other endpoint: path-style, which
 * S3-compatible services support without DNS set-up.
 */
function objectUrl(bucket, endpoint, region, key) {
    const path = key.split('/').map(uriEncode).join('/');
    if (endpoint === AMAZON_S3) {
        const host = region === DEFAULT_REGION ? 's3.amazonaws.com' : `s3.${region}.amazonaws.com`;
        return bucket.includes('.') ? `https://${host}/${encodeURIComponent(bucket)}/${path}` : `https://${bucket}.${host}/${path}`;
    }
    return `${endpoint}/${encodeURIComponent(bucket)}/${path}`;
}
/**
 * SigV4's URI encoding (RFC 3986): encodeURIComponent leaves !'()* as they are, which a service
 * that signs the URL as sent would read differently from the signature's canonical form.
 */
function uriEncode(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** The URL of a bucket's list (ListObjectsV2) for one prefix, addressed as objectUrl addresses objects. */
function listUrl(bucket, endpoint, region, prefix) {
    const query = `?list-type=2&max-keys=1&prefix=${uriEncode(prefix)}`;
    if (endpoint === AMAZON_S3) {
        const host = region === DEFAULT_REGION ? 's3.amazonaws.com' : `s3.${region}.amazonaws.com`;
        return bucket.includes('.') ? `https://${host}/${encodeURIComponent(bucket)}${query}` : `https://${bucket}.${host}/${query}`;
    }
    return `${endpoint}/${encodeURIComponent(bucket)}${query}`;
}
/**
 * What a host that does not resolve means. Amazon S3 answers for every bucket name through
 * wildcard DNS, so there it is the runner's DNS or network, never 'bucket'; a custom endpoint is
 * addressed path-style, so its own host is the one at fault.
 */
function s3DnsHint(target, endpoint, region) {
    if (target.endpoint !== undefined)
        return `the host of 'endpoint' (${new URL(endpoint).hostname}) does not resolve: check 'endpoint'.`;
    const host = new URL(objectUrl(target.bucket, endpoint, region, 'x')).hostname;
    return `this runner could not resolve ${host}. Amazon S3 answers for any bucket name, so this is the runner's DNS or network, not 'bucket': check them, set HTTPS_PROXY if the runner must go through a proxy, or give 'verify: false' if it cannot reach the storage.`;
}
/**
 * Sends one signed S3 request; when the answer names another region for the bucket
 * (x-amz-bucket-region, or <Region> in AuthorizationHeaderMalformed / PermanentRedirect), signs
 * again for that region and retries once there.
 */
async function sendToS3(method, target, endpoint, key, body, region, io) {
    return sendS3(target, {
        method,
        urlFor: inRegion => objectUrl(target.bucket, endpoint, inRegion, key),
        // The check object is text; a bucket policy that demands SSE-S3 is honoured, as the vendor's own uploads will.
        headers: method === 'PUT' ? { 'content-type': 'text/plain; charset=utf-8', ...sseHeader(target) } : {},
        ...(body === undefined ? {} : { body })
    }, region, io);
}
/** A ListObjectsV2 of at most one key under `prefix` (needs only s3:ListBucket), with the same region handling. */
function listS3(target, endpoint, prefix, region, io) {
    return sendS3(target, { method: 'GET', urlFor: inRegion => listUrl(target.bucket, endpoint, inRegion, prefix) }, region, io);
}
/** The header that asks for SSE-S3, when the target sets 'sse: s3'. */
function sseHeader(target) {
    return target.sse === 's3' ? { 'x-amz-server-side-encryption': 'AES256' } : {};
}
/** Signs and sends `call`, with retries, in `region`, and once more in the region an answer names. */
async function sendS3(target, call, region, io) {
    // Sign the payload's hash rather than UNSIGNED-PAYLOAD: some S3-compatible services require it.
    const payloadHash = call.payloadHash ?? sha256Hex(call.body ?? '');
    const once = async (inRegion) => {
        const url = call.urlFor(inRegion);
        const outcome = await (0,http/* sendWithRetries */.HI)(io.transport, { method: call.method, url, ...(call.body === undefined ? {} : { body: call.body }) }, () => signS3(call.method, url, target, inRegion, { ...call.headers, 'x-amz-content-sha256': payloadHash }, io.clock), io.policy, io.clock, io.log);
        return {
            region: inRegion,
            attempts: outcome.attempts,
            ...(outcome.answer ? { answer: outcome.answer } : { failure: outcome.failure ?? 'no answer' })
        };
    };
    const first = await once(region);
    const answer = first.answer;
    if (answer === undefined || (answer.status >= 200 && answer.status < 300))
        return first;
    const named = (0,storage_error/* parseStorageError */.D)(answer.body, answer.headers).region;
    // parseStorageError gives only a region-shaped name (it goes into the host name).
    if (named !== undefined && named !== region) {
        io.log.info(`The bucket is in region ${named}; signing again for it.`);
        const second = await once(named);
        return { ...second, attempts: first.attempts + second.attempts };
    }
    return first;
}
/**
 * The signing keys of the run, by secret, day, region and service: SigV4 derives one per day and
 * region, and deriving it again for each request (aws4fetch's default, a cache per signer) costs
 * four HMACs a request.
 */
const SIGNING_KEYS = new Map();
/** The SigV4 headers of one S3 request; `headers` must hold x-amz-content-sha256. */
async function signS3(method, url, target, region, headers, clock) {
    const signer = new AwsV4Signer({
        method,
        url,
        headers,
        accessKeyId: target.accessKey,
        secretAccessKey: target.secretKey,
        service: 's3',
        region,
        cache: SIGNING_KEYS,
        datetime: new Date(clock.now()).toISOString().replace(/[:-]|\.\d{3}/g, '')
    });
    const signed = await signer.sign();
    return Object.fromEntries(signed.headers.entries());
}
/** The hex SHA-256 of a body. */
function sha256Hex(body) {
    return (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex');
}


/***/ }),

/***/ 5255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ parseStorageError),
/* harmony export */   J: () => (/* binding */ hintFor)
/* harmony export */ });
/** Reads a storage service's error answer and says what it means and what to check. */
/** The error code and region in an S3 or Azure XML error body, with ten lines instead of an XML library. */
function parseStorageError(body, headers) {
    const tag = (name) => new RegExp(`<${name}>([^<]{1,200})</${name}>`).exec(body)?.[1];
    const header = (name) => {
        const value = headers[name];
        return Array.isArray(value) ? value[0] : value;
    };
    // Only code-shaped values: the text is printed, and a body may quote anything.
    const code = [header('x-ms-error-code'), tag('Code')].find(value => value !== undefined && /^[A-Za-z0-9.]{1,64}$/.test(value));
    const region = [header('x-amz-bucket-region'), tag('Region')].find(value => value !== undefined && /^[a-z0-9-]{1,40}$/.test(value));
    // The service's own words help (MinIO: "A header you provided implies functionality that is not
    // implemented"), but a body may quote anything: one printable line, at most 200 characters.
    const said = tag('Message')?.replace(/&(lt|gt|quot|apos|amp);/g, (_, n) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[n] ?? '');
    const message = said !== undefined && /^[\x20-\x7e]{1,200}$/.test(said) ? said : undefined;
    return {
        ...(code === undefined ? {} : { code }),
        ...(region === undefined ? {} : { region }),
        ...(message === undefined ? {} : { message })
    };
}
const HINTS = {
    InvalidAccessKeyId: "the access key ID does not exist at this service: check 'access-key' (and 'endpoint').",
    SignatureDoesNotMatch: "the secret key does not belong to the access key: check 'secret-key'.",
    NoSuchBucket: "the bucket does not exist: check 'bucket' (and 'endpoint').",
    AccessDenied: "the credentials may not write to this bucket: the bucket or IAM policy must allow s3:PutObject on the bucket's objects (with 'sse: s3', also with x-amz-server-side-encryption: AES256).",
    AllAccessDisabled: "all access to this bucket is disabled: check 'bucket'.",
    InvalidBucketName: "the bucket name is not valid at this service: check 'bucket'.",
    AuthenticationFailed: "the account key was refused: check 'account-key' and 'account-name'.",
    AuthorizationFailure: "the request was not authorized: check 'account-key' and 'account-name'; if they are right, the account's firewall or a disabled 'Allow storage account key access' refuses it.",
    AuthorizationPermissionMismatch: 'the key may not write blobs in this container.',
    ContainerNotFound: "the container does not exist: check 'container'.",
    ResourceNotFound: "the account or container does not exist: check 'account-name', 'container' and 'domain'.",
    AccountIsDisabled: 'the storage account is disabled.',
    InvalidAuthenticationInfo: "the authentication was malformed: check 'account-key'.",
    NotImplemented: 'the service does not implement something the request asked for.'
};
/** Where listing needs another permission than writing, the hint says so. */
const LIST_HINTS = {
    AccessDenied: "the credentials may not list this bucket: the bucket or IAM policy must allow s3:ListBucket on the bucket (the vendor's recommended policy grants it), or give 'verify: false' to audit statuses alone.",
    AuthorizationPermissionMismatch: "the key may not list blobs in this container; the audit signs with 'account-key', the account's access key."
};
/** One line on what a storage error code means and what to check. */
function hintFor(code, status, action) {
    if (code !== undefined && action === 'list' && LIST_HINTS[code] !== undefined)
        return LIST_HINTS[code];
    if (code !== undefined && HINTS[code] !== undefined)
        return HINTS[code];
    if (status === 403)
        return 'the storage service refused the credentials.';
    if (status === 404)
        return 'the bucket or container was not found.';
    return action === 'list' ? 'the storage service refused the list.' : 'the storage service refused the write.';
}


/***/ })

};
;