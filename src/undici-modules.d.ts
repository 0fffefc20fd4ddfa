// Types for the undici modules that src/undici-core.ts loads by path; the package's own types
// describe them only through its index.
declare module 'undici/lib/dispatcher/dispatcher.js' {
  import type { Dispatcher } from 'undici'
  const DispatcherClass: { prototype: Dispatcher }
  export default DispatcherClass
}
declare module 'undici/lib/dispatcher/agent.js' {
  import type { Agent } from 'undici'
  const AgentClass: typeof Agent
  export default AgentClass
}
declare module 'undici/lib/dispatcher/env-http-proxy-agent.js' {
  import type { EnvHttpProxyAgent } from 'undici'
  const EnvHttpProxyAgentClass: typeof EnvHttpProxyAgent
  export default EnvHttpProxyAgentClass
}
declare module 'undici/lib/api/index.js' {
  const api: Record<string, unknown>
  export default api
}
