/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 7890:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _M: () => (/* binding */ repositoryOf),
/* harmony export */   dZ: () => (/* binding */ describeGitHubError),
/* harmony export */   gj: () => (/* binding */ isPermissionError),
/* harmony export */   hV: () => (/* binding */ makeGitHubClient),
/* harmony export */   nu: () => (/* binding */ tokenLogin),
/* harmony export */   xO: () => (/* binding */ writtenBy)
/* harmony export */ });
/* unused harmony export JOB_TOKEN_LOGIN */
/** An Octokit for `token`, against the API the runner names. */
async function makeGitHubClient(token, env) {
    // The package's `lib/utils` entry is what getOctokit() wraps. Importing it, rather than the package
    // index that run-context.ts already loads for `context`, lets the bundler keep Octokit out of start-up.
    const { GitHub, getOctokitOptions } = await Promise.all(/* import() */[__nccwpck_require__.e(7), __nccwpck_require__.e(665)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8665));
    return new GitHub(getOctokitOptions(token, { baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '') }));
}
/** The repository of this run, from GITHUB_REPOSITORY; undefined outside a runner. */
function repositoryOf(env) {
    const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo || rest.length > 0)
        return undefined;
    return { owner, repo };
}
/** Whether an Octokit error says the token lacks a permission (403, or "Resource not accessible by integration"). */
function isPermissionError(error) {
    const status = error.status;
    const message = error instanceof Error ? error.message : '';
    return status === 403 || /Resource not accessible by integration/i.test(message);
}
/** A short description of an Octokit error: its status and first line, never a header or a token. */
function describeGitHubError(error) {
    const status = error.status;
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) ?? '';
    return typeof status === 'number' ? `HTTP ${status}: ${message}` : message;
}
/** The author GitHub gives what the job token writes. */
const JOB_TOKEN_LOGIN = 'github-actions[bot]';
const logins = new WeakMap();
/**
 * Who the token writes as: the user of a personal token, or the bot of a GitHub App's token, as
 * GraphQL's `viewer` names it (it answers for both kinds; REST's GET /user refuses app tokens).
 * Read once per client. When GitHub cannot say, the job token's author is assumed: the default
 * token, and the one identity a comment of this action is never mistaken for.
 */
function tokenLogin(client) {
    let login = logins.get(client);
    if (login === undefined) {
        login = client
            .graphql('query { viewer { login } }')
            .then(data => (typeof data.viewer?.login === 'string' && data.viewer.login !== '' ? data.viewer.login : JOB_TOKEN_LOGIN))
            .catch(() => JOB_TOKEN_LOGIN);
        logins.set(client, login);
    }
    return login;
}
/**
 * Whether `author` is `login`: a comment or issue is this action's only if the token's own
 * identity wrote it, whatever marker it carries. An app's bot may be named with or without its
 * `[bot]` suffix; the suffix is only accepted on an author GitHub marks as a bot.
 */
function writtenBy(author, login) {
    const name = author?.login?.toLowerCase();
    if (name === undefined)
        return false;
    const own = login.toLowerCase();
    return name === own || (author?.type === 'Bot' && !own.endsWith('[bot]') && name === `${own}[bot]`);
}


/***/ }),

/***/ 6803:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   HI: () => (/* binding */ sendWithRetries),
/* harmony export */   J1: () => (/* binding */ noAnswerMessage),
/* harmony export */   gl: () => (/* binding */ describeNetworkError),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   oK: () => (/* binding */ Transport)
/* harmony export */ });
/* unused harmony exports BACKOFF_BASE_MS, BACKOFF_CAP_MS, RETRY_AFTER_CAP_MS, isRetryableStatus, parseRetryAfter, dispatcherFromEnvironment, MAX_ANSWER_BYTES, AnswerTooLarge, AttemptTimeout, ProxyUnreachable, describeWait */
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8903);

/** undici, loaded on first use: a dry run without a storage check never needs it. */
const loadUndici = () => Promise.all(/* import() */[__nccwpck_require__.e(7), __nccwpck_require__.e(107)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6107));
const systemClock = {
    now: () => Date.now(),
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    random: () => Math.random()
};
/** Backoff: full jitter over base × 2^(n−1), capped; Retry-After is honoured up to its own cap. */
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 10_000;
const RETRY_AFTER_CAP_MS = 30_000;
/** Network error codes that mean the request did not get through and may be sent again. */
const TRANSIENT_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    // ENOTFOUND is not here: a name that does not resolve will not resolve a second later.
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT'
]);
/**
 * Whether a status is worth another attempt: timeouts, throttling and server errors, but not 501
 * Not Implemented or 505, which say the request itself will never work there.
 */
function isRetryableStatus(status) {
    return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}
/** The wait a Retry-After header asks for (seconds or an HTTP date), in ms, or undefined. */
function parseRetryAfter(value, nowMs) {
    const text = Array.isArray(value) ? value[0] : value;
    if (text === undefined || text.trim() === '')
        return undefined;
    if (/^\d+$/.test(text.trim()))
        return Number(text.trim()) * 1000;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
/** The wait before attempt `failedAttempt + 1`. */
function backoffDelay(failedAttempt, random, retryAfterMs) {
    if (retryAfterMs !== undefined)
        return Math.min(retryAfterMs, RETRY_AFTER_CAP_MS);
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (failedAttempt - 1));
    return Math.floor(random * ceiling);
}
/**
 * The dispatcher for this environment: undici's EnvHttpProxyAgent (HTTPS_PROXY, HTTP_PROXY,
 * NO_PROXY in either case) when a proxy is set, else a plain Agent; the proxy agent prints an
 * "experimental" warning when made, which runs without a proxy need not show.
 */
async function dispatcherFromEnvironment(env = process.env) {
    const { Agent, EnvHttpProxyAgent } = await loadUndici();
    if (!_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .PROXY_VARIABLES */ .bD.some(name => env[name]))
        return new Agent();
    // Read from `env`, in the same order undici reads process.env, so proxyFor() names the same proxy.
    const httpProxy = env.http_proxy ?? env.HTTP_PROXY;
    const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY;
    const noProxy = env.no_proxy ?? env.NO_PROXY;
    // undici warns on stderr that this agent is experimental; users cannot act on that, so it is not shown.
    const emitWarning = process.emitWarning;
    process.emitWarning = ((warning, ...rest) => {
        const options = rest[0];
        if (options !== null && typeof options === 'object' && options.code === 'UNDICI-EHPA')
            return;
        emitWarning.call(process, warning, ...rest);
    });
    try {
        return new EnvHttpProxyAgent({
            ...(httpProxy ? { httpProxy } : {}),
            ...(httpsProxy ? { httpsProxy } : {}),
            ...(noProxy === undefined ? {} : { noProxy })
        });
    }
    finally {
        process.emitWarning = emitWarning;
    }
}
/**
 * Sends one request to the storage or vendor API, with one undici dispatcher for the whole run.
 * undici is imported on first use: a dry run without a storage check never needs it, and it is
 * the largest part of the bundle.
 */
class Transport {
    makeDispatcher;
    env;
    dispatcher;
    constructor(makeDispatcher, env = process.env) {
        this.makeDispatcher = makeDispatcher;
        this.env = env;
    }
    /** One attempt: the answer, or throws the network error; aborted after `timeoutMs`. */
    async once(method, url, headers, body, timeoutMs) {
        this.dispatcher ??= await (this.makeDispatcher ?? (() => dispatcherFromEnvironment(this.env)))();
        const { request } = await loadUndici();
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(new AttemptTimeout(timeoutMs)), timeoutMs);
        try {
            const response = await request(url, {
                method: method,
                headers,
                ...(body === undefined ? {} : { body }),
                dispatcher: this.dispatcher,
                signal: controller.signal
            });
            const text = await readBounded(response.body, MAX_ANSWER_BYTES);
            return { status: response.statusCode, headers: response.headers, body: text };
        }
        catch (error) {
            if (controller.signal.aborted)
                throw new AttemptTimeout(timeoutMs);
            const proxy = (0,_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .proxyFor */ .iJ)(url, this.env);
            const code = errorCode(error);
            if (proxy !== undefined && code !== undefined && PROXY_CONNECT_CODES.has(code))
                throw new ProxyUnreachable(proxy, code);
            throw error;
        }
        finally {
            clearTimeout(timer);
        }
    }
    /**
     * A GET whose body is read as it arrives, for a download that may take minutes: the answer's
     * headers must come, and then each chunk must follow the one before, within `idleMs`. Nothing is
     * buffered here; the caller reads the body, or cancels it.
     */
    async stream(url, headers, idleMs) {
        this.dispatcher ??= await (this.makeDispatcher ?? (() => dispatcherFromEnvironment(this.env)))();
        const { request } = await loadUndici();
        try {
            const response = await request(url, {
                method: 'GET',
                headers,
                dispatcher: this.dispatcher,
                headersTimeout: idleMs,
                bodyTimeout: idleMs
            });
            const body = response.body;
            return {
                status: response.statusCode,
                headers: response.headers,
                body: body,
                cancel: () => {
                    // Destroying a body not read to its end errors it: nobody waits for that error any more.
                    body.on('error', () => undefined);
                    body.destroy();
                }
            };
        }
        catch (error) {
            const proxy = (0,_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .proxyFor */ .iJ)(url, this.env);
            const code = errorCode(error);
            if (proxy !== undefined && code !== undefined && PROXY_CONNECT_CODES.has(code))
                throw new ProxyUnreachable(proxy, code);
            throw error;
        }
    }
    /** Closes pooled connections so the process can end at once. */
    async close() {
        const dispatcher = this.dispatcher;
        this.dispatcher = undefined;
        await dispatcher?.destroy();
    }
}
/**
 * The most an answer may hold. A page of 1,000 archives is about 0.5 MB and every other answer is
 * smaller; a body past this is not the vendor or the storage answering as documented, and reading
 * it whole would put the runner's memory at the mercy of whoever answers.
 */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
/** Reads `body` as UTF-8 text; past `limit` bytes it stops reading and throws AnswerTooLarge. */
async function readBounded(body, limit) {
    const chunks = [];
    let length = 0;
    for await (const chunk of body) {
        length += chunk.length;
        if (length > limit) {
            body.destroy();
            throw new AnswerTooLarge(limit);
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks, length).toString('utf8');
}
/** An answer whose body was larger than the action reads; it was refused before it was parsed. */
class AnswerTooLarge extends Error {
    constructor(limit) {
        super(`the answer's body was larger than ${limit / (1024 * 1024)} MiB and was refused unread`);
    }
}
/** An attempt that got no full answer within its time. */
class AttemptTimeout extends Error {
    constructor(timeoutMs) {
        super(`no answer within ${timeoutMs / 1000} s`);
    }
}
/** Errors of the connection to the proxy itself: through a proxy, the client connects to nothing else. */
const PROXY_CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
/** The proxy a request goes through could not be reached; names it by host and port only. */
class ProxyUnreachable extends Error {
    proxy;
    code;
    constructor(proxy, code) {
        super(`could not reach the proxy ${proxy} (${code})`);
        this.proxy = proxy;
        this.code = code;
    }
}
/** A short, secret-free description of a network error, and whether it is safe to retry. */
function describeNetworkError(error) {
    if (error instanceof AttemptTimeout)
        return { reason: error.message, retryable: true };
    // The same server would send the same body again.
    if (error instanceof AnswerTooLarge)
        return { reason: error.message, retryable: false };
    if (error instanceof ProxyUnreachable)
        return { reason: error.message, retryable: error.code !== 'ENOTFOUND' };
    const code = errorCode(error);
    const message = error instanceof Error ? error.message : String(error);
    if (code !== undefined && TRANSIENT_CODES.has(code))
        return { reason: `${code}: ${message}`, retryable: true };
    if (code !== undefined && /CERT|SSL|TLS|SELF_SIGNED|VERIFY/.test(code)) {
        return {
            reason: `${code}: ${message} (a TLS certificate was not trusted; behind a proxy that re-signs TLS, point NODE_EXTRA_CA_CERTS at its CA)`,
            retryable: false
        };
    }
    return { reason: code === undefined ? message : `${code}: ${message}`, retryable: false };
}
function errorCode(error) {
    for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
        const code = current.code;
        if (typeof code === 'string')
            return code;
        current = current.cause;
    }
    return undefined;
}
/**
 * Sends `request` up to `policy.maxAttempts` times: network errors, timeouts, 408, 429 and 5xx
 * are retried after a backoff; any other answer is final. `headers` is called for each attempt,
 * so each one carries a fresh token.
 */
async function sendWithRetries(transport, outgoing, headers, policy, clock, log) {
    for (let attempt = 1;; attempt++) {
        const started = clock.now();
        let answer;
        let reason;
        let retryable;
        let proxy;
        let tooLarge = false;
        try {
            answer = await transport.once(outgoing.method, outgoing.url, await headers(), outgoing.body, policy.timeoutMs);
            log.debug(`${outgoing.method} ${outgoing.url} → ${answer.status} in ${clock.now() - started} ms`);
            reason = `HTTP ${answer.status}`;
            retryable = isRetryableStatus(answer.status);
        }
        catch (error) {
            ;
            ({ reason, retryable } = describeNetworkError(error));
            proxy = error instanceof ProxyUnreachable ? error.proxy : undefined;
            tooLarge = error instanceof AnswerTooLarge;
            log.debug(`${outgoing.method} ${outgoing.url} failed after ${clock.now() - started} ms: ${reason}`);
        }
        if (!retryable || attempt >= policy.maxAttempts) {
            if (answer !== undefined)
                return { answer, attempts: attempt };
            return { attempts: attempt, failure: reason, ...(proxy === undefined ? {} : { proxy }), ...(tooLarge ? { tooLarge } : {}) };
        }
        const retryAfter = answer !== undefined && (answer.status === 429 || answer.status === 503)
            ? parseRetryAfter(answer.headers['retry-after'], clock.now())
            : undefined;
        const wait = backoffDelay(attempt, clock.random(), retryAfter);
        log.info(`Attempt ${attempt} of ${policy.maxAttempts} failed (${reason}); ${describeWait(wait, retryAfter)}.`);
        await clock.sleep(wait);
    }
}
/** "retrying in 1.2 s", or what Retry-After asked and what the action waits. */
function describeWait(waitMs, retryAfterMs) {
    const retrying = `retrying in ${(waitMs / 1000).toFixed(1)} s`;
    if (retryAfterMs === undefined)
        return retrying;
    if (retryAfterMs > waitMs) {
        const seconds = (ms) => `${Number.isInteger(ms / 1000) ? ms / 1000 : (ms / 1000).toFixed(1)} s`;
        return `Retry-After asked ${seconds(retryAfterMs)}; waiting the ${seconds(waitMs)} maximum`;
    }
    return `${retrying} as Retry-After asks`;
}
/** The message for a request that got no answer: names the proxy when it was the proxy that failed. */
function noAnswerMessage(outgoing, outcome) {
    const attempts = `${outcome.attempts} attempt(s)`;
    if (outcome.proxy !== undefined && outcome.failure !== undefined) {
        // "Could not reach the proxy 127.0.0.1:9 (ECONNREFUSED) for PUT https://… after 3 attempt(s)"
        const sentence = outcome.failure.charAt(0).toUpperCase() + outcome.failure.slice(1);
        return `${sentence} for ${outgoing.method} ${outgoing.url} after ${attempts}; check HTTPS_PROXY / HTTP_PROXY and NO_PROXY.`;
    }
    if (outcome.tooLarge === true)
        return `${outgoing.method} ${outgoing.url}: ${outcome.failure ?? 'the answer was too large'}.`;
    return `${outgoing.method} ${outgoing.url} got no answer after ${attempts}: ${outcome.failure ?? 'unknown error'}.`;
}


/***/ }),

/***/ 6608:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  k: () => (/* binding */ UUID),
  L: () => (/* binding */ readCredentials)
});

// EXTERNAL MODULE: ./src/pem.ts
var pem = __nccwpck_require__(7165);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/private-key.ts
/** Checks the Vonage application's private key, which signs the RS256 token, and never leaves the runner. */


/**
 * Reads a private key pasted in any accepted PEM form (see pem.ts) and returns it as clean PEM:
 * an unencrypted RSA key in PKCS#8 (`BEGIN PRIVATE KEY`, what the Vonage dashboard downloads)
 * or PKCS#1 (`BEGIN RSA PRIVATE KEY`). Messages name `input` and quote nothing of the value.
 */
function checkPrivateKey(raw, input) {
    const expected = `'${input}' must be the PEM text of the Vonage application's private key (the private.key file the dashboard downloads, -----BEGIN PRIVATE KEY-----)`;
    const reading = (0,pem/* readPem */.J)(raw.trim());
    if (!reading.ok) {
        if (reading.reason === 'folded')
            return { error: `${expected}; its lines were joined with spaces (a YAML folded '>' scalar): use '|'.` };
        return {
            error: reading.reason === 'damaged' ? `'${input}' has a damaged PEM block: its base64 lines could not be read.` : `${expected}.`
        };
    }
    const keys = reading.blocks.filter(block => block.label.endsWith('PRIVATE KEY'));
    const key = keys[0];
    if (key === undefined) {
        const labels = [...new Set(reading.blocks.map(block => block.label))].join(', ');
        return {
            error: `${expected}; it holds ${labels}${labels.includes('PUBLIC KEY') ? ', the public half, which the dashboard keeps' : ''}.`
        };
    }
    if (keys.length > 1)
        return { error: `'${input}' holds ${keys.length} private keys; give the application's one key.` };
    if (key.label === 'ENCRYPTED PRIVATE KEY' || key.hasHeaders) {
        return { error: `'${input}' is encrypted with a passphrase; give the key as the dashboard downloads it, unencrypted, from a secret.` };
    }
    if (key.label === 'OPENSSH PRIVATE KEY') {
        return { error: `'${input}' is an OpenSSH key; a Vonage application's key is PEM (-----BEGIN PRIVATE KEY-----).` };
    }
    let type;
    try {
        type = (0,external_node_crypto_.createPrivateKey)({ key: key.pem, format: 'pem' }).asymmetricKeyType;
    }
    catch {
        return { error: `'${input}' could not be read as a private key: its PEM block is damaged.` };
    }
    if (type !== 'rsa')
        return { error: `'${input}' must be an RSA key, which RS256 signs with; this one is ${type ?? 'of an unknown type'}.` };
    return { pem: key.pem };
}

// EXTERNAL MODULE: ./src/inputs/findings.ts
var findings = __nccwpck_require__(2163);
;// CONCATENATED MODULE: ./src/inputs/credentials.ts
/**
 * Which platform signs the request, from exactly one pair of credential inputs:
 * `api-key` + `api-secret` (a legacy OpenTok project) or `application-id` + `private-key` (a Vonage
 * Video application). Users moving from the OpenTok server SDKs keep the application's ID in
 * `api-key` and its private key in `api-secret`; that pair is recognised as an application.
 */



/** A Vonage application ID. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const API_KEY = /^[A-Za-z0-9-]{1,64}$/;
const PAIRS = "one pair: 'api-key' + 'api-secret' for an OpenTok project, or 'application-id' + 'private-key' for a Vonage Video application";
/** Reads the credentials; a missing secret is allowed only when `dryRun`, and then listed as withheld. */
function readCredentials(f, dryRun) {
    const given = (name) => f.text(name) !== '';
    const openTok = ['api-key', 'api-secret'].filter(given);
    const vonage = ['application-id', 'private-key'].filter(given);
    if (openTok.length > 0 && vonage.length > 0) {
        f.fail(openTok[0] ?? 'api-key', `Credentials of both platforms were given (${[...openTok, ...vonage].map(n => `'${n}'`).join(', ')}); give ${PAIRS}.`);
        return { withheld: [] };
    }
    if (openTok.length === 0 && vonage.length === 0) {
        f.fail('api-key', `Credentials are required: ${PAIRS}.`);
        return { withheld: [] };
    }
    if (vonage.length > 0)
        return readApplication(f, 'application-id', 'private-key', dryRun);
    const apiKey = f.text('api-key');
    const apiSecret = f.raw('api-secret');
    if (UUID.test(apiKey) && (apiSecret.trim() === '' || (0,pem/* holdsPrivateKey */.j)(apiSecret))) {
        // The OpenTok SDKs' convention for a Vonage application (or its ID alone in a dry run).
        const reading = readApplication(f, 'api-key', 'api-secret', dryRun);
        if (reading.credentials !== undefined) {
            f.notices.push("'api-key' holds a Vonage application ID and 'api-secret' its private key, as the OpenTok server SDKs take them: signing as that Vonage application. The inputs 'application-id' and 'private-key' say the same more plainly.");
        }
        return reading;
    }
    if (UUID.test(apiKey)) {
        f.fail('api-secret', "'api-key' is a UUID, which is a Vonage application ID, but 'api-secret' is not a private key. A Vonage application signs with its private key: give 'application-id' + 'private-key' (or, as the OpenTok SDKs take them, the PEM private key in 'api-secret').");
        return { withheld: [] };
    }
    if ((0,pem/* holdsPrivateKey */.j)(apiSecret)) {
        f.fail('api-key', "'api-secret' holds a private key, but 'api-key' is not a Vonage application ID (a UUID). An OpenTok project signs with its API secret; a Vonage application with its application ID and private key ('application-id' + 'private-key').");
        return { withheld: [] };
    }
    return readProject(f, dryRun);
}
function readProject(f, dryRun) {
    const before = f.problems.length;
    const apiKey = f.required('api-key', " with 'api-secret'");
    if (apiKey !== undefined && !API_KEY.test(apiKey)) {
        f.fail('api-key', "'api-key' must be the OpenTok project's API key: letters, digits and '-' only, at most 64.");
    }
    const secret = f.text('api-secret');
    const withheld = secret === '' && dryRun ? ['api-secret'] : [];
    if (secret === '' && !dryRun)
        f.fail('api-secret', "'api-secret' is required with 'api-key': the OpenTok project's API secret.");
    else if (/[\r\n]/.test(secret))
        f.fail('api-secret', "'api-secret' must be a single line.");
    else if (secret.length > findings/* MAX_LENGTH */.E2)
        f.fail('api-secret', `'api-secret' is longer than ${findings/* MAX_LENGTH */.E2} characters.`);
    if (apiKey === undefined || f.problems.length > before)
        return { withheld };
    return { credentials: { platform: 'opentok', apiKey, apiSecret: secret }, withheld };
}
function readApplication(f, idInput, keyInput, dryRun) {
    const before = f.problems.length;
    const id = f.text(idInput);
    if (id === '')
        f.fail(idInput, `'${idInput}' is required with '${keyInput}': the Vonage application's ID, a UUID.`);
    else if (!UUID.test(id)) {
        f.fail(idInput, `'${idInput}' must be the Vonage application's ID, a UUID such as c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b.`);
    }
    const raw = f.raw(keyInput);
    const withheld = raw.trim() === '' && dryRun ? [keyInput] : [];
    let privateKey = '';
    if (raw.trim() === '' && !dryRun) {
        f.fail(keyInput, `'${keyInput}' is required with '${idInput}': the PEM text of the Vonage application's private key.`);
    }
    else if (raw.trim() !== '') {
        const check = checkPrivateKey(raw, keyInput);
        if (check.error !== undefined)
            f.fail(keyInput, check.error);
        else
            privateKey = check.pem;
    }
    if (f.problems.length > before)
        return { withheld };
    const givenAs = idInput === 'application-id' ? {} : { givenAs: [idInput, keyInput] };
    return { credentials: { platform: 'vonage', applicationId: id.toLowerCase(), privateKey, ...givenAs }, withheld };
}


/***/ }),

/***/ 2163:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ MAX_LENGTH),
/* harmony export */   Fv: () => (/* binding */ Findings),
/* harmony export */   SP: () => (/* binding */ shown)
/* harmony export */ });
/** What validation found, collected in one place, and the readers of plain values shared by every rule. */
/** The longest value any input takes (a PEM is the exception, checked on its own). */
const MAX_LENGTH = 1024;
/** Problems, warnings and notices of one validation, in the order they were found. */
class Findings {
    read;
    problems = [];
    warnings = [];
    notices = [];
    constructor(read) {
        this.read = read;
    }
    /** Records a problem; returns undefined so a reader can `return f.fail(…)`. */
    fail(input, message) {
        this.problems.push({ input, message });
        return undefined;
    }
    /** The value of `name`, trimmed; '' when not given. */
    text(name) {
        return this.read(name).trim();
    }
    /** The value of `name` as given, untrimmed (PEM text keeps its lines). */
    raw(name) {
        return this.read(name);
    }
    /** A required value no longer than MAX_LENGTH, or undefined (reported). */
    required(name, when) {
        const value = this.text(name);
        if (value === '')
            return this.fail(name, `'${name}' is required${when}.`);
        return this.bounded(name, value);
    }
    /** An optional value no longer than MAX_LENGTH: '' when not given, undefined when too long (reported). */
    optional(name) {
        return this.bounded(name, this.text(name));
    }
    bounded(name, value) {
        if (value.length > MAX_LENGTH)
            return this.fail(name, `'${name}' is longer than ${MAX_LENGTH} characters.`);
        return value;
    }
    /** One of `allowed`, matched without regard to case and returned as the vendor spells it. */
    choice(name, allowed, fallbackValue) {
        const value = this.text(name);
        if (value === '')
            return fallbackValue;
        const match = allowed.find(option => option === value.toLowerCase());
        if (match !== undefined)
            return match;
        return this.fail(name, `'${name}' must be one of ${allowed.map(a => `'${a}'`).join(', ')}; got '${shown(value)}'.`);
    }
    /** 'true' or 'false' in any case (YAML's spellings `True`, `FALSE` among them). */
    flag(name, fallbackValue) {
        const value = this.text(name).toLowerCase();
        if (value === '')
            return fallbackValue;
        if (value === 'true')
            return true;
        if (value === 'false')
            return false;
        return this.fail(name, `'${name}' must be 'true' or 'false'; got '${shown(this.text(name))}'.`);
    }
    /** A whole number from `min` to `max`. */
    integer(name, fallbackValue, min, max) {
        const value = this.text(name);
        if (value === '')
            return fallbackValue;
        if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) {
            return this.fail(name, `'${name}' must be a whole number from ${min} to ${max}; got '${shown(value)}'.`);
        }
        return Number(value);
    }
}
/** An input value as it can be quoted in a message: one line, not too long. Never used for secrets. */
function shown(value) {
    const oneLine = value.replace(/[\r\n\t]/g, ' ');
    return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}


/***/ }),

/***/ 7778:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  q: () => (/* reexport */ secrets/* maskSecretInputs */.q),
  sg: () => (/* reexport */ secrets/* maskValuesOf */.sg),
  m3: () => (/* binding */ readPlan)
});

// UNUSED EXPORTS: SECRET_INPUTS

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./src/pem.ts
var pem = __nccwpck_require__(7165);
;// CONCATENATED MODULE: ./src/certificate.ts
/** Checks the encrypted-archiving certificate before it is sent to the vendor. */


const MAX_RSA_BITS = 2048;
const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;
const FORMS = "'certificate' must be the PEM text of an X.509 certificate (-----BEGIN CERTIFICATE-----, as it is, indented, with CRLF, on one line with literal \\n, or base64-encoded), 'none' to turn encryption off, or empty to leave it unchanged";
/** The message for a private key found in `certificate`; it quotes nothing of the value. */
const PRIVATE_KEY_IN_CERTIFICATE = "'certificate' holds a private key (a PRIVATE KEY block). Only the certificate may go to the vendor: the private key is what decrypts your archives, so it must stay out of CI and off the runner. Give the certificate alone (the -----BEGIN CERTIFICATE----- block); nothing was sent.";
/**
 * Reads the `certificate` value: empty leaves encryption unchanged, `none` (any case) turns it
 * off; anything else must hold a PEM X.509 certificate with an RSA key of at most 2048 bits that
 * is valid now. A private key anywhere in the value is refused. Of a chain, only the first
 * certificate (the leaf) is checked and sent, with a warning.
 */
function checkCertificate(raw, now) {
    const text = raw.trim();
    if (text === '')
        return { setting: { kind: 'unchanged' }, warnings: [] };
    if (text.toLowerCase() === 'none')
        return { setting: { kind: 'off' }, warnings: [] };
    if ((0,pem/* holdsPrivateKey */.j)(text))
        return { error: PRIVATE_KEY_IN_CERTIFICATE, warnings: [] };
    const reading = (0,pem/* readPem */.J)(text);
    if (!reading.ok) {
        if (reading.reason === 'folded') {
            return { error: `${FORMS}. Its lines were joined with spaces (a YAML folded '>' scalar): write it with '|' instead.`, warnings: [] };
        }
        return {
            error: reading.reason === 'damaged' ? "'certificate' has a damaged PEM block: its base64 lines could not be read." : `${FORMS}.`,
            warnings: []
        };
    }
    const certificates = reading.blocks.filter(block => block.label === 'CERTIFICATE');
    const leaf = certificates[0];
    if (leaf === undefined) {
        const labels = [...new Set(reading.blocks.map(block => block.label))].join(', ');
        return { error: `${FORMS}; it holds ${labels} instead.`, warnings: [] };
    }
    let cert;
    try {
        cert = new external_node_crypto_.X509Certificate(leaf.der);
    }
    catch {
        return { error: "'certificate' could not be parsed as an X.509 certificate in PEM.", warnings: [] };
    }
    const warnings = [];
    const subject = readableName(cert.subject);
    if (certificates.length > 1) {
        warnings.push(`'certificate' holds ${certificates.length} certificates (a chain); only the first, ${subject}, is checked and sent. Give that one alone to silence this warning.`);
    }
    const key = cert.publicKey;
    if (key.asymmetricKeyType !== 'rsa') {
        return { error: `'certificate' must hold an RSA public key; this one is ${key.asymmetricKeyType ?? 'of an unknown type'}.`, warnings };
    }
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits > MAX_RSA_BITS) {
        return { error: `'certificate' must hold an RSA key of at most ${MAX_RSA_BITS} bits; this one has ${bits}.`, warnings };
    }
    const validTo = new Date(cert.validTo);
    if (validTo.getTime() <= now.getTime())
        return { error: `'certificate' expired on ${validTo.toISOString()}.`, warnings };
    const validFrom = new Date(cert.validFrom);
    if (validFrom.getTime() > now.getTime())
        return { error: `'certificate' is not valid before ${validFrom.toISOString()}.`, warnings };
    const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / DAY_MS);
    if (daysLeft < EXPIRY_WARNING_DAYS) {
        warnings.push(`'certificate' expires in ${daysLeft} day(s), on ${validTo.toISOString()}: renew it, or archives made after that date cannot be encrypted with it.`);
    }
    return { setting: { kind: 'set', pem: leaf.pem, subject, fingerprint256: cert.fingerprint256, validTo }, warnings };
}
/**
 * A distinguished name as people read it: one line, without the RFC 2253 escapes that Node's
 * `subject` carries (`\,` and `\C3\A9`-style byte escapes).
 */
function readableName(name) {
    return name
        .split('\n')
        .map(part => unescapeRfc2253(part))
        .join(', ');
}
function unescapeRfc2253(text) {
    return text.replace(/(?:\\[0-9A-Fa-f]{2})+/g, run => Buffer.from(run.replace(/\\/g, ''), 'hex').toString('utf8')).replace(/\\(.)/gu, '$1');
}

// EXTERNAL MODULE: ./src/platform.ts + 1 modules
var platform = __nccwpck_require__(6822);
// EXTERNAL MODULE: ./src/inputs/findings.ts
var findings = __nccwpck_require__(2163);
;// CONCATENATED MODULE: ./src/inputs/audit.ts

const audit_DAY_MS = 86_400_000;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: audit_DAY_MS };
const DURATION = /^(\d{1,6})\s*([mhd])$/i;
/** An ISO-8601 date, or date and time with an optional zone, as `Date.parse` reads them. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
/** The default window: the last day, which a nightly audit covers with no gap. */
const DEFAULT_SINCE = '24h';
const DEFAULT_UPLOAD_GRACE = '2h';
/** The most a rescue copies in one run unless told otherwise: 50 GiB. */
const DEFAULT_RESCUE_MAX_BYTES = 50 * 1024 ** 3;
const SIZE_UNITS = {
    b: 1,
    kb: 1000,
    mb: 1000 ** 2,
    gb: 1000 ** 3,
    tb: 1000 ** 4,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
    tib: 1024 ** 4
};
const SIZE = /^(\d{1,15}(?:\.\d{1,3})?)\s*([kmgt]i?b|b)?$/i;
/** A rescue may copy at most this much in one run, whatever it is told: 10 TiB. */
const MAX_RESCUE_BYTES = 10 * 1024 ** 4;
/** The oldest window an audit looks at, so that a typo cannot walk years of history. */
const MAX_SINCE_MS = 400 * audit_DAY_MS;
const MAX_GRACE_MS = 7 * audit_DAY_MS;
/** A duration such as `90m`, `24h` or `7d`, in ms; undefined when the text is not one. */
function parseDuration(text) {
    const match = DURATION.exec(text.trim());
    if (match === null)
        return undefined;
    return Number(match[1]) * (UNIT_MS[(match[2] ?? '').toLowerCase()] ?? Number.NaN);
}
/** Reads the audit's settings; `checkObjects` and its reason come from the target, decided by the caller. */
function readAuditSettings(f, now, objects) {
    const before = f.problems.length;
    const since = readSince(f, now);
    const grace = readGrace(f);
    const trackingIssue = f.flag('tracking-issue', false);
    const rescue = f.flag('rescue', false);
    const rescueMaxBytes = readRescueMaxBytes(f);
    const githubToken = f.text('github-token');
    if (trackingIssue === true && githubToken === '') {
        f.fail('github-token', "'github-token' is required with 'tracking-issue: true'; its default is ${{ github.token }}, with 'permissions: issues: write'.");
    }
    else if (/\s/.test(githubToken)) {
        f.fail('github-token', "'github-token' must be a single token without spaces or line breaks.");
    }
    if (f.problems.length > before ||
        since === undefined ||
        grace === undefined ||
        trackingIssue === undefined ||
        rescue === undefined ||
        rescueMaxBytes === undefined)
        return undefined;
    return {
        since,
        uploadGraceMs: grace,
        rescue,
        rescueMaxBytes,
        checkObjects: objects.check,
        ...(objects.because === undefined ? {} : { statusesOnlyBecause: objects.because }),
        trackingIssue,
        githubToken: trackingIssue ? githubToken : ''
    };
}
function readSince(f, now) {
    const value = f.text('since') || DEFAULT_SINCE;
    const allowed = "'since' must be a duration back from now, such as '90m', '24h' or '7d' (at most 400d), or an ISO-8601 time in the past, such as '2026-11-01T00:00:00Z'";
    const duration = parseDuration(value);
    if (duration !== undefined) {
        if (duration <= 0 || duration > MAX_SINCE_MS)
            return f.fail('since', `${allowed}; got '${(0,findings/* shown */.SP)(value)}'.`);
        return new Date(now.getTime() - duration);
    }
    if (!ISO_TIME.test(value))
        return f.fail('since', `${allowed}; got '${(0,findings/* shown */.SP)(value)}'.`);
    // A date or time without a zone is read as UTC, as the summary shows times.
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) || !/[T ]/i.test(value) ? value : `${value}Z`;
    const time = Date.parse(zoned.replace(' ', 'T'));
    if (Number.isNaN(time))
        return f.fail('since', `${allowed}; got '${(0,findings/* shown */.SP)(value)}', which is not a date.`);
    if (time > now.getTime())
        return f.fail('since', `${allowed}; got '${(0,findings/* shown */.SP)(value)}', which is in the future.`);
    if (now.getTime() - time > MAX_SINCE_MS)
        return f.fail('since', `${allowed}; got '${(0,findings/* shown */.SP)(value)}', more than 400 days ago.`);
    return new Date(time);
}
function readGrace(f) {
    const value = f.text('upload-grace') || DEFAULT_UPLOAD_GRACE;
    const duration = parseDuration(value);
    if (duration === undefined || duration <= 0 || duration > MAX_GRACE_MS) {
        return f.fail('upload-grace', `'upload-grace' must be how long a stopped archive may take to upload before it counts as stuck: a duration such as '30m', '2h' or '1d' (at most 7d); got '${(0,findings/* shown */.SP)(value)}'.`);
    }
    return duration;
}
/** A size: bytes, or a number with a unit ('500MB', '50GiB'; 1 kB = 1000 bytes, 1 KiB = 1024). */
function parseSize(text) {
    const match = SIZE.exec(text.trim());
    if (match === null)
        return undefined;
    return Math.floor(Number(match[1]) * (SIZE_UNITS[(match[2] ?? 'b').toLowerCase()] ?? Number.NaN));
}
function readRescueMaxBytes(f) {
    const given = f.text('rescue-max-bytes');
    if (given === '')
        return DEFAULT_RESCUE_MAX_BYTES;
    const bytes = parseSize(given);
    if (bytes === undefined || bytes <= 0 || bytes > MAX_RESCUE_BYTES) {
        return f.fail('rescue-max-bytes', `'rescue-max-bytes' must be how much one rescue may copy in all: a number of bytes, or a size such as '500MB' or '50GiB' (at most 10TiB); got '${(0,findings/* shown */.SP)(given)}'.`);
    }
    return bytes;
}

// EXTERNAL MODULE: ./src/inputs/credentials.ts + 1 modules
var inputs_credentials = __nccwpck_require__(6608);
;// CONCATENATED MODULE: ./src/inputs/storage-names.ts
/**
 * Names judged as the storage services judge them, before any request, so a name the service
 * would refuse is reported against its input instead of surfacing as a DNS or HTTP error.
 */

/**
 * Amazon S3's bucket naming rules (general purpose buckets):
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
function amazonBucketProblem(name) {
    const rules = "Amazon S3 bucket names are 3 to 63 lower-case letters, digits, '.' and '-', start and end with a letter or digit";
    const withEndpoint = " (for an S3-compatible service with other rules, also give 'endpoint')";
    if (name.length < 3 || name.length > 63)
        return `'bucket' has ${name.length} character${name.length === 1 ? '' : 's'}; ${rules}.`;
    if (/^[A-Za-z0-9.-]+$/.test(name) && /[A-Z]/.test(name)) {
        return `'bucket' has upper-case letters, which Amazon S3 bucket names never have; did you mean '${name.toLowerCase()}'?${withEndpoint}`;
    }
    const stray = [...new Set(name.match(/[^a-z0-9.-]/g) ?? [])];
    if (stray.length > 0) {
        const listed = stray.slice(0, 5).map(visible);
        // Suggest only what lower-casing and a separator fix give; a name with other letters (é, ü) has no safe guess.
        const suggestion = name
            .toLowerCase()
            .replace(/[\s_]+/g, '-')
            .replace(/^[.-]+|[.-]+$/g, '');
        const hint = /^[a-z0-9.-]{3,63}$/.test(suggestion) ? ` Did you mean '${suggestion}'?` : '';
        return `'bucket' holds ${listed.join(', ')}; ${rules}${withEndpoint}.${hint}`;
    }
    if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name))
        return `'bucket' must start and end with a letter or digit; ${rules}.`;
    if (name.includes('..'))
        return "'bucket' has two adjacent periods ('..'), which Amazon S3 does not allow.";
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name))
        return "'bucket' looks like an IP address, which Amazon S3 does not allow as a bucket name.";
    const prefix = ['xn--', 'sthree-', 'amzn-s3-demo-'].find(p => name.startsWith(p));
    if (prefix)
        return `'bucket' starts with '${prefix}', which Amazon S3 reserves.`;
    const suffix = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'].find(s => name.endsWith(s));
    if (suffix)
        return `'bucket' ends with '${suffix}', which Amazon S3 reserves for access points and other resources.`;
    return undefined;
}
/** A character as a message shows it: a space named, an invisible or non-ASCII one as its \\u code. */
function visible(c) {
    if (c === ' ')
        return "'a space'";
    if (/[\x21-\x7e]/.test(c))
        return `'${c}'`;
    const code = c.codePointAt(0) ?? 0;
    const escaped = `\\u${code.toString(16).padStart(4, '0')}`;
    return /\p{L}|\p{N}/u.test(c) ? `'${c}' (${escaped})` : `'${escaped}'`;
}
/** With a custom endpoint, only what no S3 service accepts is refused (so `LegacyBucket` on MinIO passes). */
function compatibleBucketProblem(name) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/.test(name)) {
        return `'bucket' must be a bucket name: 3 to 255 letters, digits, '.', '_' or '-', starting and ending with a letter or digit; got '${(0,findings/* shown */.SP)(name)}'.`;
    }
    return undefined;
}
/** Azure storage account names: 3 to 24 lower-case letters and digits. */
function accountNameProblem(name) {
    if (/^[a-z0-9]{3,24}$/.test(name))
        return undefined;
    const hint = /^[A-Za-z0-9]{3,24}$/.test(name) ? ` Did you mean '${name.toLowerCase()}'?` : '';
    return `'account-name' must be a storage account name: 3 to 24 lower-case letters and digits; got '${(0,findings/* shown */.SP)(name)}'.${hint}`;
}
/**
 * Azure container names: 3 to 63 lower-case letters, digits and '-', starting with a letter or
 * digit, every '-' between letters or digits; `$root` and `$web` are the special containers.
 * https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata
 */
function containerProblem(name) {
    if (name === '$root' || name === '$web')
        return undefined;
    if (/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/.test(name))
        return undefined;
    const hint = /^[A-Za-z0-9-]{3,63}$/.test(name) && /[A-Z]/.test(name) ? ` Did you mean '${name.toLowerCase()}'?` : '';
    return `'container' must be a container name: 3 to 63 lower-case letters, digits and single '-', starting and ending with a letter or digit; got '${(0,findings/* shown */.SP)(name)}'.${hint}`;
}
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/**
 * The Azure domain the action puts after `{account}.blob.`: given as `core.windows.net`, as
 * `blob.core.windows.net`, as the account's blob host or as a URL, it is read as `core.windows.net`.
 */
function readAzureDomain(value, accountName) {
    let domain = value
        .toLowerCase()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
        .replace(/\/+$/, '');
    if (accountName !== undefined && domain.startsWith(`${accountName}.blob.`))
        domain = domain.slice(accountName.length + 1);
    // Whatever stands before a '.blob.' label is some account's blob host, even a name no account can have.
    const otherAccount = accountName === undefined ? undefined : /^(.+?)\.blob\./.exec(domain)?.[1];
    if (otherAccount !== undefined) {
        // Another account's blob host: read as a domain, it would send archives to {account}.blob.{that host}.
        return {
            problem: `'domain' '${(0,findings/* shown */.SP)(value)}' is the blob host of the storage account '${otherAccount}', not of 'account-name' '${accountName}'. Give the domain alone, such as 'core.windows.net', or fix 'account-name'.`
        };
    }
    if (domain.startsWith('blob.'))
        domain = domain.slice('blob.'.length);
    if (!DOMAIN.test(domain)) {
        return {
            problem: "'domain' must be the Azure domain of the storage account, such as 'core.windows.net' or 'core.usgovcloudapi.net' (the action adds '{account-name}.blob.'), or empty for the public Azure cloud."
        };
    }
    const notice = domain === value
        ? undefined
        : `'domain' '${(0,findings/* shown */.SP)(value)}' is read as '${domain}': archives go to https://{account-name}.blob.${domain}.`;
    return { domain, ...(notice === undefined ? {} : { notice }) };
}

;// CONCATENATED MODULE: ./src/inputs/urls.ts
/** The two URL inputs: the S3-compatible `endpoint` and the vendor's `api-url`. */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
/**
 * The endpoint as the vendor needs it: scheme and host, lower-cased, with no path. `undefined`:
 * not given; `null`: given and wrong (reported).
 */
function readEndpoint(f) {
    const value = f.text('endpoint');
    if (value === '')
        return undefined;
    const allowed = "'endpoint' must be the base URL of an S3-compatible service, with http:// or https:// (e.g. https://storage.googleapis.com), without credentials, path, query or fragment";
    if (value.length > findings/* MAX_LENGTH */.E2)
        return refused(f, 'endpoint', `'endpoint' is longer than ${findings/* MAX_LENGTH */.E2} characters.`);
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        return refused(f, 'endpoint', `${allowed}; got '${(0,findings/* shown */.SP)(value)}'. Did you mean 'https://${(0,findings/* shown */.SP)(value)}'?`);
    }
    const url = parseUrl(value);
    if (url === undefined ||
        (url.protocol !== 'http:' && url.protocol !== 'https:') ||
        url.username ||
        url.password ||
        url.search ||
        url.hash) {
        return refused(f, 'endpoint', `${allowed}.`);
    }
    if (url.pathname.replace(/\/+$/, '') !== '') {
        return refused(f, 'endpoint', `${allowed}; got the path '${(0,findings/* shown */.SP)(url.pathname)}'. The bucket goes in 'bucket', and the service's address alone in 'endpoint' (${url.origin}).`);
    }
    if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
        f.warnings.push(`'endpoint' is plain http:// to '${url.hostname}': the vendor uploads archives to it unencrypted, and the storage requests can be read on the way. Use https:// unless the service is reachable only over a network you trust.`);
    }
    return url.origin;
}
/**
 * The vendor's base URL: `undefined` when not given (the platform's default is used), `null`
 * when wrong (reported). A trailing '/' or a trailing '/v2' is dropped, since the action adds
 * '/v2/project/…' itself; any other path is refused.
 */
function readApiUrl(f) {
    const value = f.text('api-url');
    if (value === '')
        return undefined;
    const allowed = "'api-url' must be the base URL of the vendor's REST API, such as https://api.opentok.com or https://video.api.vonage.com (http:// only for 127.0.0.1, ::1 or localhost), without credentials, path, query or fragment";
    if (value.length > findings/* MAX_LENGTH */.E2)
        return refused(f, 'api-url', `'api-url' is longer than ${findings/* MAX_LENGTH */.E2} characters.`);
    const url = parseUrl(value);
    if (url === undefined ||
        url.username ||
        url.password ||
        url.search ||
        url.hash ||
        (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        return refused(f, 'api-url', `${allowed}.`);
    }
    if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
        return refused(f, 'api-url', `${allowed}; plain http:// to '${url.hostname}' would send the signed token unencrypted.`);
    }
    const path = url.pathname.replace(/\/+$/, '');
    if (path !== '' && path.toLowerCase() !== '/v2') {
        return refused(f, 'api-url', `${allowed}; got the path '${(0,findings/* shown */.SP)(url.pathname)}'. The action adds /v2/project/{id}/archive/storage itself.`);
    }
    return url.origin;
}
/** Reports the problem and returns the readers' `null`: given, and wrong. */
function refused(f, input, message) {
    f.fail(input, message);
    return null;
}
function parseUrl(value) {
    try {
        return new URL(value);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/inputs/target.ts



const S3_INPUTS = ['bucket', 'access-key', 'secret-key', 'endpoint', 'sse'];
const AZURE_INPUTS = ['account-name', 'account-key', 'container', 'domain'];
/** Reads the target for `type` (undefined when 'type' itself was wrong). */
function readTarget(f, type, dryRun) {
    const before = f.problems.length;
    const withheld = [];
    const secret = (name, when) => {
        const value = f.text(name);
        if (value === '' && dryRun && type !== undefined)
            withheld.push(name);
        else if (value === '' && type !== undefined)
            f.fail(name, `'${name}' is required${when}.`);
        return value;
    };
    const get = (name, when) => (type === undefined ? f.optional(name) : f.required(name, when));
    if (type === 's3')
        rejectOtherType(f, AZURE_INPUTS, 'azure');
    if (type === 'azure')
        rejectOtherType(f, S3_INPUTS, 's3');
    if (type === undefined) {
        // The type is unknown: judge whatever storage inputs were given, of either type.
        if (S3_INPUTS.some(name => f.text(name) !== ''))
            readS3(f, undefined, secret, get);
        if (AZURE_INPUTS.some(name => f.text(name) !== ''))
            readAzure(f, undefined, secret, get);
        return { withheld };
    }
    const target = type === 's3' ? readS3(f, " when 'type' is 's3'", secret, get) : readAzure(f, " when 'type' is 'azure'", secret, get);
    return f.problems.length > before || target === undefined ? { withheld } : { target, withheld };
}
function rejectOtherType(f, names, owner) {
    for (const name of names) {
        if (f.text(name) !== '')
            f.fail(name, `'${name}' belongs to type '${owner}'; remove it, or set 'type: ${owner}'.`);
    }
}
function readS3(f, when, secret, get) {
    const endpoint = readEndpoint(f);
    const bucket = get('bucket', when ?? '');
    if (bucket) {
        // An invalid endpoint leaves the service unknown: judge the name by the lenient rules.
        const problem = endpoint === undefined ? amazonBucketProblem(bucket) : compatibleBucketProblem(bucket);
        if (problem !== undefined)
            f.fail('bucket', problem);
    }
    const accessKey = get('access-key', when ?? '');
    if (accessKey && !/^[\x21-\x7e]+$/.test(accessKey))
        f.fail('access-key', "'access-key' must be printable ASCII without spaces.");
    const secretKey = secret('secret-key', when ?? '');
    if (secretKey !== '' && !/^[\x20-\x7e]+$/.test(secretKey))
        f.fail('secret-key', "'secret-key' must be printable ASCII on a single line.");
    else if (secretKey.length > findings/* MAX_LENGTH */.E2)
        f.fail('secret-key', `'secret-key' is longer than ${findings/* MAX_LENGTH */.E2} characters.`);
    const sse = f.choice('sse', ['s3', 'none'], 's3');
    if (!bucket || !accessKey || sse === undefined || endpoint === null)
        return undefined;
    return { type: 's3', bucket, accessKey, secretKey, ...(endpoint === undefined ? {} : { endpoint }), sse };
}
function readAzure(f, when, secret, get) {
    const accountName = get('account-name', when ?? '');
    const nameProblem = accountName ? accountNameProblem(accountName) : undefined;
    if (nameProblem !== undefined)
        f.fail('account-name', nameProblem);
    const accountKey = secret('account-key', when ?? '');
    if (accountKey !== '' && !/^[A-Za-z0-9+/]+={0,2}$/.test(accountKey)) {
        f.fail('account-key', "'account-key' must be the storage account's access key, in base64.");
    }
    const container = get('container', when ?? '');
    const containerIssue = container ? containerProblem(container) : undefined;
    if (containerIssue !== undefined)
        f.fail('container', containerIssue);
    const domainValue = f.optional('domain');
    let domain;
    if (domainValue) {
        const reading = readAzureDomain(domainValue, nameProblem === undefined ? accountName : undefined);
        if (reading.problem !== undefined)
            f.fail('domain', reading.problem);
        if (reading.notice !== undefined)
            f.notices.push(reading.notice);
        domain = reading.domain;
    }
    if (!accountName || !container)
        return undefined;
    return { type: 'azure', accountName, accountKey, container, ...(domain === undefined ? {} : { domain }) };
}

// EXTERNAL MODULE: ./src/inputs/secrets.ts
var secrets = __nccwpck_require__(3332);
;// CONCATENATED MODULE: ./src/inputs/index.ts
/**
 * Reads the settings into one validated Plan; every input error is found here, before any
 * request, all at once. The reader it is given may be the action's inputs or a configuration
 * file entry merged with them (sources/): the rules below do not know which.
 */








/**
 * Validates every setting and returns the plan, or every problem found at once. `now` is used
 * for the certificate's validity.
 */
function readPlan(read, now) {
    const f = new findings/* Findings */.Fv(read);
    // 'plan' never reaches here (main.ts hands it to its own reader); it is listed so a typo's message names it.
    const chosen = f.choice('operation', ['set', 'delete', 'audit', 'plan'], 'set');
    const operation = chosen === 'plan' ? f.fail('operation', "operation 'plan' reads the configuration file on its own.") : chosen;
    const dryRun = f.flag('dry-run', false);
    const failOnError = f.flag('fail-on-error', true);
    const verify = f.flag('verify', true);
    const maxAttempts = f.integer('max-attempts', 3, 1, 10);
    const timeoutSeconds = f.integer('timeout-seconds', 30, 1, 600);
    const credentials = (0,inputs_credentials/* readCredentials */.L)(f, dryRun === true);
    const apiUrl = readApiUrl(f);
    let fallback = 'none';
    let target = { withheld: [] };
    let certificate = { setting: { kind: 'unchanged' }, warnings: [] };
    let ignored = [];
    let audit;
    if (operation === 'delete') {
        ignored = ['type', ...S3_INPUTS, ...AZURE_INPUTS, 'fallback', 'certificate'].filter(name => f.text(name) !== '');
    }
    else if (operation === 'audit') {
        // The audit reads the declared target to look for each archive in it. Without the storage
        // secret, or with 'verify: false', it judges the archives by their status alone.
        const storageGiven = ['type', ...S3_INPUTS, ...AZURE_INPUTS].some(name => f.text(name) !== '');
        if (storageGiven)
            target = readTarget(f, f.choice('type', ['s3', 'azure'], 's3'), true);
        ignored = ['fallback', 'certificate'].filter(name => f.text(name) !== '');
        const because = !storageGiven
            ? 'no storage target was given'
            : verify === false
                ? "'verify' is false"
                : target.withheld.length > 0
                    ? `'${target.withheld[0]}' was not given`
                    : undefined;
        audit = readAuditSettings(f, now, because === undefined ? { check: true } : { check: false, because });
        // A rescue writes its copies with the storage credentials: only a dry run may leave them out.
        if (audit?.rescue === true && dryRun === false) {
            if (!storageGiven)
                f.fail('rescue', "'rescue: true' copies archives into the target: give the target's settings (or 'config-file' and 'project').");
            else if (target.withheld.length > 0)
                f.fail('rescue', `'rescue: true' writes the copies with the storage credentials: give '${target.withheld[0]}' (from a secret).`);
        }
    }
    else {
        const type = f.choice('type', ['s3', 'azure'], 's3');
        fallback = f.choice('fallback', ['none', 'opentok'], 'none');
        target = readTarget(f, type, dryRun === true);
        certificate = checkCertificate(f.raw('certificate'), now);
        if (certificate.error !== undefined)
            f.fail('certificate', certificate.error);
        f.warnings.push(...certificate.warnings);
    }
    const { problems, warnings, notices } = f;
    if (problems.length > 0 ||
        operation === undefined ||
        dryRun === undefined ||
        failOnError === undefined ||
        verify === undefined ||
        maxAttempts === undefined ||
        timeoutSeconds === undefined ||
        credentials.credentials === undefined ||
        apiUrl === null ||
        fallback === undefined ||
        certificate.setting === undefined ||
        (operation === 'set' && target.target === undefined) ||
        (operation === 'audit' && audit === undefined)) {
        return { ok: false, problems, warnings, notices };
    }
    return {
        ok: true,
        warnings,
        notices,
        ignored,
        plan: {
            credentials: credentials.credentials,
            operation,
            ...(target.target === undefined ? {} : { target: target.target }),
            fallback,
            certificate: certificate.setting,
            apiUrl: apiUrl ?? (0,platform/* defaultApiUrl */.zq)(credentials.credentials),
            dryRun,
            failOnError,
            verify,
            maxAttempts,
            timeoutSeconds,
            // An audit without the storage secret is no dry run: it reads statuses alone (audit.checkObjects).
            withheldSecrets: operation === 'audit' ? credentials.withheld : [...credentials.withheld, ...target.withheld],
            ...(audit === undefined ? {} : { audit })
        }
    };
}


/***/ }),

/***/ 3332:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   pH: () => (/* binding */ SECRET_INPUTS),
/* harmony export */   q: () => (/* binding */ maskSecretInputs),
/* harmony export */   sg: () => (/* binding */ maskValuesOf)
/* harmony export */ });
/* harmony import */ var _pem_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7165);
/** The secret inputs, masked with the runner before anything else is done. */

/** Inputs whose values are secrets. They always come from inputs (a configuration file may not hold them). */
const SECRET_INPUTS = ['api-secret', 'private-key', 'secret-key', 'account-key', 'github-token'];
/**
 * The values to register for one secret: the value as given and trimmed, and for a multi-line
 * value (a PEM key) each of its lines and the lines of its clean PEM form, since the runner masks
 * what it is given and a printed line would otherwise show. Armour lines are no secret, and very
 * short lines (a last base64 line such as "Zg==") would make the runner mask that text everywhere.
 */
function maskValuesOf(raw) {
    const values = new Set([raw, raw.trim()]);
    const texts = [raw];
    if (/-----BEGIN |\\n/.test(raw) || (0,_pem_js__WEBPACK_IMPORTED_MODULE_0__/* .holdsPrivateKey */ .j)(raw)) {
        const reading = (0,_pem_js__WEBPACK_IMPORTED_MODULE_0__/* .readPem */ .J)(raw);
        if (reading.ok)
            texts.push(...reading.blocks.map(block => block.pem));
    }
    for (const text of texts) {
        values.add(text);
        for (const line of text.replace(/\\r\\n|\\n/g, '\n').split(/\r?\n/)) {
            const trimmed = line.trim();
            if (trimmed.length >= 8 && !trimmed.startsWith('-----'))
                values.add(trimmed);
        }
    }
    values.delete('');
    return [...values];
}
/**
 * Masks every secret input that was given, and a `certificate` that holds a private key (it is
 * then refused, but its value must never be printed).
 */
function maskSecretInputs(read, mask) {
    for (const name of SECRET_INPUTS) {
        const value = read(name);
        if (value.trim() !== '')
            for (const secret of maskValuesOf(value))
                mask(secret);
    }
    const certificate = read('certificate');
    if ((0,_pem_js__WEBPACK_IMPORTED_MODULE_0__/* .holdsPrivateKey */ .j)(certificate))
        for (const secret of maskValuesOf(certificate))
            mask(secret);
}


/***/ }),

/***/ 5625:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   _o: () => (/* binding */ isDebug),
/* harmony export */   fJ: () => (/* binding */ fail),
/* harmony export */   ll: () => (/* binding */ sendLog),
/* harmony export */   lm: () => (/* binding */ notice),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* unused harmony export forLog */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3000);
/**
 * The action's log: every line it prints goes through this one door. A message can carry text the
 * action did not write (an archive's name or reason typed by a video application's users, a vendor
 * or storage error, a value of a file under review, a certificate subject), and the runner reads
 * workflow commands out of the log: `::name::` at the start of a line, and the legacy `##[name]`
 * anywhere in one. So each message is made one line that neither of the runner's parsers can read
 * as a command before it is printed. Nothing else in the action calls @actions/core's printers
 * (the linter holds every other module to this).
 */

/** Line breaks of every kind, and the tab, which a log line shows as one space. */
const BREAKS = /\r\n|[\n\r\t\v\f\u0085\u2028\u2029]/g;
/**
 * Characters that print nothing or reorder what is printed: the other control characters (C0, DEL,
 * C1) and every format character (bidi overrides and isolates such as U+202E, zero-width spaces and
 * joiners, the byte-order mark). Gone, they can neither hide text nor make two characters that look
 * apart into a command.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
/**
 * Marks (accents, variation selectors, the grapheme joiner) right after ':', '#' or '[': they mean
 * nothing there, and the runner compares with ICU, where some weigh nothing, so ":\uFE0F:" could
 * read as "::". With them go the five characters outside the marks that ICU gives no weight
 * either (U+0640 Arabic tatweel, U+07FA, U+180A, U+1CD3, U+FE73).
 */
const MARKS_AFTER_SYNTAX = /([:#[])(?:\p{M}|[\u0640\u07FA\u180A\u1CD3\uFE73])+/gu;
/**
 * `text` as one log line that no runner parser reads as a workflow command: line breaks become
 * spaces, invisible characters go (and marks right after ':', '#' or '['), a space goes between two
 * colons (`::` starts a command) and between the two hashes of `##[` (the legacy form, found
 * anywhere in a line). What is left reads as it did.
 */
function forLog(text) {
    return text
        .replace(BREAKS, ' ')
        .replace(INVISIBLE, '')
        .replace(MARKS_AFTER_SYNTAX, '$1')
        .replace(/:(?=:)/g, ': ')
        .replace(/#(?=#\[)/g, '# ');
}
function annotation(properties) {
    if (properties === undefined)
        return undefined;
    return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, typeof value === 'string' ? forLog(value) : value]));
}
/** A line of the log. */
function info(message) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(forLog(message));
}
/** A line shown only when the run has debug logging on. */
function debug(message) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(forLog(message));
}
/** Whether debug logging is on, to skip building what only debug would show. */
function isDebug() {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .isDebug */ ._o();
}
/** A notice annotation. */
function notice(message, properties) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(forLog(message), annotation(properties));
}
/** A warning annotation. */
function warning(message, properties) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(forLog(message), annotation(properties));
}
/** An error annotation that does not end the step by itself. */
function error(message, properties) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(forLog(message), annotation(properties));
}
/** Fails the step with `message`, printed as an error annotation. */
function fail(message) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(forLog(message));
}
/** The printers the senders and storage clients are handed. */
const sendLog = { info, debug };


/***/ }),

/***/ 3758:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   Jj: () => (/* binding */ cut),
/* harmony export */   MZ: () => (/* binding */ codeCell),
/* harmony export */   SM: () => (/* binding */ fitTable),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   qE: () => (/* binding */ cutAtLine),
/* harmony export */   uG: () => (/* binding */ tableWithin)
/* harmony export */ });
/* unused harmony export oneLine */
/**
 * Markdown's one door for text the action did not write: an archive's name, reason or status typed
 * by a video application's users, a vendor or storage error, a value of a file under review, a
 * certificate subject. GitHub renders the job summary, the tracking issue and the plan comment as
 * Markdown, where such text could mention people and teams, cross-reference other repositories,
 * show links and load images. Here it is always shown in code, where GitHub (and any CommonMark
 * renderer) makes no mention, reference, link or image: a code span whose fence is longer than any
 * run of backticks in the text, or a fenced block. It is cut to a length per field first, and made
 * one line (a span) with no invisible or reordering characters.
 */
/** Line breaks of every kind, and tabs. */
const BREAKS = /\r\n|[\n\r\t\v\f\u0085\u2028\u2029]/g;
/** Control and format characters: they print nothing, or reorder what is printed (bidi overrides). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
/** `text` without invisible characters, on one line, cut to `max` characters (code points) with '…'. */
function oneLine(text, max) {
    return cut(text.replace(BREAKS, ' ').replace(INVISIBLE, ''), max);
}
/** `text` cut to `max` characters (code points), the last one '…' when it was longer. */
function cut(text, max) {
    const characters = [...text];
    return characters.length > max ? `${characters.slice(0, Math.max(0, max - 1)).join('')}…` : text;
}
/** The fence for `text`: one backtick more than its longest run, at least `least`. */
function fenceFor(text, least) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
    return '`'.repeat(Math.max(least, longest + 1));
}
/**
 * `text` as an inline code span, one line, at most `max` characters: `` `x` ``, or ``` `` a`b `` ```
 * when it holds backticks. Empty text is shown as an em dash, which a span cannot be.
 */
function code(text, max) {
    const shown = oneLine(text, max);
    if (shown.trim() === '')
        return '—';
    const fence = fenceFor(shown, 1);
    // A span that starts or ends with a backtick (or a space) needs a space inside each fence, which
    // the renderer strips again.
    const pad = /^[ `]|[ `]$/.test(shown) ? ' ' : '';
    return `${fence}${pad}${shown}${pad}${fence}`;
}
/** `text` as a code span in a table cell: a `|` would end the cell, so it is escaped, as GFM tables allow inside spans. */
function codeCell(text, max) {
    return code(text, max).replace(/\|/g, '\\|');
}
/**
 * `text` as a fenced code block (its lines kept, each at most `lineMax` characters, at most
 * `maxLines` of them), for an error or a list of problems quoted in full.
 */
function codeBlock(text, lineMax, maxLines = 40) {
    const lines = text
        .split(/\r\n|[\n\r\u0085\u2028\u2029]/)
        .map(line => oneLine(line, lineMax))
        .filter((line, index, all) => line !== '' || (index > 0 && index < all.length - 1));
    const kept = lines.length > maxLines ? [...lines.slice(0, maxLines), `… and ${lines.length - maxLines} more lines`] : lines;
    const body = kept.join('\n');
    const fence = fenceFor(body, 3);
    return `${fence}text\n${body}\n${fence}`;
}
/**
 * The whole lines of `text` that fit in `max` characters. Markdown is cut only between lines: a
 * code span never spans one (code() keeps its value on one line), so no cut can leave a value
 * outside its fence, where it would be live.
 */
function cutAtLine(text, max) {
    if (text.length <= max)
        return text;
    // No line break at all in reach: nothing fits (lastIndexOf gives -1).
    return text.slice(0, Math.max(0, text.lastIndexOf('\n', max)));
}
/** Text the action writes itself, as a table cell: its own words may hold `|`, which would end the cell. */
function cell(text) {
    return text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
}
/**
 * A Markdown table of `rows` under `header` that fits in `budget` characters: rows are kept in
 * order while they fit, and the rest are counted in a last line made by `more(n)`.
 */
function tableWithin(header, rows, budget, more) {
    return fitTable(header, rows, budget, more).text;
}
/** tableWithin, and how many rows it kept. */
function fitTable(header, rows, budget, more) {
    const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
    let used = lines.reduce((sum, line) => sum + line.length + 1, 0);
    const reserve = more(rows.length).length + 4;
    let kept = 0;
    for (const row of rows) {
        const line = `| ${row.join(' | ')} |`;
        if (used + line.length + 1 + (kept + 1 < rows.length ? reserve : 0) > budget)
            break;
        lines.push(line);
        used += line.length + 1;
        kept++;
    }
    if (kept < rows.length)
        lines.push('', more(rows.length - kept));
    return { text: lines.join('\n'), kept };
}


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ readPem),
/* harmony export */   j: () => (/* binding */ holdsPrivateKey)
/* harmony export */ });
/**
 * PEM text as people paste it into a secret, a workflow or a YAML file, turned into clean PEM
 * blocks. One reader serves the certificate and the Vonage private key, so both accept the same
 * forms: LF or CRLF, indented lines (a YAML block scalar under a list), one line with literal
 * `\n` (the form the vendor's own docs show), base64 of the whole PEM, and a YAML folded (`>`)
 * scalar, whose lines were joined with spaces.
 */
const BLOCK = /-----BEGIN ([A-Z0-9 ]{1,40})-----([\s\S]*?)-----END \1-----/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** True when the text holds, in any accepted form, a private key block. */
function holdsPrivateKey(raw) {
    return /PRIVATE KEY/.test(raw) || /PRIVATE KEY/.test(decodedPemText(raw) ?? '');
}
/** Reads every PEM block of `raw`, whatever form it was pasted in. */
function readPem(raw) {
    const text = unfoldLineBreaks(raw);
    const source = text.includes('-----BEGIN ') ? text : decodedPemText(raw);
    if (source === undefined)
        return { ok: false, reason: 'not-pem' };
    const blocks = [];
    for (const [, label = '', body = ''] of source.matchAll(BLOCK)) {
        const block = readBlock(label, body);
        if (typeof block === 'string')
            return { ok: false, reason: block };
        blocks.push(block);
    }
    if (blocks.length === 0)
        return { ok: false, reason: source.includes('-----END ') ? 'damaged' : 'not-pem' };
    return { ok: true, blocks };
}
/** Literal `\n` / `\r\n` written into a one-line value become real line breaks; CRLF becomes LF. */
function unfoldLineBreaks(raw) {
    return raw.replace(/\\r\\n|\\n/g, '\n').replace(/\r\n?/g, '\n');
}
/** The PEM text inside a base64-encoded PEM, or undefined when `raw` is not one. */
function decodedPemText(raw) {
    const compact = raw.replace(/\s+/g, '');
    if (compact.length < 40 || !BASE64.test(compact))
        return undefined;
    const decoded = Buffer.from(compact, 'base64').toString('utf8');
    return decoded.includes('-----BEGIN ') ? unfoldLineBreaks(decoded) : undefined;
}
function readBlock(label, body) {
    const lines = body.split('\n').map(line => line.trim());
    const hasHeaders = lines.some(line => /^[A-Za-z-]+:/.test(line));
    let payload;
    if (hasHeaders) {
        // Headers end at the first blank line; with the lines folded into one, that line is gone
        // and where the headers end cannot be told.
        const blank = lines.indexOf('', lines.findIndex(line => line.includes(':')));
        if (blank < 0)
            return 'folded';
        payload = lines.slice(blank + 1).join('');
    }
    else {
        payload = lines.join('').replace(/\s+/g, '');
    }
    if (!BASE64.test(payload) || payload.length % 4 === 1)
        return 'damaged';
    const der = Buffer.from(payload, 'base64');
    // An empty body, or padding alone ('=='), holds no bytes.
    if (der.length === 0)
        return 'damaged';
    const base64 = der.toString('base64');
    // Node decodes base64 leniently; a payload that does not survive the round trip is damaged.
    if (base64.replace(/=+$/, '') !== payload.replace(/=+$/, ''))
        return 'damaged';
    const wrapped = (base64.match(/.{1,64}/g) ?? []).join('\n');
    const headerLines = hasHeaders
        ? lines
            .slice(0, lines.indexOf('', lines.findIndex(line => line.includes(':'))))
            .filter(Boolean)
        : [];
    const pem = [`-----BEGIN ${label}-----`, ...headerLines, ...(hasHeaders ? [''] : []), wrapped, `-----END ${label}-----`].join('\n');
    return { label, hasHeaders, der, pem };
}


/***/ }),

/***/ 7488:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ secretValuesOf)
/* harmony export */ });
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6822);
/** Every secret a plan holds, for redaction of what a message or an answer may quote. */

/** The vendor credential's secret (the private key line by line too) and the storage secret. */
function secretValuesOf(plan) {
    const values = (0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .credentialSecrets */ .DJ)(plan.credentials);
    if (plan.target?.type === 's3')
        values.push(plan.target.secretKey);
    if (plan.target?.type === 'azure')
        values.push(plan.target.accountKey);
    return values.filter(value => value !== '');
}


/***/ }),

/***/ 6822:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Pw: () => (/* binding */ authHeaders),
  DJ: () => (/* binding */ credentialSecrets),
  zq: () => (/* binding */ defaultApiUrl),
  dU: () => (/* binding */ describeProject),
  QK: () => (/* binding */ projectIdOf),
  PK: () => (/* binding */ refusedCredentials),
  gR: () => (/* binding */ vendorName)
});

// UNUSED EXPORTS: OPENTOK_API_URL, VONAGE_VIDEO_API_URL

// EXTERNAL MODULE: ./src/inputs/secrets.ts
var secrets = __nccwpck_require__(3332);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/token.ts
/**
 * The vendor's request tokens: short-lived JWTs, one per attempt. jsonwebtoken is imported on
 * first use, since dry runs sign nothing.
 */

/** Seconds an OpenTok project token is valid: the vendor allows at most 5 minutes and recommends about 3. */
const TOKEN_LIFETIME_SECONDS = 180;
/**
 * Seconds a Vonage application token is valid. Vonage's own SDKs use 15 minutes; one request
 * needs far less, and a shorter token is worth less to anyone who sees it.
 */
const APPLICATION_TOKEN_LIFETIME_SECONDS = 300;
/** The X-OPENTOK-AUTH token: HS256 over the project's API secret; `nowMs` is the clock, injectable for tests. */
async function makeProjectToken(apiKey, apiSecret, nowMs) {
    const { default: jwt } = await __nccwpck_require__.e(/* import() */ 653).then(__nccwpck_require__.t.bind(__nccwpck_require__, 9653, 23));
    const iat = Math.floor(nowMs / 1000);
    return jwt.sign({ iss: apiKey, ist: 'project', iat, exp: iat + TOKEN_LIFETIME_SECONDS, jti: (0,external_node_crypto_.randomUUID)() }, apiSecret, {
        algorithm: 'HS256',
        header: { alg: 'HS256', typ: 'JWT' }
    });
}
/**
 * The Vonage Video token sent as `Authorization: Bearer`: RS256 over the application's private
 * key with the claims Vonage's own JWT library sets (application_id, iat, jti, exp), and no nbf.
 */
async function makeApplicationToken(applicationId, privateKeyPem, nowMs) {
    const { default: jwt } = await __nccwpck_require__.e(/* import() */ 653).then(__nccwpck_require__.t.bind(__nccwpck_require__, 9653, 23));
    const iat = Math.floor(nowMs / 1000);
    return jwt.sign({ application_id: applicationId, iat, jti: (0,external_node_crypto_.randomUUID)(), exp: iat + APPLICATION_TOKEN_LIFETIME_SECONDS }, privateKeyPem, {
        algorithm: 'RS256',
        header: { alg: 'RS256', typ: 'JWT' }
    });
}

;// CONCATENATED MODULE: ./src/platform.ts
/**
 * What differs between the two platforms the action serves, in one place: the project's ID in the
 * URL, the default base URL, the signed auth header, and how the run names the project and its
 * credentials. Everything else (body, retries, storage check, report) is the same code.
 */


const OPENTOK_API_URL = 'https://api.opentok.com';
const VONAGE_VIDEO_API_URL = 'https://video.api.vonage.com';
/** The ID that goes into `/v2/project/{id}/…` and names the check object: the API key or application ID. */
function projectIdOf(credentials) {
    return credentials.platform === 'opentok' ? credentials.apiKey : credentials.applicationId;
}
/** The base URL used when 'api-url' is not given. */
function defaultApiUrl(credentials) {
    return credentials.platform === 'opentok' ? OPENTOK_API_URL : VONAGE_VIDEO_API_URL;
}
/** "OpenTok project 46000042" or "Vonage application c7f9…", for the log and the summary. */
function describeProject(credentials) {
    return credentials.platform === 'opentok' ? `OpenTok project ${credentials.apiKey}` : `Vonage application ${credentials.applicationId}`;
}
/** The vendor's name as the log says it answered. */
function vendorName(credentials) {
    return credentials.platform === 'opentok' ? 'OpenTok' : 'Vonage Video';
}
/** Why a 401 or 403 came back, naming the inputs to check. */
function refusedCredentials(credentials) {
    return credentials.platform === 'opentok'
        ? "the API key or API secret is wrong. Check 'api-key' (the OpenTok project's API key) and 'api-secret' (that project's secret)."
        : `the application ID and private key do not belong together, or the application has no Video capability. Check '${credentials.givenAs?.[0] ?? 'application-id'}' and '${credentials.givenAs?.[1] ?? 'private-key'}' (the application's ID and the key created with it in the Vonage dashboard).`;
}
/**
 * The headers that authenticate one attempt, with a freshly signed token. `mask` registers the
 * token with the runner the moment it exists.
 */
async function authHeaders(credentials, nowMs, mask) {
    if (credentials.platform === 'opentok') {
        const token = await makeProjectToken(credentials.apiKey, credentials.apiSecret, nowMs);
        mask(token);
        return { 'X-OPENTOK-AUTH': token };
    }
    const token = await makeApplicationToken(credentials.applicationId, credentials.privateKey, nowMs);
    mask(token);
    return { Authorization: `Bearer ${token}` };
}
/** The secret values of the credentials, for redaction: the private key as a whole and line by line, as it was masked. */
function credentialSecrets(credentials) {
    return credentials.platform === 'opentok' ? [credentials.apiSecret] : (0,secrets/* maskValuesOf */.sg)(credentials.privateKey);
}


/***/ }),

/***/ 8903:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dg: () => (/* binding */ proxyProblems),
/* harmony export */   P_: () => (/* binding */ maskProxyCredentials),
/* harmony export */   bD: () => (/* binding */ PROXY_VARIABLES),
/* harmony export */   iJ: () => (/* binding */ proxyFor)
/* harmony export */ });
/** Masks credentials written into proxy URLs, before anything can print them. */
/** The variables a proxy is read from, in both spellings that runners and tools use. */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
/** Passes the password (or lone token) of every proxy URL in `env` to `mask`, as written and decoded. */
function maskProxyCredentials(env, mask) {
    for (const name of PROXY_VARIABLES) {
        const value = env[name];
        if (!value)
            continue;
        let url;
        try {
            url = new URL(value.includes('://') ? value : `http://${value}`);
        }
        catch {
            continue;
        }
        // A token alone in the user-info (https://TOKEN@proxy) is the secret; otherwise the password is.
        const secret = url.password !== '' ? url.password : url.username;
        if (secret === '')
            continue;
        mask(secret);
        const decoded = safeDecode(secret);
        if (decoded !== secret)
            mask(decoded);
    }
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** A proxy variable that no proxy URL can be read from, named, with what it takes; undefined when all are readable. */
function proxyProblems(env) {
    const problems = [];
    for (const name of PROXY_VARIABLES) {
        const value = env[name];
        if (!value)
            continue;
        let url;
        try {
            url = new URL(value.includes('://') ? value : `http://${value}`);
        }
        catch {
            url = undefined;
        }
        if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
            problems.push({
                input: name,
                message: `The environment variable ${name} is not a proxy URL: it takes http://host:port or https://host:port (with user:password@ when the proxy needs it). Fix it, or unset it to connect directly.`
            });
        }
    }
    return problems;
}
const DEFAULT_PORTS = { 'http:': 80, 'https:': 443 };
/**
 * The proxy a request to `url` goes through, as `host:port` (never its credentials), or
 * undefined when it goes direct. The same reading of HTTP(S)_PROXY and NO_PROXY as undici's
 * EnvHttpProxyAgent, which sends the requests, so a failure can name the proxy it failed to reach.
 */
function proxyFor(url, env) {
    const target = new URL(url);
    const httpProxy = env.http_proxy ?? env.HTTP_PROXY;
    const proxy = target.protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY ?? httpProxy) : httpProxy;
    if (!proxy)
        return undefined;
    const hostname = target.host.replace(/:\d*$/, '').toLowerCase();
    const port = Number.parseInt(target.port, 10) || DEFAULT_PORTS[target.protocol] || 0;
    const noProxy = env.no_proxy ?? env.NO_PROXY ?? '';
    if (noProxy === '*')
        return undefined;
    for (const entry of noProxy.split(/[,\s]/).filter(Boolean)) {
        const parsed = /^(.+):(\d+)$/.exec(entry);
        const host = (parsed?.[1] ?? entry).toLowerCase();
        if (parsed && Number(parsed[2]) !== port)
            continue;
        if (/^[.*]/.test(host) ? hostname.endsWith(host.replace(/^\*/, '')) : hostname === host)
            return undefined;
    }
    try {
        const parsedProxy = new URL(proxy.includes('://') ? proxy : `http://${proxy}`);
        return parsedProxy.port
            ? `${parsedProxy.hostname}:${parsedProxy.port}`
            : `${parsedProxy.hostname}:${DEFAULT_PORTS[parsedProxy.protocol] ?? 80}`;
    }
    catch {
        return 'the proxy in HTTPS_PROXY / HTTP_PROXY';
    }
}


/***/ }),

/***/ 6670:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   _I: () => (/* binding */ scrub)
/* harmony export */ });
/* unused harmony exports REDACTED, quotesSecret, formsOf, unescapeAll */
/**
 * Redaction of text that may quote a secret, such as the vendor's echo of the storage settings
 * or an error message that quotes the request body. Robust by construction: after every known
 * form of a secret is replaced, the text is checked once more with every escape undone (JSON
 * at any depth, URL-encoding, HTML entities, stray backslashes); text that still holds a secret
 * is not printed at all, only its length.
 */
const REDACTED = '***';
const SECRET_FIELDS = new Set(['secretKey', 'accountKey', 'apiSecret', 'privateKey', 'private_key', 'token', 'certificate']);
const MAX_SHOWN = 2000;
/** Shorter values are left alone: replacing them would garble the text, and they are never printed on their own. */
const MIN_SECRET_LENGTH = 4;
const MAX_ESCAPE_DEPTH = 4;
/**
 * Returns `text` with every secret replaced: JSON fields that hold secrets by name, every string
 * that quotes a secret in any escaping, and, when the text is not JSON, every known form of each
 * secret. Shortened past 2,000 characters.
 */
function redact(text, secrets) {
    const known = secrets.filter(secret => secret.length >= MIN_SECRET_LENGTH);
    let result;
    try {
        result = JSON.stringify(redactValue(JSON.parse(text), known));
    }
    catch {
        result = text;
    }
    result = scrub(result, known);
    return result.length > MAX_SHOWN ? `${result.slice(0, MAX_SHOWN)}… (${result.length - MAX_SHOWN} more characters)` : result;
}
/**
 * Replaces every known form of each secret in `text`; when a secret can still be read back from
 * what is left, returns a placeholder with the text's length instead.
 */
function scrub(text, secrets) {
    let result = text;
    for (const secret of secrets.filter(s => s.length >= MIN_SECRET_LENGTH)) {
        for (const form of formsOf(secret))
            result = result.split(form).join(REDACTED);
    }
    return quotesSecret(result, secrets) ? `(${text.length} characters withheld: they quote a secret)` : result;
}
/**
 * Whether `text` holds any of `secrets` in any form: as it is, escaped at any depth, URL-encoded,
 * or inside base64 (every run decoded at each alignment, then read the same way). The net under
 * the replacement: what it still finds is withheld.
 */
function quotesSecret(text, secrets) {
    const known = secrets.filter(secret => secret.length >= MIN_SECRET_LENGTH);
    if (known.length === 0)
        return false;
    const readings = [text, ...decodedRuns(text)];
    return known.some(secret => {
        if (formsOf(secret).some(form => text.includes(form)))
            return true;
        const plainSecret = unescapeAll(secret);
        const bareSecret = secret.replace(/\\/g, '');
        return readings.some(reading => {
            if (plainSecret.length >= MIN_SECRET_LENGTH && unescapeAll(reading).includes(plainSecret))
                return true;
            return bareSecret.length >= MIN_SECRET_LENGTH && reading.replace(/\\/g, '').includes(bareSecret);
        });
    });
}
/** What the base64 and base64url runs of `text` decode to, at each alignment. */
function decodedRuns(text) {
    const decoded = [];
    for (const run of text.match(/[A-Za-z0-9+/_-]{12,}={0,2}/g) ?? []) {
        for (let offset = 0; offset < 4; offset++)
            decoded.push(Buffer.from(run.slice(offset), 'base64').toString('utf8'));
    }
    return decoded;
}
function redactValue(value, secrets) {
    if (typeof value === 'string') {
        const scrubbed = replaceForms(value, secrets);
        return quotesSecret(scrubbed, secrets) ? REDACTED : scrubbed;
    }
    if (Array.isArray(value))
        return value.map(item => redactValue(item, secrets));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_FIELDS.has(key) && item !== null ? REDACTED : redactValue(item, secrets)]));
    }
    return value;
}
function replaceForms(text, secrets) {
    let result = text;
    for (const secret of secrets)
        for (const form of formsOf(secret))
            result = result.split(form).join(REDACTED);
    return result;
}
const formsCache = new Map();
/**
 * How JSON encoders other than JSON.stringify write a string: with `/` as `\/` (PHP, Java),
 * with `<`, `>` and `&` as `\u003c` (Go), or with every symbol as `\u002B` (.NET). A vendor that
 * echoes a request body may have re-encoded it with any of them, then base64-encoded it.
 */
const ENCODERS = [
    value => JSON.stringify(value).slice(1, -1).replace(/\//g, '\\/'),
    value => JSON.stringify(value)
        .slice(1, -1)
        .replace(/[<>&]/g, c => `\\u00${c.charCodeAt(0).toString(16)}`),
    ...[true, false].flatMap(upper => [
        (value) => [...value].map(c => (/[A-Za-z0-9 /]/.test(c) ? c : unicodeEscape(c, upper))).join(''),
        (value) => [...value].map(c => (/[A-Za-z0-9 ]/.test(c) ? c : unicodeEscape(c, upper))).join('')
    ])
];
function unicodeEscape(c, upper) {
    // A character beyond \uFFFF (two UTF-16 units) is left as it is; encoders write it raw too.
    if (c.length > 1)
        return c;
    const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upper ? hex.toUpperCase() : hex}`;
}
/**
 * The forms a secret can be quoted in, longest first: as it is; JSON-escaped once to four times;
 * as other JSON encoders write it (ENCODERS); URL-encoded once or twice; and, for each of these,
 * the part of its base64 (and base64url) that does not depend on the bytes around it, at each
 * of the three alignments: a body echoed in base64 carries the secret in one of its escaped forms.
 */
function formsOf(secret) {
    const cached = formsCache.get(secret);
    if (cached !== undefined)
        return cached;
    const texts = new Set([secret]);
    let escaped = secret;
    for (let depth = 0; depth < MAX_ESCAPE_DEPTH; depth++) {
        escaped = JSON.stringify(escaped).slice(1, -1);
        texts.add(escaped);
    }
    for (const encode of ENCODERS)
        texts.add(encode(secret));
    texts.add(encodeURIComponent(secret)).add(encodeURIComponent(encodeURIComponent(secret)));
    const forms = new Set(texts);
    for (const text of texts)
        for (const core of base64Cores(text))
            forms.add(core).add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    const result = [...forms].filter(form => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
    formsCache.set(secret, result);
    return result;
}
/** The base64 of `text` that does not depend on the bytes around it, at each of the three alignments. */
function base64Cores(text) {
    const bytes = Buffer.from(text, 'utf8');
    const cores = [];
    for (let offset = 0; offset < 3; offset++) {
        const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
        const core = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
        if (core.length >= 6)
            cores.push(core);
    }
    return cores;
}
/** Undoes JSON escapes, URL-encoding and HTML numeric entities, repeatedly, then drops stray backslashes. */
function unescapeAll(text) {
    // Most text has nothing to undo; skipping the rounds keeps a dry run's start-up short.
    if (!/[\\%&]/.test(text))
        return text;
    let current = text;
    for (let round = 0; round < 8; round++) {
        const next = current
            .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
            .replace(/\\([nrt])/g, (_, c) => (c === 'n' ? '\n' : c === 'r' ? '\r' : '\t'))
            .replace(/(?:%[0-9a-fA-F]{2})+/g, run => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'))
            .replace(/&#(\d{1,7});/g, (_, code) => String.fromCodePoint(Math.min(Number(code), 0x10ffff)))
            .replace(/&#x([0-9a-fA-F]{1,6});/g, (_, hex) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
            .replace(/\\(.)/gsu, '$1');
        if (next === current)
            return next;
        current = next;
    }
    return current;
}


/***/ }),

/***/ 3235:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ refuse)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5625);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(665);
/**
 * Stops a run whose settings are wrong, before anything is sent: one ::error:: per problem (an
 * annotation on the file's line when it came from the configuration file), the outputs, and a
 * summary table of what is wrong and what each setting accepts.
 */


/** Reports every problem and fails the step; nothing was sent. */
async function refuse(problems, runContext) {
    const reported = problems.map(problem => {
        const where = problem.file === undefined
            ? undefined
            : `${problem.file}${problem.line === undefined ? '' : ` line ${problem.line}`}${problem.column === undefined ? '' : `, column ${problem.column}`}`;
        const message = where === undefined ? problem.message : `${where}: ${problem.message}`;
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(message, {
            title: problem.file === undefined ? `Invalid input: ${problem.input}` : `Invalid setting: ${problem.input}`,
            ...(problem.file === undefined ? {} : { file: problem.file }),
            ...(problem.line === undefined ? {} : { startLine: problem.line }),
            ...(problem.column === undefined ? {} : { startColumn: problem.column })
        });
        return { input: problem.input, message: problem.message, source: where ?? 'input' };
    });
    (0,_report_js__WEBPACK_IMPORTED_MODULE_1__/* .setInputErrorOutputs */ .N0)();
    _log_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ(`${problems.length} problem(s) in the settings (${[...new Set(problems.map(p => `'${p.input}'`))].join(', ')}); nothing was sent.`);
    try {
        await (0,_report_js__WEBPACK_IMPORTED_MODULE_1__/* .writeInputErrorSummary */ .mh)(reported, await runContext());
    }
    catch (error) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
}


/***/ }),

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bg: () => (/* binding */ resultOf),
/* harmony export */   N0: () => (/* binding */ setInputErrorOutputs),
/* harmony export */   Sy: () => (/* binding */ writeSummary),
/* harmony export */   mh: () => (/* binding */ writeInputErrorSummary),
/* harmony export */   n0: () => (/* binding */ setOutputs),
/* harmony export */   ri: () => (/* binding */ addRunLine)
/* harmony export */ });
/* unused harmony exports summaryRows, escapeHtml */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3000);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1170);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6822);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3758);
/* harmony import */ var _storage_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1134);
/** What the run tells the workflow: step outputs and the job summary, with every secret left out. */




/** The result of a set or delete that ended as `report` says; `failed` when it failed. */
function resultOf(report, failed) {
    if (failed)
        return 'failed';
    if (report.plan.dryRun)
        return 'dry-run';
    if (report.plan.operation === 'delete')
        return 'deleted';
    return report.verified === 'true' ? 'set' : 'unverified';
}
/**
 * Sets the step outputs: result, status, attempts, target, verified. `target` names where
 * archives go only when the vendor accepted it, or would in a dry run: never after a failure.
 */
function setOutputs(report, result, output = _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .setOutput */ .uH) {
    output('result', result);
    output('status', report.status === undefined ? '' : String(report.status));
    output('attempts', String(report.attempts));
    output('target', result === 'set' || result === 'unverified' || result === 'dry-run' ? (0,_storage_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTarget */ .ff)(report.plan.target) : '');
    output('verified', report.verified);
}
/** The outputs of a run stopped by its inputs: nothing was sent and nothing was checked. */
function setInputErrorOutputs(output = _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .setOutput */ .uH) {
    output('result', 'refused');
    output('status', '');
    output('attempts', '0');
    output('target', '');
    output('verified', 'skipped');
}
/** The summary rows, in order; every value is secret-free by construction. */
function summaryRows(report) {
    const { plan } = report;
    const rows = [['Project', (0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .describeProject */ .dU)(plan.credentials)]];
    if (plan.source !== undefined)
        rows.push(['Settings', plan.source]);
    rows.push(['Operation', plan.operation]);
    const target = plan.target;
    if (target?.type === 's3') {
        rows.push(['Type', 's3'], ['Bucket', target.bucket], ['Endpoint', target.endpoint ?? 'Amazon S3 (default)'], ['SSE', target.sse]);
    }
    else if (target?.type === 'azure') {
        rows.push(['Type', 'azure'], ['Account / container', `${target.accountName}/${target.container}`], ['Domain', target.domain ?? 'core.windows.net (default)']);
    }
    if (plan.operation === 'set') {
        rows.push(['Fallback', plan.fallback], ['Certificate', describeCertificate(plan)]);
        rows.push(['Storage check', report.verification ?? report.verified]);
    }
    rows.push(['Status', statusText(report)], ['Attempts', String(report.attempts)], ['Result', report.result]);
    return rows;
}
function statusText(report) {
    if (report.status !== undefined)
        return String(report.status);
    if (report.plan.dryRun)
        return 'dry run: nothing was sent to the vendor';
    return report.attempts === 0 ? 'not sent' : 'no answer';
}
function describeCertificate(plan) {
    const cert = plan.certificate;
    if (cert.kind === 'unchanged')
        return 'unchanged';
    if (cert.kind === 'off')
        return 'encryption turned off (null)';
    return `${cert.subject}; SHA-256 ${cert.fingerprint256}; expires ${cert.validTo.toISOString().slice(0, 10)}`;
}
/** The longest value a summary cell shows; a certificate subject or an error can be long. */
const CELL_MAX = 500;
/** Writes the job summary: a heading, the table and the run line. Does nothing outside a runner. */
async function writeSummary(report, context, summary = _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .summary */ .z) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const platform = report.plan.credentials.platform === 'opentok' ? 'OpenTok' : 'Vonage Video';
    const heading = `${platform} archive upload target${report.plan.dryRun ? ' (dry run)' : ''}`;
    // Every value is shown as code: settings may come from a file under review, and a check's or a
    // certificate's words from outside; in code, none can mention, link or show an image.
    const table = [
        '| Field | Value |',
        '|---|---|',
        ...summaryRows(report).map(([field, value]) => `| ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(field)} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeCell */ .MZ)(value, CELL_MAX)} |`)
    ].join('\n');
    summary.addHeading(heading, 3).addRaw(`\n${table}\n`, true);
    addRunLine(summary, context);
    await summary.write();
}
/** Writes the job summary of a run refused for its inputs: which settings, from where, and what each accepts. */
async function writeInputErrorSummary(problems, context, summary = _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .summary */ .z) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    // A message quotes the value as typed (in a file under review, say): shown as code.
    const table = [
        '| Setting | Source | What is wrong, and what it accepts |',
        '|---|---|---|',
        ...problems.map(problem => `| ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeCell */ .MZ)(problem.input, 100)} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeCell */ .MZ)(problem.source, 200)} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeCell */ .MZ)(problem.message, CELL_MAX)} |`)
    ].join('\n');
    summary
        .addHeading('OpenTok archive upload target: invalid settings', 3)
        .addRaw(`${problems.length} problem(s); nothing was sent to the vendor or the storage.`, true)
        .addRaw(`\n${table}\n`, true);
    addRunLine(summary, context);
    await summary.write();
}
/** Adds the line naming the repository and run, linked to the run. */
function addRunLine(summary, context) {
    if (context.repository === undefined)
        return;
    const line = `${context.repository} · ${context.workflow ?? 'workflow'}`;
    summary.addRaw(context.runUrl === undefined ? escapeHtml(line) : `<a href="${escapeHtml(context.runUrl)}">${escapeHtml(line)}</a>`, true);
}
/** Text as it may stand in the summary's HTML. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}


/***/ }),

/***/ 8986:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Cu: () => (/* binding */ DEFAULT_CONFIG_FILE),
  sP: () => (/* binding */ REVISION),
  UP: () => (/* binding */ UnknownRevision),
  ie: () => (/* binding */ UnreadableFile),
  Mg: () => (/* binding */ apiFiles),
  IU: () => (/* binding */ gitFiles),
  JM: () => (/* binding */ isInsideRepository),
  Z3: () => (/* binding */ readInWorkspace),
  PZ: () => (/* binding */ workspaceFiles)
});

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = require("node:child_process");
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/github-client.ts
var github_client = __nccwpck_require__(7890);
;// CONCATENATED MODULE: ./src/sources/files.ts
/**
 * The repository's files at one revision: the checkout in the workspace, a commit read with git,
 * or a commit read through the GitHub contents API. The configuration file and a certificate it
 * names by path are read through one of these, so the head and the base of a change go through
 * the same reader and validators.
 */




/** Where the examples and the README keep the configuration file, used when only 'project' is given. */
const DEFAULT_CONFIG_FILE = '.github/opentok-archive-target.yml';
/** A path that stays inside the repository: relative, without '..' that leaves it. */
function isInsideRepository(path) {
    if (path === '' || (0,external_node_path_.isAbsolute)(path) || path.includes('\0'))
        return false;
    const inside = (0,external_node_path_.relative)('/repository', (0,external_node_path_.resolve)('/repository', path));
    return inside !== '' && !inside.startsWith('..');
}
/**
 * Reads `path` (relative, or absolute inside the workspace) from the workspace. A path that leaves
 * the workspace is refused, and so is a symbolic link that leads out of it: a pull request could
 * otherwise point a setting at any file of the runner.
 */
async function readInWorkspace(workspace, path) {
    const full = (0,external_node_path_.resolve)(workspace, path);
    const inside = (0,external_node_path_.relative)(workspace, full);
    if (inside === '' || inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside) || path.includes('\0'))
        return { ok: false, why: 'outside' };
    let real;
    try {
        real = await (0,promises_.realpath)(full);
    }
    catch (error) {
        const code = error.code;
        return code === 'ENOENT' || code === 'ENOTDIR'
            ? { ok: false, why: 'missing' }
            : { ok: false, why: 'unreadable', ...(code ? { code } : {}) };
    }
    const root = await (0,promises_.realpath)(workspace).catch(() => workspace);
    const within = (0,external_node_path_.relative)(root, real);
    if (within === '' || within.startsWith('..') || (0,external_node_path_.isAbsolute)(within))
        return { ok: false, why: 'link-outside' };
    try {
        return { ok: true, text: await (0,promises_.readFile)(real, 'utf8') };
    }
    catch (error) {
        const code = error.code;
        return { ok: false, why: 'unreadable', ...(code ? { code } : {}) };
    }
}
/** The checkout in `workspace`. */
function workspaceFiles(workspace) {
    return {
        where: 'the workspace',
        async read(path) {
            if (!isInsideRepository(path))
                return undefined;
            const read = await readInWorkspace(workspace, path);
            if (read.ok)
                return read.text;
            if (read.why === 'missing')
                return undefined;
            throw new UnreadableFile(read.why === 'link-outside'
                ? `${path} is a symbolic link that leads outside the workspace; it is not read.`
                : `${path} could not be read (${read.code ?? read.why}).`);
        }
    };
}
/** A revision safe to hand to git: a commit SHA or a ref name, never an option. */
const REVISION = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/~^-]{1,255}$/;
/** Runs git in `workspace`; `ok` is false for any failure (a non-zero exit, or git not found). */
function git(workspace, args) {
    return new Promise(resolvePromise => {
        (0,external_node_child_process_namespaceObject.execFile)('git', ['-C', workspace, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 30_000 }, (error, stdout) => {
            resolvePromise({ ok: error === null, stdout });
        });
    });
}
/** A path inside the repository as git and the contents API name it: `./a/./b.yml` is `a/b.yml`. */
function repositoryPath(path) {
    return external_node_path_.posix.normalize(path);
}
/** The files of `revision` when the checkout in `workspace` has that commit; undefined when it does not (a shallow checkout). */
async function gitFiles(workspace, revision) {
    if (!REVISION.test(revision))
        return undefined;
    const commit = await git(workspace, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
    if (!commit.ok)
        return undefined;
    const sha = commit.stdout.trim();
    const prefix = (await git(workspace, ['rev-parse', '--show-prefix'])).stdout.trim();
    return {
        where: `commit ${sha.slice(0, 7)}`,
        async read(path) {
            if (!isInsideRepository(path))
                return undefined;
            // `cat-file blob`, not `show`: a folder is no file (show would answer with its listing)
            const shown = await git(workspace, ['cat-file', 'blob', `${sha}:${prefix}${repositoryPath(path)}`]);
            return shown.ok ? shown.stdout : undefined;
        }
    };
}
/** A file the GitHub API could not give, for a reason other than its absence. */
class UnreadableFile extends Error {
}
/** A revision the repository does not know (a force push may have replaced the commit): none of its files can be read. */
class UnknownRevision extends UnreadableFile {
    revision;
    constructor(revision) {
        super(`the repository does not know the commit ${revision.slice(0, 12)}`);
        this.revision = revision;
    }
}
/** The files of `ref` read through the GitHub contents API (needs `contents: read`). */
function apiFiles(client, repository, ref) {
    return {
        where: `commit ${ref.slice(0, 7)} (read through the GitHub API)`,
        async read(path) {
            if (!isInsideRepository(path))
                return undefined;
            try {
                const answer = await client.rest.repos.getContent({
                    ...repository,
                    path: repositoryPath(path),
                    ref,
                    mediaType: { format: 'raw' }
                });
                return typeof answer.data === 'string' ? answer.data : undefined;
            }
            catch (error) {
                if (error.status === 404) {
                    // GitHub says which: the file is not at that commit, or there is no such commit.
                    if (/no commit found/i.test(error instanceof Error ? error.message : ''))
                        throw new UnknownRevision(ref);
                    return undefined;
                }
                if ((0,github_client/* isPermissionError */.gj)(error)) {
                    throw new UnreadableFile(`the GitHub API refused to read ${path} at ${ref} (${(0,github_client/* describeGitHubError */.dZ)(error)}): give the job 'permissions: contents: read', or check out the base commit (actions/checkout with fetch-depth: 0).`);
                }
                throw new UnreadableFile(`the GitHub API could not read ${path} at ${ref}: ${(0,github_client/* describeGitHubError */.dZ)(error)}.`);
            }
        }
    };
}


/***/ }),

/***/ 3181:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ isCertificatePath),
/* harmony export */   s: () => (/* binding */ readSettings)
/* harmony export */ });
/* harmony import */ var _inputs_index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7778);
/* harmony import */ var _pem_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7165);
/* harmony import */ var _inputs_credentials_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6608);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8986);




const INPUT = { kind: 'input' };
/**
 * Gathers the settings: plain inputs, or, when 'config-file' or 'project' is given, the
 * project's entry of the file (by default .github/opentok-archive-target.yml) with the inputs
 * for everything the file may not hold (secrets, operation, dry-run, …). A setting given both
 * in the file and as an input is refused. A certificate given as a path is read from the
 * workspace. When the file decides the platform and the storage type, a secret input the
 * project cannot use (a repository- or organisation-wide secret, say) is ignored with a notice.
 */
async function readSettings(readInput, workspace, mask) {
    const configFile = readInput('config-file').trim();
    const project = readInput('project').trim();
    if (configFile === '' && project === '') {
        return withCertificateFile({ read: readInput, origin: () => INPUT, problems: [], notices: [] }, workspace, mask);
    }
    const { readConfigFile } = await __nccwpck_require__.e(/* import() */ 781).then(__nccwpck_require__.bind(__nccwpck_require__, 781));
    const file = configFile || _files_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_CONFIG_FILE */ .Cu;
    const named = configFile === '' ? `'project' reads ${_files_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_CONFIG_FILE */ .Cu} (the file used when 'config-file' is empty)` : `'config-file' names ${file}`;
    const reading = await readConfigFile(file, workspace, project, mask, named);
    // A problem at a place in the file points there; one about the file as a whole (missing,
    // unknown project) is about the input that named it, and its message names the file.
    const located = reading.problems.map(p => ({
        input: p.setting,
        message: p.message,
        ...(p.line === undefined ? {} : { file, line: p.line }),
        ...(p.column === undefined ? {} : { column: p.column })
    }));
    if (!reading.ok)
        return { ok: false, problems: located };
    const { entry } = reading;
    const problems = [...located];
    for (const [setting, { line, column }] of entry.values) {
        if (readInput(setting).trim() !== '') {
            problems.push({
                input: setting,
                message: `'${setting}' is set both in ${file} (line ${line}, project '${entry.project}') and as the input '${setting}'. Keep one: with a configuration file, the file is the one source of the target settings.`,
                file,
                line,
                ...(column === undefined ? {} : { column })
            });
        }
    }
    const ignored = unusableSecrets(entry.values, readInput);
    const notices = ignored.map(({ input, why }) => `'${input}' is ignored: project '${entry.project}' of ${file} ${why}. (A repository- or organisation-level secret gives it to every project; an environment secret avoids this.)`);
    return withCertificateFile({
        read: name => (ignored.some(i => i.input === name) ? '' : (entry.values.get(name)?.value ?? readInput(name))),
        origin: name => {
            const value = entry.values.get(name);
            return value === undefined
                ? INPUT
                : {
                    kind: 'file',
                    file,
                    project: entry.project,
                    line: value.line,
                    ...(value.column === undefined ? {} : { column: value.column })
                };
        },
        source: `${file}, project ${entry.project}`,
        project: entry.project,
        problems,
        notices,
        warnings: reading.warnings
    }, workspace, mask);
}
/**
 * The secret inputs given to a step that the file's project cannot use: the other platform's
 * credential, and the other storage type's key. Only what the file decides is judged: an
 * `api-key` that is a UUID (the OpenTok SDKs' way to name an application) decides nothing.
 */
function unusableSecrets(values, readInput) {
    const given = (name) => readInput(name).trim() !== '';
    const unusable = [];
    const apiKey = values.get('api-key')?.value;
    if (values.has('application-id') && given('api-secret'))
        unusable.push({ input: 'api-secret', why: 'is a Vonage application (application-id), which signs with private-key' });
    if (apiKey !== undefined && !_inputs_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .UUID */ .k.test(apiKey.trim()) && given('private-key')) {
        unusable.push({ input: 'private-key', why: 'is an OpenTok project (api-key), which signs with api-secret' });
    }
    const type = values.get('type')?.value.trim().toLowerCase();
    if (type === 'azure' && given('secret-key'))
        unusable.push({ input: 'secret-key', why: 'is an Azure target (type: azure), which uses account-key' });
    if ((type === undefined || type === 's3') && given('account-key'))
        unusable.push({ input: 'account-key', why: 'is an S3 target, which uses secret-key' });
    return unusable;
}
/**
 * Whether a `certificate` value names a file rather than holding PEM or base64 text: one line
 * without PEM markers or spaces that has a '/' or a file extension, and is short (a base64 PEM,
 * which may hold '/', is over a thousand characters).
 */
function isCertificatePath(value) {
    if (value === '' || value.length > 512 || value.includes('-----') || /\s|\\/.test(value))
        return false;
    return /\.[A-Za-z0-9]{1,8}$/.test(value) || (value.includes('/') && /^[\w./~-]+$/.test(value) && !value.startsWith('LS0tLS1'));
}
/** A `certificate` that is a path is replaced by the file's text; a private key in that file is masked at once. */
async function withCertificateFile(settings, workspace, mask) {
    const value = settings.read('certificate').trim();
    if (!isCertificatePath(value))
        return { ok: true, settings };
    const origin = settings.origin('certificate');
    const where = origin.kind === 'file'
        ? { file: origin.file, line: origin.line, ...(origin.column === undefined ? {} : { column: origin.column }) }
        : {};
    const read = await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .readInWorkspace */ .Z3)(workspace, value);
    if (!read.ok) {
        const message = {
            outside: `'certificate' as a path must name a file inside the repository's workspace; got '${value}'.`,
            missing: `'certificate' names the file ${value}, but there is no such file in the workspace: check out the repository first, or fix the path.`,
            'link-outside': `'certificate' names ${value}, a symbolic link that leads outside the workspace; it is not read.`,
            unreadable: `'certificate' names the file ${value}, which could not be read (${read.code ?? 'unknown error'}).`
        }[read.why];
        return { ok: false, problems: [...settings.problems, { input: 'certificate', message, ...where }] };
    }
    const text = read.text;
    if ((0,_pem_js__WEBPACK_IMPORTED_MODULE_3__/* .holdsPrivateKey */ .j)(text))
        for (const secret of (0,_inputs_index_js__WEBPACK_IMPORTED_MODULE_0__/* .maskValuesOf */ .sg)(text))
            mask(secret);
    return {
        ok: true,
        settings: { ...settings, read: name => (name === 'certificate' ? text : settings.read(name)) }
    };
}


/***/ }),

/***/ 1134:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   SJ: () => (/* binding */ shownBody),
/* harmony export */   ff: () => (/* binding */ describeTarget),
/* harmony export */   mK: () => (/* binding */ buildRequest)
/* harmony export */ });
/* unused harmony export buildBody */
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6822);

/**
 * `PUT|DELETE {api-url}/v2/project/{API key or application ID}/archive/storage`, with the body for
 * a PUT. The body holds the storage secret: never print it as it is.
 */
function buildRequest(plan) {
    // Both IDs are validated to letters, digits and '-', so they are safe in the path as they are.
    const url = `${plan.apiUrl}/v2/project/${(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .projectIdOf */ .QK)(plan.credentials)}/archive/storage`;
    if (plan.operation === 'delete')
        return { method: 'DELETE', url };
    if (plan.target === undefined)
        throw new Error('a set operation needs a storage target');
    return { method: 'PUT', url, body: JSON.stringify(buildBody(plan, plan.target)) };
}
/** The PUT body: type, config, fallback, and certificate when it is to change. */
function buildBody(plan, target) {
    const config = target.type === 's3'
        ? {
            bucket: target.bucket,
            accessKey: target.accessKey,
            secretKey: target.secretKey,
            ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
            sse: target.sse
        }
        : {
            accountName: target.accountName,
            accountKey: target.accountKey,
            container: target.container,
            ...(target.domain === undefined ? {} : { domain: target.domain })
        };
    const body = { type: target.type, config, fallback: plan.fallback };
    if (plan.certificate.kind === 'off')
        body.certificate = null;
    if (plan.certificate.kind === 'set')
        body.certificate = Buffer.from(plan.certificate.pem, 'utf8').toString('base64');
    return body;
}
/** A description of the target that names no secret: `s3://bucket` or `azure://account/container`. */
function describeTarget(target) {
    if (target === undefined)
        return '';
    return target.type === 's3' ? `s3://${target.bucket}` : `azure://${target.accountName}/${target.container}`;
}
/**
 * The PUT body as a dry run shows it: built from the plan with every secret left out by
 * construction ('***'), and the certificate named rather than pasted.
 */
function shownBody(plan) {
    const target = plan.target;
    if (plan.operation === 'delete' || target === undefined)
        return undefined;
    const hidden = target.type === 's3' ? { ...target, secretKey: '***' } : { ...target, accountKey: '***' };
    const body = buildBody(plan, hidden);
    if (plan.certificate.kind === 'set')
        body.certificate = `(base64 of the certificate ${plan.certificate.subject})`;
    return JSON.stringify(body);
}


/***/ }),

/***/ 6064:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ explainFailure),
/* harmony export */   t: () => (/* binding */ apiUrlHint)
/* harmony export */ });
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6822);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6670);


/** The failure message for a non-2xx answer, naming the inputs to check and no secret. */
function explainFailure(credentials, outgoing, answer, secrets) {
    const what = `${outgoing.method} ${outgoing.url} answered ${answer.status}`;
    if (answer.status === 401 || answer.status === 403)
        return `${what}: ${(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .refusedCredentials */ .PK)(credentials)}`;
    const vendorMessage = messageOf(answer.body);
    const said = vendorMessage === undefined ? '' : ` ${(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .vendorName */ .gR)(credentials)} said: "${(0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(vendorMessage, secrets)}".`;
    if (answer.status === 400) {
        const refused = outgoing.method === 'GET'
            ? 'the request was refused as invalid'
            : 'the request was refused as invalid JSON data or as missing the upload target';
        return `${what}: ${refused}.${said}`;
    }
    if (answer.status === 404) {
        const id = credentials.platform === 'opentok' ? "'api-key'" : "'application-id'";
        return `${what}: no such project at this address. Check ${id} and 'api-url'.${said}`;
    }
    return `${what}.${said}`;
}
function messageOf(body) {
    try {
        const parsed = JSON.parse(body);
        if (parsed !== null && typeof parsed === 'object' && 'message' in parsed && typeof parsed.message === 'string') {
            return parsed.message;
        }
    }
    catch {
        // not JSON: no vendor message to quote
    }
    return undefined;
}
/**
 * When the vendor's host does not resolve or refuses connections, the address came from
 * 'api-url' (given, or the platform's default): say so. Empty for other failures.
 */
function apiUrlHint(plan, failure) {
    if (failure === undefined || !/^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH)\b/.test(failure))
        return '';
    return ` The vendor's address is 'api-url' (${plan.apiUrl}): check it, or this runner's network and proxy.`;
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _O: () => (/* binding */ USER_AGENT)
/* harmony export */ });
/* unused harmony exports ACTION_NAME, ACTION_VERSION */
/** The action's name and version, sent in the User-Agent. Kept equal to package.json by a test. */
const ACTION_NAME = 'opentok-archive-target-action';
const ACTION_VERSION = '1.1.0';
/** The User-Agent of every request the action sends. */
const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = require("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = require("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = require("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = require("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = require("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = require("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = require("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = require("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = require("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = require("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = require("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = require("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = require("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = require("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = require("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = require("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = require("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = require("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = require("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = require("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = require("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = require("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = require("stream");

/***/ }),

/***/ 5574:
/***/ ((module) => {

module.exports = require("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = require("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = require("util");

/***/ }),

/***/ 3000:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ debug),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  pq: () => (/* binding */ info),
  _o: () => (/* binding */ isDebug),
  lm: () => (/* binding */ notice),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ setSecret),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, endGroup, exportVariable, getBooleanInput, getIDToken, getMultilineInput, getState, group, markdownSummary, platform, saveState, setCommandEcho, startGroup, summary, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: external "crypto"
var external_crypto_ = __nccwpck_require__(6982);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = require("path");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return __awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return __awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ }),

/***/ 1170:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ summary)
/* harmony export */ });
/* unused harmony exports SUMMARY_ENV_VAR, SUMMARY_DOCS_URL, markdownSummary */
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(857);
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9896);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = fs__WEBPACK_IMPORTED_MODULE_1__.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, fs__WEBPACK_IMPORTED_MODULE_1__.constants.R_OK | fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(os__WEBPACK_IMPORTED_MODULE_0__.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map

/***/ }),

/***/ 7157:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ Context)
/* harmony export */ });
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9896);
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(857);


class Context {
    /**
     * Hydrate the context from the environment
     */
    constructor() {
        var _a, _b, _c;
        this.payload = {};
        if (process.env.GITHUB_EVENT_PATH) {
            if ((0,fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(process.env.GITHUB_EVENT_PATH)) {
                this.payload = JSON.parse((0,fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(process.env.GITHUB_EVENT_PATH, { encoding: 'utf8' }));
            }
            else {
                const path = process.env.GITHUB_EVENT_PATH;
                process.stdout.write(`GITHUB_EVENT_PATH ${path} does not exist${os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
            }
        }
        this.eventName = process.env.GITHUB_EVENT_NAME;
        this.sha = process.env.GITHUB_SHA;
        this.ref = process.env.GITHUB_REF;
        this.workflow = process.env.GITHUB_WORKFLOW;
        this.action = process.env.GITHUB_ACTION;
        this.actor = process.env.GITHUB_ACTOR;
        this.job = process.env.GITHUB_JOB;
        this.runAttempt = parseInt(process.env.GITHUB_RUN_ATTEMPT, 10);
        this.runNumber = parseInt(process.env.GITHUB_RUN_NUMBER, 10);
        this.runId = parseInt(process.env.GITHUB_RUN_ID, 10);
        this.apiUrl = (_a = process.env.GITHUB_API_URL) !== null && _a !== void 0 ? _a : `https://api.github.com`;
        this.serverUrl = (_b = process.env.GITHUB_SERVER_URL) !== null && _b !== void 0 ? _b : `https://github.com`;
        this.graphqlUrl =
            (_c = process.env.GITHUB_GRAPHQL_URL) !== null && _c !== void 0 ? _c : `https://api.github.com/graphql`;
    }
    get issue() {
        const payload = this.payload;
        return Object.assign(Object.assign({}, this.repo), { number: (payload.issue || payload.pull_request || payload).number });
    }
    get repo() {
        if (process.env.GITHUB_REPOSITORY) {
            const [owner, repo] = process.env.GITHUB_REPOSITORY.split('/');
            return { owner, repo };
        }
        if (this.payload.repository) {
            return {
                owner: this.payload.repository.owner.login,
                repo: this.payload.repository.name
            };
        }
        throw new Error("context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'");
    }
}
//# sourceMappingURL=context.js.map

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/compat */
/******/ 	
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 4 modules
var core = __nccwpck_require__(3000);
// EXTERNAL MODULE: ./src/log.ts
var log = __nccwpck_require__(5625);
// EXTERNAL MODULE: ./src/http.ts
var http = __nccwpck_require__(6803);
// EXTERNAL MODULE: ./src/inputs/index.ts + 5 modules
var inputs = __nccwpck_require__(7778);
// EXTERNAL MODULE: ./src/sources/files.ts + 1 modules
var files = __nccwpck_require__(8986);
// EXTERNAL MODULE: ./src/sources/settings.ts
var sources_settings = __nccwpck_require__(3181);
;// CONCATENATED MODULE: ./src/gather.ts
/**
 * From the inputs (and the configuration file) to one validated Plan, or to every problem found
 * at once; and, on a pull request, the guard that a run with secrets sends only to the storage
 * host the base already had. Nothing here sends a request but the guard's read of the base file.
 */





/** Reads the settings and validates them; prints the notices and warnings found on the way. */
async function gatherPlan(deps) {
    const gathered = await (0,sources_settings/* readSettings */.s)(deps.readInput, deps.workspace, core/* setSecret */.Pq);
    if (!gathered.ok)
        return { ok: false, problems: gathered.problems };
    const { settings } = gathered;
    for (const notice of settings.notices)
        log/* notice */.lm(notice);
    for (const warning of settings.warnings ?? [])
        log/* warning */.$e(warning);
    const result = (0,inputs/* readPlan */.m3)(settings.read, new Date(deps.clock.now()));
    for (const notice of result.notices)
        log/* notice */.lm(notice);
    for (const warning of result.warnings)
        log/* warning */.$e(warning);
    // Every problem at once: of the file and its conflicts, then of the values, each setting named once.
    const named = new Set(settings.problems.map(problem => problem.input));
    const problems = [
        ...settings.problems,
        ...(result.ok
            ? []
            : result.problems.filter(problem => !named.has(problem.input)).map(problem => locate(problem, settings.origin(problem.input))))
    ];
    if (!result.ok || problems.length > 0)
        return { ok: false, problems };
    // A configuration file naturally holds a project's target; only inputs given to a delete or an audit are worth a warning.
    const ignored = result.ignored.filter(name => settings.origin(name).kind === 'input');
    if (ignored.length > 0) {
        const why = result.plan.operation === 'delete' ? "operation 'delete' sends no storage settings" : "operation 'audit' changes no setting";
        log/* warning */.$e(`${why}; ignored: ${ignored.map(n => `'${n}'`).join(', ')}.`);
    }
    const plan = {
        ...result.plan,
        ...(settings.source === undefined ? {} : { source: settings.source }),
        ...(settings.project === undefined ? {} : { project: settings.project })
    };
    return { ok: true, plan, settings };
}
/**
 * On any event about a pull request (review/base.ts says which), a run runs what a branch may
 * have written. It never writes: `set`, `delete` and a rescue's copies are refused before anything
 * is sent, whatever the file says (a dry run, `plan` and an `audit` without rescue only read). And a run that holds secrets and takes
 * its storage host from the configuration file may only send to the host the base already had
 * (review/host-guard.ts). Runs without secrets, and other events (`merge_group` among them, which
 * runs reviewed code), are not judged.
 */
async function guardPullRequest(plan, settings, deps) {
    // Most runs are a push or a schedule: the event payload's reader loads only for an event that can be about a pull request.
    if (!MAYBE_PULL_REQUEST.has(deps.env.GITHUB_EVENT_NAME ?? ''))
        return undefined;
    const { pullRequestEventOf } = await __nccwpck_require__.e(/* import() */ 131).then(__nccwpck_require__.bind(__nccwpck_require__, 7131));
    const pullRequest = pullRequestEventOf(deps.env);
    if (pullRequest === undefined)
        return undefined;
    if ((plan.operation === 'set' || plan.operation === 'delete') && !plan.dryRun) {
        return {
            input: 'operation',
            message: `operation '${plan.operation}' is refused on a '${pullRequest.event}' run: it is about a pull request, whose branch may have written the file and the workflow, and such a run never changes the archive upload target. Show the change with 'operation: plan' (see examples/pull-request.yml), and apply it after merge, from reviewed code (examples/deploy.yml).`
        };
    }
    if (plan.operation === 'audit' && plan.audit?.rescue === true && !plan.dryRun) {
        return {
            input: 'rescue',
            message: `'rescue: true' is refused on a '${pullRequest.event}' run: it is about a pull request, and such a run never writes to the archive upload target. Audit without 'rescue' here, or as a dry run; rescue from the nightly audit of reviewed code (examples/enforce.yml).`
        };
    }
    if (settings.project === undefined)
        return undefined;
    // Without a secret nothing signed can be sent: a dry run without secrets is what pull requests should use.
    const holdsSecret = ['api-secret', 'private-key', 'secret-key', 'account-key'].some(name => settings.read(name).trim() !== '');
    if (!holdsSecret)
        return undefined;
    const { hostChangedByPullRequest } = await __nccwpck_require__.e(/* import() */ 856).then(__nccwpck_require__.bind(__nccwpck_require__, 6856));
    const file = deps.readInput('config-file').trim() || files/* DEFAULT_CONFIG_FILE */.Cu;
    return hostChangedByPullRequest({
        plan,
        file,
        project: settings.project,
        origin: settings.origin,
        workspace: deps.workspace,
        env: deps.env,
        token: deps.readInput('github-token').trim(),
        now: new Date(deps.clock.now()),
        mask: core/* setSecret */.Pq
    });
}
/** The event's name when the run is about a pull request, else undefined. */
async function pullRequestEventName(env) {
    if (!MAYBE_PULL_REQUEST.has(env.GITHUB_EVENT_NAME ?? ''))
        return undefined;
    const { pullRequestEventOf } = await __nccwpck_require__.e(/* import() */ 131).then(__nccwpck_require__.bind(__nccwpck_require__, 7131));
    return pullRequestEventOf(env)?.event;
}
/** The events that can be about a pull request (review/base.ts tells which are). */
const MAYBE_PULL_REQUEST = new Set([
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment',
    'issue_comment',
    'workflow_run'
]);
/** A validation problem with the source of the setting it is about. */
function locate(problem, origin) {
    if (origin.kind === 'input')
        return problem;
    return {
        ...problem,
        message: `project '${origin.project}': ${problem.message}`,
        file: origin.file,
        line: origin.line,
        ...(origin.column === undefined ? {} : { column: origin.column })
    };
}

// EXTERNAL MODULE: ./src/inputs/findings.ts
var findings = __nccwpck_require__(2163);
// EXTERNAL MODULE: ./src/inputs/secrets.ts
var secrets = __nccwpck_require__(3332);
;// CONCATENATED MODULE: ./src/inputs/limits.ts
/**
 * The longest value each input takes, checked first, before any value is read for meaning: a
 * value pasted by mistake (a 100 kB `project`, a whole file in `account-key`) is refused with the
 * limit, and only a short start of it is ever echoed (none of a secret).
 */


/** PEM text: a private key or a certificate chain, in any pasted form (base64 of PEM among them). */
const PEM_LIMIT = 64 * 1024;
/** Every input of action.yml and its limit in characters; a test keeps this list equal to action.yml's. */
const INPUT_LIMITS = {
    'config-file': 1024,
    project: 64,
    'api-key': 64,
    // An application's private key may come in 'api-secret', as the OpenTok SDKs take it.
    'api-secret': PEM_LIMIT,
    'application-id': 64,
    'private-key': PEM_LIMIT,
    operation: 16,
    type: 16,
    bucket: 255,
    'access-key': 128,
    'secret-key': 1024,
    endpoint: 1024,
    sse: 16,
    'account-name': 64,
    'account-key': 1024,
    container: 63,
    domain: 253,
    fallback: 16,
    certificate: PEM_LIMIT,
    verify: 16,
    'api-url': 1024,
    'dry-run': 16,
    since: 64,
    'upload-grace': 16,
    'tracking-issue': 16,
    rescue: 16,
    'rescue-max-bytes': 32,
    base: 255,
    comment: 16,
    'github-token': 1024,
    'fail-on-error': 16,
    'max-attempts': 16,
    'timeout-seconds': 16
};
/** The inputs longer than their limit, each with the limit and, unless it is a secret, the start of what was given. */
function overlongInputs(read) {
    const problems = [];
    for (const [name, limit] of Object.entries(INPUT_LIMITS)) {
        const value = read(name).trim();
        if (value.length <= limit)
            continue;
        const start = secrets/* SECRET_INPUTS */.pH.includes(name) ? '' : `, starting '${(0,findings/* shown */.SP)(value)}'`;
        problems.push({ input: name, message: `'${name}' is ${value.length} characters long${start}; it takes at most ${limit}.` });
    }
    return problems;
}

// EXTERNAL MODULE: ./src/platform.ts + 1 modules
var platform = __nccwpck_require__(6822);
// EXTERNAL MODULE: ./src/plan-secrets.ts
var plan_secrets = __nccwpck_require__(7488);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __nccwpck_require__(6670);
// EXTERNAL MODULE: ./src/report.ts
var src_report = __nccwpck_require__(665);
// EXTERNAL MODULE: ./src/storage.ts
var storage = __nccwpck_require__(1134);
// EXTERNAL MODULE: ./src/vendor-answer.ts
var vendor_answer = __nccwpck_require__(6064);
// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/operations/apply.ts
/** `set` and `delete`: check the storage, send the vendor's storage call, report. */










/** Sets or removes the archive upload target that `plan` describes. */
async function apply(plan, deps) {
    const secrets = (0,plan_secrets/* secretValuesOf */.W)(plan);
    const outgoing = (0,storage/* buildRequest */.mK)(plan);
    const vendor = (0,platform/* vendorName */.gR)(plan.credentials);
    const doing = plan.operation === 'set' ? 'setting' : 'removing';
    const mode = plan.dryRun ? `Dry run of ${doing}` : `${doing.charAt(0).toUpperCase()}${doing.slice(1)}`;
    log/* info */.pq(`${mode} the archive upload target of ${(0,platform/* describeProject */.dU)(plan.credentials)} through ${plan.apiUrl}.`);
    noteWithheldSecrets(plan);
    let check = {
        verified: 'skipped',
        summary: plan.operation === 'set' ? "skipped ('verify' is false)" : 'not needed for delete'
    };
    const storageSecretWithheld = plan.withheldSecrets.some(name => name === 'secret-key' || name === 'account-key');
    if (plan.operation === 'set' && plan.verify && plan.aboutPullRequest !== undefined) {
        check = { verified: 'skipped', summary: `skipped: it writes a probe object, and a '${plan.aboutPullRequest}' run writes nothing` };
        log/* notice */.lm(`Storage check skipped: it writes and deletes a probe object, and a run about a pull request ('${plan.aboutPullRequest}') writes nothing. The check runs when the target is set from reviewed code.`);
    }
    else if (plan.operation === 'set' && plan.verify && storageSecretWithheld) {
        check = { verified: 'skipped', summary: 'skipped: the storage secret was not given (dry run)' };
        log/* notice */.lm('Storage check skipped: it writes with the storage secret, which this run was not given.');
    }
    else if (plan.operation === 'set' && plan.verify) {
        check = await deps.verifyStorage(plan, deps.transport, deps.clock);
        for (const warning of check.warnings ?? [])
            log/* warning */.$e((0,redact/* scrub */._I)(warning, secrets));
        if (check.error !== undefined) {
            await finish(plan, deps, { plan, attempts: 0, verified: check.verified, verification: check.summary, result: 'not sent: the storage check failed' }, check.error);
            return;
        }
        log/* info */.pq(`Storage check: ${check.summary}`);
    }
    if (plan.dryRun) {
        log/* info */.pq(`Dry run: would send ${outgoing.method} ${outgoing.url}`);
        const shown = (0,storage/* shownBody */.SJ)(plan);
        if (shown !== undefined)
            log/* info */.pq(`Body (secrets redacted): ${shown}`);
        log/* info */.pq(`Nothing was sent to ${vendor}.`);
        await finish(plan, deps, {
            plan,
            attempts: 0,
            verified: check.verified,
            verification: check.summary,
            result: 'dry run: valid, nothing sent'
        });
        return;
    }
    const outcome = await (0,http/* sendWithRetries */.HI)(deps.transport, outgoing, async () => ({
        ...(await (0,platform/* authHeaders */.Pw)(plan.credentials, deps.clock.now(), core/* setSecret */.Pq)),
        // Only the PUT has a body; a DELETE says nothing of a content type.
        ...(outgoing.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        Accept: 'application/json',
        'User-Agent': version/* USER_AGENT */._O
    }), { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 }, deps.clock, log/* sendLog */.ll);
    const answer = outcome.answer;
    if (answer !== undefined && log/* isDebug */._o())
        log/* debug */.Yz(`Response body (secrets redacted): ${(0,redact/* redact */.E$)(answer.body, secrets)}`);
    const base = { plan, attempts: outcome.attempts, verified: check.verified, verification: check.summary };
    if (answer === undefined) {
        await finish(plan, deps, { ...base, result: 'no answer' }, `${(0,http/* noAnswerMessage */.J1)(outgoing, outcome)}${(0,vendor_answer/* apiUrlHint */.t)(plan, outcome.failure)}`);
        return;
    }
    const report = { ...base, status: answer.status };
    if (answer.status >= 200 && answer.status < 300) {
        const done = plan.operation === 'set' ? `archive upload target set to ${(0,storage/* describeTarget */.ff)(plan.target)}` : 'archive upload target removed';
        log/* info */.pq(`${vendor} answered ${answer.status}: ${done}.`);
        await finish(plan, deps, { ...report, result: done });
        return;
    }
    const message = (0,vendor_answer/* explainFailure */.S)(plan.credentials, outgoing, answer, secrets);
    await finish(plan, deps, { ...report, result: `failed: HTTP ${answer.status}` }, message);
}
/** A dry run may leave secrets out (a pull request from a fork gets none): say which, once. */
function noteWithheldSecrets(plan) {
    if (plan.withheldSecrets.length === 0)
        return;
    log/* notice */.lm(`Dry run without ${plan.withheldSecrets.map(n => `'${n}'`).join(', ')} (a pull request from a fork gets no secrets): every setting was validated; what needs the secrets is skipped.`);
}
/** Reports the run; with `failure`, fails the step, or warns when 'fail-on-error' is false. */
async function finish(plan, deps, report, failure) {
    (0,src_report/* setOutputs */.n0)(report, (0,src_report/* resultOf */.Bg)(report, failure !== undefined));
    if (failure !== undefined) {
        // A last net: whatever a message quotes, no form of a secret leaves the action.
        const safe = (0,redact/* scrub */._I)(failure, (0,plan_secrets/* secretValuesOf */.W)(plan));
        const answered = report.status !== undefined;
        if (answered && !plan.failOnError)
            log/* warning */.$e(`${safe} The step stays green because 'fail-on-error' is false.`);
        else
            log/* fail */.fJ(safe);
    }
    try {
        await (0,src_report/* writeSummary */.Sy)(report, await deps.runContext());
    }
    catch (error) {
        log/* warning */.$e(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
}

// EXTERNAL MODULE: ./src/proxy.ts
var proxy = __nccwpck_require__(8903);
// EXTERNAL MODULE: ./src/refuse.ts
var refuse = __nccwpck_require__(3235);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/context.js
var context = __nccwpck_require__(7157);
;// CONCATENATED MODULE: ./node_modules/@actions/github/lib/github.js


const github_context = new context/* Context */.o();
/**
 * Returns a hydrated octokit ready to use for GitHub Actions
 *
 * @param     token    the repo PAT or GITHUB_TOKEN
 * @param     options  other options to set
 */
function getOctokit(token, options, ...additionalPlugins) {
    const GitHubWithPlugins = GitHub.plugin(...additionalPlugins);
    return new GitHubWithPlugins(getOctokitOptions(token, options));
}
//# sourceMappingURL=github.js.map
;// CONCATENATED MODULE: ./src/run-context.ts
/** The repository, workflow and run this step belongs to, for the job summary. */

/** Reads the runner's context through @actions/github; empty outside a runner. */
async function currentRunContext() {
    if (!process.env.GITHUB_REPOSITORY)
        return {};
    const repository = `${github_context.repo.owner}/${github_context.repo.repo}`;
    // Local runs (local-action, a laptop) may have no run number or ID: leave them out rather than show NaN.
    const number = Number.isInteger(github_context.runNumber) ? ` #${github_context.runNumber}` : '';
    return {
        repository,
        workflow: `${github_context.workflow || 'workflow'}${number}`,
        ...(Number.isInteger(github_context.runId) ? { runUrl: `${github_context.serverUrl}/${repository}/actions/runs/${github_context.runId}` } : {})
    };
}

;// CONCATENATED MODULE: ./src/main.ts
/** run(): the one place that sequences the steps of the action and sets the step's result. */










/** The storage clients load only when a check runs: most of the bundle's start-up does not need them. */
const checkStorage = async (plan, transport, clock) => {
    const { makeStorageVerifier } = await Promise.all(/* import() */[__nccwpck_require__.e(242), __nccwpck_require__.e(96)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8096));
    return makeStorageVerifier(log/* sendLog */.ll)(plan, transport, clock);
};
/** Runs the action: mask the secrets, gather and check the settings, then carry out the operation. */
async function run(overrides = {}) {
    const env = overrides.env ?? process.env;
    const deps = {
        readInput: readEachInputOnce(name => core/* getInput */.V4(name)),
        env,
        clock: http/* systemClock */.ml,
        transport: new http/* Transport */.oK(undefined, env),
        verifyStorage: checkStorage,
        runContext: currentRunContext,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        ...overrides
    };
    try {
        // Secrets first: nothing below may print one before the runner knows to mask it.
        (0,inputs/* maskSecretInputs */.q)(deps.readInput, core/* setSecret */.Pq);
        (0,proxy/* maskProxyCredentials */.P_)(deps.env, core/* setSecret */.Pq);
        const unusable = [...overlongInputs(deps.readInput), ...(0,proxy/* proxyProblems */.Dg)(deps.env)];
        if (unusable.length > 0) {
            await (0,refuse/* refuse */.T)(unusable, deps.runContext);
            return;
        }
        if (deps.readInput('operation').trim().toLowerCase() === 'plan') {
            // A plan reads every project of the file, at two revisions, and needs no secret: it has its own reader.
            await (await __nccwpck_require__.e(/* import() */ 528).then(__nccwpck_require__.bind(__nccwpck_require__, 8528))).plan(deps);
            return;
        }
        const gathered = await gatherPlan(deps);
        if (!gathered.ok) {
            await (0,refuse/* refuse */.T)(gathered.problems, deps.runContext);
            return;
        }
        const { settings } = gathered;
        const guarded = await guardPullRequest(gathered.plan, settings, deps);
        if (guarded !== undefined) {
            await (0,refuse/* refuse */.T)([guarded], deps.runContext);
            return;
        }
        const aboutPullRequest = await pullRequestEventName(deps.env);
        const plan = aboutPullRequest === undefined ? gathered.plan : { ...gathered.plan, aboutPullRequest };
        await operationFor(plan)(plan, deps);
    }
    catch (error) {
        // A last resort: the message only, never a stack trace.
        log/* fail */.fJ(`Unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    }
    finally {
        await deps.transport.close();
    }
}
/** The operation that carries out `plan`; each lives in its own module under operations/. */
function operationFor(plan) {
    if (plan.operation === 'audit') {
        // The audit and its clients load only when an audit runs: a set or delete never parses them.
        return async (auditPlan, deps) => (await Promise.all(/* import() */[__nccwpck_require__.e(242), __nccwpck_require__.e(534)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5534))).audit(auditPlan, deps);
    }
    return apply;
}
/** Validation looks at some inputs more than once; the runner's environment is read once per input. */
function readEachInputOnce(read) {
    const seen = new Map();
    return name => {
        let value = seen.get(name);
        if (value === undefined)
            seen.set(name, (value = read(name)));
        return value;
    };
}

;// CONCATENATED MODULE: ./src/index.ts
/** The action's entry point. */

// run() settles every outcome itself (the step's result, never a rejection), so nothing waits here.
void run();

module.exports = __webpack_exports__;
/******/ })()
;