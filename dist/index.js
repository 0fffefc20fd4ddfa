/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 6803:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HI: () => (/* binding */ sendWithRetries),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   oK: () => (/* binding */ Transport)
/* harmony export */ });
/* unused harmony exports BACKOFF_BASE_MS, BACKOFF_CAP_MS, RETRY_AFTER_CAP_MS, isRetryableStatus, parseRetryAfter, backoffDelay, dispatcherFromEnvironment, AttemptTimeout, describeNetworkError */
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
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT'
]);
/** Whether a status is worth another attempt: timeouts, throttling and server errors. */
function isRetryableStatus(status) {
    return status === 408 || status === 429 || status >= 500;
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
    return _proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .PROXY_VARIABLES */ .b.some(name => env[name]) ? new EnvHttpProxyAgent() : new Agent();
}
/**
 * Sends one request to the storage or vendor API, with one undici dispatcher for the whole run.
 * undici is imported on first use: a dry run without a storage check never needs it, and it is
 * the largest part of the bundle.
 */
class Transport {
    makeDispatcher;
    dispatcher;
    constructor(makeDispatcher = dispatcherFromEnvironment) {
        this.makeDispatcher = makeDispatcher;
    }
    /** One attempt: the answer, or throws the network error; aborted after `timeoutMs`. */
    async once(method, url, headers, body, timeoutMs) {
        this.dispatcher ??= await this.makeDispatcher();
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
            const text = await response.body.text();
            return { status: response.statusCode, headers: response.headers, body: text };
        }
        catch (error) {
            if (controller.signal.aborted)
                throw new AttemptTimeout(timeoutMs);
            throw error;
        }
        finally {
            clearTimeout(timer);
        }
    }
    /** Closes pooled connections so the process can end at once. */
    async close() {
        const dispatcher = this.dispatcher;
        this.dispatcher = undefined;
        await dispatcher?.destroy();
    }
}
/** An attempt that got no full answer within its time. */
class AttemptTimeout extends Error {
    code = 'ATTEMPT_TIMEOUT';
    constructor(timeoutMs) {
        super(`no answer within ${timeoutMs / 1000} s`);
    }
}
/** A short, secret-free description of a network error, and whether it is safe to retry. */
function describeNetworkError(error) {
    if (error instanceof AttemptTimeout)
        return { reason: error.message, retryable: true };
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
        try {
            answer = await transport.once(outgoing.method, outgoing.url, await headers(), outgoing.body, policy.timeoutMs);
            log.debug(`${outgoing.method} ${outgoing.url} → ${answer.status} in ${clock.now() - started} ms`);
            reason = `HTTP ${answer.status}`;
            retryable = isRetryableStatus(answer.status);
        }
        catch (error) {
            ;
            ({ reason, retryable } = describeNetworkError(error));
            log.debug(`${outgoing.method} ${outgoing.url} failed after ${clock.now() - started} ms: ${reason}`);
        }
        if (!retryable || attempt >= policy.maxAttempts) {
            return answer === undefined ? { attempts: attempt, failure: reason } : { answer, attempts: attempt };
        }
        const retryAfter = answer !== undefined && (answer.status === 429 || answer.status === 503)
            ? parseRetryAfter(answer.headers['retry-after'], clock.now())
            : undefined;
        const wait = backoffDelay(attempt, clock.random(), retryAfter);
        log.info(`Attempt ${attempt} of ${policy.maxAttempts} failed (${reason}); retrying in ${(wait / 1000).toFixed(1)} s${retryAfter === undefined ? '' : ' as Retry-After asks'}.`);
        await clock.sleep(wait);
    }
}


/***/ }),

/***/ 8903:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ maskProxyCredentials),
/* harmony export */   b: () => (/* binding */ PROXY_VARIABLES)
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


/***/ }),

/***/ 6670:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ redact)
/* harmony export */ });
/* unused harmony export REDACTED */
/** Redaction of text that may hold secrets, such as the vendor's echo of the storage settings. */
const SECRET_FIELDS = new Set(['secretKey', 'accountKey', 'apiSecret', 'token', 'certificate']);
const MAX_SHOWN = 2000;
const REDACTED = '***';
/**
 * Returns `text` with every secret replaced: JSON fields that hold secrets by name, then every
 * occurrence of a known secret value, as it is and as JSON escapes it.
 */
function redact(text, secrets) {
    let result = text;
    try {
        result = JSON.stringify(JSON.parse(text, (key, value) => (SECRET_FIELDS.has(key) && value !== null ? REDACTED : value)));
    }
    catch {
        // Not JSON: redacted by value only.
    }
    for (const secret of secrets) {
        if (secret.length < 4)
            continue; // too short to replace without garbling the text; never printed on its own
        for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])) {
            result = result.split(form).join(REDACTED);
        }
    }
    return result.length > MAX_SHOWN ? `${result.slice(0, MAX_SHOWN)}… (${result.length - MAX_SHOWN} more characters)` : result;
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = require("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = require("crypto");

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

/***/ 7598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = require("node:diagnostics_channel");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = require("node:events");

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

/***/ 2203:
/***/ ((module) => {

module.exports = require("stream");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = require("util");

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
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
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

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = require("os");
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
function utils_toCommandProperties(annotationProperties) {
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
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
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
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = require("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
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
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
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
    process.stdout.write(external_os_namespaceObject.EOL);
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
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function core_warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
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
// EXTERNAL MODULE: ./src/http.ts
var http = __nccwpck_require__(6803);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/certificate.ts
/** Checks the encrypted-archiving certificate before it is sent to the vendor. */

const MAX_RSA_BITS = 2048;
const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;
/**
 * Reads the `certificate` input: empty leaves encryption unchanged, `none` turns it off,
 * anything else must be a PEM X.509 certificate with an RSA key of at most 2048 bits that
 * has not expired.
 */
function checkCertificate(raw, now) {
    const text = raw.trim();
    if (text === '')
        return { setting: { kind: 'unchanged' } };
    if (text === 'none')
        return { setting: { kind: 'off' } };
    if (!text.includes('-----BEGIN CERTIFICATE-----')) {
        return {
            error: "'certificate' must be the PEM text of an X.509 certificate (starting with -----BEGIN CERTIFICATE-----), 'none' to turn encryption off, or empty to leave it unchanged."
        };
    }
    let cert;
    try {
        cert = new external_node_crypto_.X509Certificate(text);
    }
    catch {
        return { error: "'certificate' could not be parsed as an X.509 certificate in PEM." };
    }
    const key = cert.publicKey;
    if (key.asymmetricKeyType !== 'rsa') {
        return {
            error: `'certificate' must hold an RSA public key; this one is ${key.asymmetricKeyType ?? 'of an unknown type'}.`
        };
    }
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits > MAX_RSA_BITS) {
        return {
            error: `'certificate' must hold an RSA key of at most ${MAX_RSA_BITS} bits; this one has ${bits}.`
        };
    }
    const validTo = new Date(cert.validTo);
    if (validTo.getTime() <= now.getTime()) {
        return { error: `'certificate' expired on ${validTo.toISOString()}.` };
    }
    const validFrom = new Date(cert.validFrom);
    if (validFrom.getTime() > now.getTime()) {
        return { error: `'certificate' is not valid before ${validFrom.toISOString()}.` };
    }
    const setting = {
        kind: 'set',
        pem: text,
        subject: cert.subject.replace(/\n/g, ', '),
        fingerprint256: cert.fingerprint256,
        validTo
    };
    const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / DAY_MS);
    if (daysLeft < EXPIRY_WARNING_DAYS) {
        return {
            setting,
            warning: `'certificate' expires in ${daysLeft} day(s), on ${validTo.toISOString()}: renew it, or archives made after that date cannot be encrypted with it.`
        };
    }
    return { setting };
}

;// CONCATENATED MODULE: ./src/inputs.ts
/** Reads the action's inputs into one validated Plan; every input error is found here, before any I/O. */

/** Inputs whose values are secrets: masked the moment they are read. */
const SECRET_INPUTS = ['api-secret', 'secret-key', 'account-key'];
const S3_INPUTS = ['bucket', 'access-key', 'secret-key', 'endpoint', 'sse'];
const AZURE_INPUTS = ['account-name', 'account-key', 'container', 'domain'];
const DEFAULT_API_URL = 'https://api.opentok.com';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
const MAX_LENGTH = 1024;
/** The secrets among the inputs, masked before anything else can fail and print them. */
function maskSecretInputs(read, mask) {
    for (const name of SECRET_INPUTS) {
        const value = read(name);
        if (value !== '')
            mask(value);
    }
}
/**
 * Validates every input and returns the plan, or every problem found at once.
 * `now` is used for the certificate's expiry check.
 */
function readPlan(read, now) {
    const problems = [];
    const warnings = [];
    const fail = (input, message) => {
        problems.push({ input, message });
        return undefined;
    };
    const text = (name) => read(name).trim();
    const required = (name, what) => {
        const value = text(name);
        if (value === '')
            return fail(name, `'${name}' is required${what}.`);
        if (value.length > MAX_LENGTH)
            return fail(name, `'${name}' is longer than ${MAX_LENGTH} characters.`);
        return value;
    };
    const oneOf = (name, allowed, fallbackValue) => {
        const value = text(name);
        if (value === '')
            return fallbackValue;
        if (allowed.includes(value))
            return value;
        return fail(name, `'${name}' must be one of ${allowed.map(a => `'${a}'`).join(', ')}; got '${shown(value)}'.`);
    };
    const flag = (name, fallbackValue) => {
        const value = text(name);
        if (value === '')
            return fallbackValue;
        if (['true', 'True', 'TRUE'].includes(value))
            return true;
        if (['false', 'False', 'FALSE'].includes(value))
            return false;
        return fail(name, `'${name}' must be 'true' or 'false'; got '${shown(value)}'.`);
    };
    const integer = (name, fallbackValue, min, max) => {
        const value = text(name);
        if (value === '')
            return fallbackValue;
        if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) {
            return fail(name, `'${name}' must be a whole number from ${min} to ${max}; got '${shown(value)}'.`);
        }
        return Number(value);
    };
    const apiKey = required('api-key', '');
    if (apiKey !== undefined && !/^[A-Za-z0-9-]{1,64}$/.test(apiKey)) {
        fail('api-key', "'api-key' must be the OpenTok API key or Vonage Video App ID: letters, digits and '-' only, at most 64.");
    }
    const apiSecret = required('api-secret', '');
    if (apiSecret !== undefined && /[\r\n]/.test(apiSecret)) {
        fail('api-secret', "'api-secret' must be a single line.");
    }
    const operation = oneOf('operation', ['set', 'delete'], 'set');
    const type = oneOf('type', ['s3', 'azure'], 's3');
    const fallback = oneOf('fallback', ['none', 'opentok'], 'none');
    const apiUrl = readApiUrl(text('api-url'), fail);
    const dryRun = flag('dry-run', false);
    const failOnError = flag('fail-on-error', true);
    const verify = flag('verify', true);
    const maxAttempts = integer('max-attempts', 3, 1, 10);
    const timeoutSeconds = integer('timeout-seconds', 30, 1, 600);
    let target;
    const certificateCheck = checkCertificate(read('certificate'), now);
    if (certificateCheck.error !== undefined)
        fail('certificate', certificateCheck.error);
    if (certificateCheck.warning !== undefined)
        warnings.push(certificateCheck.warning);
    if (operation === 'delete') {
        const ignored = [...S3_INPUTS, ...AZURE_INPUTS, 'certificate'].filter(name => text(name) !== '');
        if (ignored.length > 0) {
            warnings.push(`operation 'delete' sends no storage settings; ignored: ${ignored.map(n => `'${n}'`).join(', ')}.`);
        }
    }
    else if (type === 's3') {
        for (const name of AZURE_INPUTS) {
            if (text(name) !== '')
                fail(name, `'${name}' belongs to type 'azure'; remove it, or set 'type: azure'.`);
        }
        target = readS3Target(text, required, oneOf, fail);
    }
    else if (type === 'azure') {
        for (const name of S3_INPUTS) {
            if (text(name) !== '')
                fail(name, `'${name}' belongs to type 's3'; remove it, or set 'type: s3'.`);
        }
        target = readAzureTarget(text, required, fail);
    }
    if (problems.length > 0 ||
        apiKey === undefined ||
        apiSecret === undefined ||
        operation === undefined ||
        fallback === undefined ||
        apiUrl === undefined ||
        dryRun === undefined ||
        failOnError === undefined ||
        verify === undefined ||
        maxAttempts === undefined ||
        timeoutSeconds === undefined ||
        certificateCheck.setting === undefined ||
        (operation === 'set' && target === undefined)) {
        return { ok: false, problems, warnings };
    }
    return {
        ok: true,
        warnings,
        plan: {
            apiKey,
            apiSecret,
            operation,
            ...(target === undefined ? {} : { target }),
            fallback,
            certificate: operation === 'set' ? certificateCheck.setting : { kind: 'unchanged' },
            apiUrl,
            dryRun,
            failOnError,
            verify,
            maxAttempts,
            timeoutSeconds
        }
    };
}
function readS3Target(text, required, oneOf, fail) {
    const bucket = required('bucket', " when 'type' is 's3'");
    // Amazon's rules, widened to what S3-compatible services accept (underscores, upper case).
    if (bucket !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/.test(bucket)) {
        fail('bucket', "'bucket' must be a bucket name: 3 to 255 letters, digits, '.', '_' or '-', starting and ending with a letter or digit.");
    }
    const accessKey = required('access-key', " when 'type' is 's3'");
    if (accessKey !== undefined && !/^[\x21-\x7e]+$/.test(accessKey)) {
        fail('access-key', "'access-key' must be printable ASCII without spaces.");
    }
    const secretKey = required('secret-key', " when 'type' is 's3'");
    if (secretKey !== undefined && !/^[\x20-\x7e]+$/.test(secretKey)) {
        fail('secret-key', "'secret-key' must be printable ASCII on a single line.");
    }
    const endpoint = readEndpoint(text('endpoint'), fail);
    const sse = oneOf('sse', ['s3', 'none'], 's3');
    if (bucket === undefined || accessKey === undefined || secretKey === undefined || sse === undefined || endpoint === null) {
        return undefined;
    }
    return { type: 's3', bucket, accessKey, secretKey, ...(endpoint === undefined ? {} : { endpoint }), sse };
}
function readAzureTarget(text, required, fail) {
    const accountName = required('account-name', " when 'type' is 'azure'");
    if (accountName !== undefined && !/^[a-z0-9]{3,24}$/.test(accountName)) {
        fail('account-name', "'account-name' must be a storage account name: 3 to 24 lower-case letters and digits.");
    }
    const accountKey = required('account-key', " when 'type' is 'azure'");
    if (accountKey !== undefined && !/^[A-Za-z0-9+/]+={0,2}$/.test(accountKey)) {
        fail('account-key', "'account-key' must be the storage account's access key, in base64.");
    }
    const container = required('container', " when 'type' is 'azure'");
    if (container !== undefined && !/^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
        fail('container', "'container' must be a container name: 3 to 63 lower-case letters, digits and single '-', starting and ending with a letter or digit.");
    }
    const domain = text('domain');
    if (domain !== '' && !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(domain)) {
        fail('domain', "'domain' must be a domain name such as 'core.windows.net' (no scheme, no path), or empty for the public Azure cloud.");
    }
    if (accountName === undefined || accountKey === undefined || container === undefined)
        return undefined;
    return { type: 'azure', accountName, accountKey, container, ...(domain === '' ? {} : { domain: domain.toLowerCase() }) };
}
/** `undefined`: not given; `null`: given and wrong (already reported). */
function readEndpoint(value, fail) {
    if (value === '')
        return undefined;
    const url = parseUrl(value);
    if (url === undefined ||
        (url.protocol !== 'http:' && url.protocol !== 'https:') ||
        url.username !== '' ||
        url.password !== '' ||
        url.search !== '' ||
        url.hash !== '') {
        fail('endpoint', "'endpoint' must be the base URL of an S3-compatible service, starting with http:// or https:// (e.g. https://storage.googleapis.com), without credentials, query or fragment.");
        return null;
    }
    return value.replace(/\/+$/, '');
}
function readApiUrl(value, fail) {
    if (value === '')
        return DEFAULT_API_URL;
    const url = parseUrl(value);
    const allowed = "'api-url' must be an https:// URL such as https://api.opentok.com (http:// only for 127.0.0.1, ::1 or localhost), without credentials, query or fragment";
    if (url === undefined || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
        return fail('api-url', `${allowed}.`);
    }
    if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
        return fail('api-url', `${allowed}; plain http:// to '${url.hostname}' would send the API secret's token unencrypted.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return fail('api-url', `${allowed}.`);
    return url.href.replace(/\/+$/, '');
}
function parseUrl(value) {
    try {
        return new URL(value);
    }
    catch {
        return undefined;
    }
}
/** An input value as it can be quoted in a message: one line, not too long. */
function shown(value) {
    const oneLine = value.replace(/[\r\n\t]/g, ' ');
    return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}

// EXTERNAL MODULE: ./src/proxy.ts
var proxy = __nccwpck_require__(8903);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __nccwpck_require__(6670);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
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
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
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
        return summary_awaiter(this, void 0, void 0, function* () {
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
        return summary_awaiter(this, void 0, void 0, function* () {
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
        return this.addRaw(external_os_namespaceObject.EOL);
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
const summary_summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./src/storage.ts
/**
 * `PUT|DELETE {api-url}/v2/project/{apiKey}/archive/storage`, with the body for a PUT. The body
 * holds the storage secret: never print it as it is.
 */
function buildRequest(plan) {
    // api-key is validated to letters, digits and '-', so it is safe in the path as it is.
    const url = `${plan.apiUrl}/v2/project/${plan.apiKey}/archive/storage`;
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

;// CONCATENATED MODULE: ./src/report.ts
/** What the run tells the workflow: step outputs and the job summary, with every secret left out. */


/** Sets the step outputs: status, attempts, target, verified. */
function setOutputs(report, output = setOutput) {
    output('status', report.status === undefined ? '' : String(report.status));
    output('attempts', String(report.attempts));
    output('target', describeTarget(report.plan.target));
    output('verified', report.verified);
}
/** The summary rows, in order; every value is secret-free by construction. */
function summaryRows(report) {
    const { plan } = report;
    const rows = [
        ['Project', plan.apiKey],
        ['Operation', plan.operation]
    ];
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
    rows.push([
        'Status',
        report.status === undefined ? (plan.dryRun ? 'dry run: nothing was sent to the vendor' : 'no answer') : String(report.status)
    ], ['Attempts', String(report.attempts)], ['Result', report.result]);
    return rows;
}
function describeCertificate(plan) {
    const cert = plan.certificate;
    if (cert.kind === 'unchanged')
        return 'unchanged';
    if (cert.kind === 'off')
        return 'encryption turned off (null)';
    return `${cert.subject}; SHA-256 ${cert.fingerprint256}; expires ${cert.validTo.toISOString().slice(0, 10)}`;
}
/** Writes the job summary: a heading, the table and the run line. Does nothing outside a runner. */
async function writeSummary(report, context, summary = summary_summary) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const heading = report.plan.dryRun ? 'OpenTok archive upload target (dry run)' : 'OpenTok archive upload target';
    summary.addHeading(heading, 3).addTable([
        [
            { data: 'Field', header: true },
            { data: 'Value', header: true }
        ],
        ...summaryRows(report).map(([field, value]) => [escapeHtml(field), escapeHtml(value)])
    ]);
    if (context.repository !== undefined) {
        const line = `${context.repository} · ${context.workflow ?? 'workflow'}`;
        summary.addRaw(context.runUrl === undefined ? escapeHtml(line) : `<a href="${escapeHtml(context.runUrl)}">${escapeHtml(line)}</a>`, true);
    }
    await summary.write();
}
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./node_modules/@actions/github/lib/context.js


class Context {
    /**
     * Hydrate the context from the environment
     */
    constructor() {
        var _a, _b, _c;
        this.payload = {};
        if (process.env.GITHUB_EVENT_PATH) {
            if ((0,external_fs_namespaceObject.existsSync)(process.env.GITHUB_EVENT_PATH)) {
                this.payload = JSON.parse((0,external_fs_namespaceObject.readFileSync)(process.env.GITHUB_EVENT_PATH, { encoding: 'utf8' }));
            }
            else {
                const path = process.env.GITHUB_EVENT_PATH;
                process.stdout.write(`GITHUB_EVENT_PATH ${path} does not exist${external_os_namespaceObject.EOL}`);
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
;// CONCATENATED MODULE: ./node_modules/@actions/github/lib/github.js


const context = new Context();
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
    const repository = `${context.repo.owner}/${context.repo.repo}`;
    return {
        repository,
        workflow: `${context.workflow} #${context.runNumber}`,
        runUrl: `${context.serverUrl}/${repository}/actions/runs/${context.runId}`
    };
}

;// CONCATENATED MODULE: ./src/token.ts
/** The X-OPENTOK-AUTH token: a short-lived HS256 JWT signed with the project's API secret. */

/** Seconds a token is valid: the vendor allows at most 5 minutes and recommends about 3. */
const TOKEN_LIFETIME_SECONDS = 180;
/**
 * Makes a fresh project token; `nowMs` is the clock, injectable for tests. jsonwebtoken is
 * imported on first use, since dry runs sign nothing.
 */
async function makeProjectToken(apiKey, apiSecret, nowMs) {
    const { default: jwt } = await __nccwpck_require__.e(/* import() */ 653).then(__nccwpck_require__.t.bind(__nccwpck_require__, 9653, 23));
    const iat = Math.floor(nowMs / 1000);
    return jwt.sign({ iss: apiKey, ist: 'project', iat, exp: iat + TOKEN_LIFETIME_SECONDS, jti: (0,external_node_crypto_.randomUUID)() }, apiSecret, {
        algorithm: 'HS256',
        header: { alg: 'HS256', typ: 'JWT' }
    });
}

;// CONCATENATED MODULE: ./src/version.ts
/** The action's name and version, sent in the User-Agent. Kept equal to package.json by a test. */
const ACTION_NAME = 'opentok-archive-target-action';
const ACTION_VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/main.ts
/** run(): the one place that sequences the steps of the action and sets the step's result. */










const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;
/** The storage clients load only when a check runs: most of the bundle's start-up does not need them. */
const checkStorage = async (plan, transport, clock) => {
    const { makeStorageVerifier } = await __nccwpck_require__.e(/* import() */ 775).then(__nccwpck_require__.bind(__nccwpck_require__, 5775));
    return makeStorageVerifier({ info: info, debug: debug })(plan, transport, clock);
};
/** Runs the action: read and check the inputs, verify the storage, send, report. */
async function run(overrides = {}) {
    const deps = {
        readInput: readEachInputOnce(name => getInput(name)),
        env: process.env,
        clock: http/* systemClock */.ml,
        transport: new http/* Transport */.oK(),
        verifyStorage: checkStorage,
        runContext: currentRunContext,
        ...overrides
    };
    try {
        // Secrets first: nothing below may print one before the runner knows to mask it.
        maskSecretInputs(deps.readInput, setSecret);
        (0,proxy/* maskProxyCredentials */.P)(deps.env, setSecret);
        const result = readPlan(deps.readInput, new Date(deps.clock.now()));
        for (const warning of result.warnings)
            core_warning(warning);
        if (!result.ok) {
            for (const problem of result.problems)
                error(problem.message, { title: `Invalid input: ${problem.input}` });
            setFailed(`${result.problems.length} input problem(s) in ${[...new Set(result.problems.map(p => `'${p.input}'`))].join(', ')}; nothing was sent.`);
            return;
        }
        await carryOut(result.plan, deps);
    }
    catch (error) {
        // A last resort: the message only, never a stack trace.
        setFailed(`Unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    }
    finally {
        await deps.transport.close();
    }
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
async function carryOut(plan, deps) {
    const secrets = secretValues(plan);
    const outgoing = buildRequest(plan);
    let check = {
        verified: 'skipped',
        summary: plan.operation === 'set' ? "skipped ('verify' is false)" : 'not needed for delete'
    };
    if (plan.operation === 'set' && plan.verify) {
        check = await deps.verifyStorage(plan, deps.transport, deps.clock);
        for (const warning of check.warnings ?? [])
            core_warning(warning);
        if (check.error !== undefined) {
            await finish(plan, deps, { plan, attempts: 0, verified: check.verified, verification: check.summary, result: 'not sent: the storage check failed' }, check.error);
            return;
        }
        info(`Storage check: ${check.summary}`);
    }
    if (plan.dryRun) {
        info(`Dry run: would send ${outgoing.method} ${outgoing.url}`);
        if (outgoing.body !== undefined)
            info(`Body (secrets redacted): ${(0,redact/* redact */.E)(outgoing.body, secrets)}`);
        info('Nothing was sent to the vendor.');
        await finish(plan, deps, {
            plan,
            attempts: 0,
            verified: check.verified,
            verification: check.summary,
            result: 'dry run: valid, nothing sent'
        });
        return;
    }
    const outcome = await (0,http/* sendWithRetries */.HI)(deps.transport, outgoing, async () => {
        const token = await makeProjectToken(plan.apiKey, plan.apiSecret, deps.clock.now());
        setSecret(token);
        return {
            'X-OPENTOK-AUTH': token,
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'User-Agent': USER_AGENT
        };
    }, { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 }, deps.clock, { info: info, debug: debug });
    const answer = outcome.answer;
    if (answer !== undefined && isDebug())
        debug(`Response body (secrets redacted): ${(0,redact/* redact */.E)(answer.body, secrets)}`);
    const base = { plan, attempts: outcome.attempts, verified: check.verified, verification: check.summary };
    if (answer === undefined) {
        const message = `${outgoing.method} ${outgoing.url} got no answer after ${outcome.attempts} attempt(s): ${outcome.failure ?? 'unknown error'}.`;
        await finish(plan, deps, { ...base, result: 'no answer' }, message);
        return;
    }
    const report = { ...base, status: answer.status };
    if (answer.status >= 200 && answer.status < 300) {
        const done = plan.operation === 'set' ? `archive upload target set to ${describeTarget(plan.target)}` : 'archive upload target removed';
        info(`OpenTok answered ${answer.status}: ${done}.`);
        await finish(plan, deps, { ...report, result: done });
        return;
    }
    const message = explainFailure(outgoing, answer, secrets);
    await finish(plan, deps, { ...report, result: `failed: HTTP ${answer.status}` }, message);
}
/** Reports the run; with `failure`, fails the step, or warns when 'fail-on-error' is false. */
async function finish(plan, deps, report, failure) {
    setOutputs(report);
    if (failure !== undefined) {
        const answered = report.status !== undefined;
        if (answered && !plan.failOnError)
            core_warning(`${failure} The step stays green because 'fail-on-error' is false.`);
        else
            setFailed(failure);
    }
    try {
        await writeSummary(report, await deps.runContext());
    }
    catch (error) {
        core_warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/** What a non-2xx answer means and what to do, naming no secret. */
function explainFailure(outgoing, answer, secrets) {
    const what = `${outgoing.method} ${outgoing.url} answered ${answer.status}`;
    if (answer.status === 403) {
        return `${what}: the API key or API secret is wrong. Check 'api-key' (the project's API key or Vonage Video App ID) and 'api-secret'.`;
    }
    if (answer.status === 400) {
        const vendorMessage = messageOf(answer.body);
        const said = vendorMessage === undefined ? '' : ` OpenTok said: "${(0,redact/* redact */.E)(vendorMessage, secrets)}".`;
        return `${what}: the request was refused as invalid JSON data or as missing the upload target.${said}`;
    }
    return `${what}.`;
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
function secretValues(plan) {
    const values = [plan.apiSecret];
    if (plan.target?.type === 's3')
        values.push(plan.target.secretKey);
    if (plan.target?.type === 'azure')
        values.push(plan.target.accountKey);
    return values;
}

;// CONCATENATED MODULE: ./src/index.ts
/** The action's entry point. */

// run() settles every outcome itself (the step's result, never a rejection), so nothing waits here.
void run();

module.exports = __webpack_exports__;
/******/ })()
;