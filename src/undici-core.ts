/**
 * The parts of undici this action uses: its dispatchers (Agent, EnvHttpProxyAgent) and its
 * request API, imported module by module rather than through undici's index, which also loads
 * fetch, WebSocket, EventSource, the cache and the mocks; the whole index costs twice the
 * load time (see README, "Performance"). The wiring below is what the index itself does.
 * http.ts imports this module on first use, so dry runs never load undici at all.
 */
import type { Dispatcher } from 'undici'
import DispatcherClass from 'undici/lib/dispatcher/dispatcher.js'
import AgentClass from 'undici/lib/dispatcher/agent.js'
import EnvHttpProxyAgentClass from 'undici/lib/dispatcher/env-http-proxy-agent.js'
import api from 'undici/lib/api/index.js'

// As undici's index does: request, stream, pipeline, upgrade and connect live on
// Dispatcher.prototype (the proxy agent tunnels with connect()).
Object.assign(DispatcherClass.prototype, api)

export const Agent = AgentClass
export const EnvHttpProxyAgent = EnvHttpProxyAgentClass

/** undici's request(): sends `options` to `url` through `options.dispatcher`. */
export function request(
  url: string,
  { dispatcher, ...options }: Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher: Dispatcher }
): Promise<Dispatcher.ResponseData> {
  const parsed = new URL(url)
  return dispatcher.request({ ...options, origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` })
}
