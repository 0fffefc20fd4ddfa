// @ts-check
/**
 * A loopback stand-in for the GitHub REST API, reached through GITHUB_API_URL: the calls the
 * audit's tracking issue makes (list a repository's issues by label and state, create, update,
 * comment), the plan's pull-request comment (list, create, update a comment) and the contents
 * API the plan reads a base commit's file through (raw). It keeps everything in memory, checks
 * the token on every request, and can play a token that may not write (403 "Resource not
 * accessible by integration"), as a fork's or one without the permission. Everything it stores has
 * an author (`user`, as the REST API gives it): the token's own identity, which GraphQL's `viewer`
 * names (github-actions[bot] by default, as for the job token), or another user a test plants.
 */
import { createServer } from 'node:http'

/**
 * @typedef {{ login: string, type: 'User' | 'Bot' }} Author
 * @typedef {{ number: number, title: string, body: string, state: 'open' | 'closed', state_reason?: string,
 *   labels: { name: string }[], html_url: string, comments: string[], user: Author }} StoredIssue
 * @typedef {{ method: string, path: string, auth: string | undefined, body: unknown }} SeenCall
 * @typedef {{ id: number, issue_number: number, body: string, html_url: string, user: Author }} StoredComment
 */

/** @param {{ token: string, owner?: string, repo?: string, login?: string, viewerFails?: boolean }} options */
export async function startGitHubStandIn(options) {
  const owner = options.owner ?? 'example-org'
  const repo = options.repo ?? 'video-app'
  const login = options.login ?? 'github-actions[bot]'
  /** @type {Author} */
  const self = { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
  /** @type {StoredIssue[]} */
  const issues = []
  /** @type {SeenCall[]} */
  const calls = []
  /** @type {StoredComment[]} every comment, on issues and pull requests alike */
  const comments = []
  /** @type {Map<string, string>} `${ref}:${path}` → text */
  const files = new Map()
  let readOnly = false
  const base = `/repos/${owner}/${repo}/issues`
  const contents = `/repos/${owner}/${repo}/contents/`

  const server = createServer((req, res) => {
    const chunks = /** @type {Buffer[]} */ ([])
    req.on('data', chunk => chunks.push(chunk))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      /** @type {any} */
      const body = text === '' ? undefined : JSON.parse(text)
      const url = new URL(req.url ?? '/', 'http://stand-in')
      calls.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, auth: req.headers.authorization, body })
      /** @param {number} status @param {unknown} payload */
      const send = (status, payload) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(payload))
      }
      if (req.headers.authorization !== `token ${options.token}`) return send(401, { message: 'Bad credentials' })
      const write = req.method !== 'GET' && url.pathname !== '/graphql'
      if (write && readOnly) return send(403, { message: 'Resource not accessible by integration' })
      /** @param {StoredIssue} issue */
      const shown = issue => ({ ...issue, comments: issue.comments.length })
      if (req.method === 'POST' && url.pathname === '/graphql') {
        if (options.viewerFails) return send(502, { message: 'Server Error' })
        if (!String(body?.query ?? '').includes('viewer')) return send(400, { message: 'the stand-in answers viewer only' })
        return send(200, { data: { viewer: { login } } })
      }
      if (req.method === 'GET' && url.pathname === base) {
        const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean)
        const state = url.searchParams.get('state') ?? 'open'
        const creator = url.searchParams.get('creator')
        const perPage = Number(url.searchParams.get('per_page') ?? 30)
        const page = Number(url.searchParams.get('page') ?? 1)
        const matching = issues.filter(
          issue =>
            (state === 'all' || issue.state === state) &&
            labels.every(label => issue.labels.some(l => l.name === label)) &&
            (creator === null || issue.user.login.toLowerCase() === creator.toLowerCase())
        )
        const slice = matching.slice((page - 1) * perPage, page * perPage)
        if (page * perPage < matching.length) {
          const next = new URL(url)
          next.searchParams.set('page', String(page + 1))
          res.setHeader('link', `<http://${req.headers.host}${next.pathname}${next.search}>; rel="next"`)
        }
        return send(200, slice.map(shown))
      }
      if (req.method === 'POST' && url.pathname === base) {
        const number = issues.length + 1
        /** @type {StoredIssue} */
        const issue = {
          number,
          title: String(body?.title ?? ''),
          body: String(body?.body ?? ''),
          state: 'open',
          labels: (body?.labels ?? []).map((/** @type {string} */ name) => ({ name })),
          html_url: `https://github.com/${owner}/${repo}/issues/${number}`,
          comments: [],
          user: self
        }
        issues.push(issue)
        return send(201, shown(issue))
      }
      if (req.method === 'GET' && url.pathname.startsWith(contents)) {
        const path = decodeURIComponent(url.pathname.slice(contents.length))
        const ref = url.searchParams.get('ref') ?? 'main'
        // As GitHub: a ref it does not know is said so, unlike a file missing at a known one.
        if (ref !== 'main' && ![...files.keys()].some(key => key.startsWith(`${ref}:`)))
          return send(404, { message: `No commit found for the ref ${ref}` })
        const text = files.get(`${ref}:${path}`)
        if (text === undefined) return send(404, { message: 'Not Found' })
        if (!String(req.headers.accept ?? '').includes('raw')) return send(415, { message: 'the stand-in serves raw contents only' })
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
        return res.end(text)
      }
      const editComment = new RegExp(`^${base}/comments/(\\d+)$`).exec(url.pathname)
      if (editComment && (req.method === 'PATCH' || req.method === 'DELETE')) {
        const comment = comments.find(c => c.id === Number(editComment[1]))
        if (comment === undefined) return send(404, { message: 'Not Found' })
        // As GitHub: only the author (or a maintainer, which a job token is not) may edit or delete a comment.
        if (comment.user.login.toLowerCase() !== login.toLowerCase())
          return send(403, { message: 'Resource not accessible by integration' })
        if (req.method === 'DELETE') {
          comments.splice(comments.indexOf(comment), 1)
          res.writeHead(204).end()
          return
        }
        comment.body = String(body?.body ?? '')
        return send(200, comment)
      }
      const labelsOf = new RegExp(`^${base}/(\\d+)/labels$`).exec(url.pathname)
      if (labelsOf && req.method === 'POST') {
        const issue = issues.find(i => i.number === Number(labelsOf[1]))
        if (issue === undefined) return send(404, { message: 'Not Found' })
        for (const name of body?.labels ?? []) if (!issue.labels.some(l => l.name === name)) issue.labels.push({ name: String(name) })
        return send(200, issue.labels)
      }
      const thread = new RegExp(`^${base}/(\\d+)/comments$`).exec(url.pathname)
      if (thread) {
        const number = Number(thread[1])
        if (req.method === 'GET') {
          const perPage = Number(url.searchParams.get('per_page') ?? 30)
          const page = Number(url.searchParams.get('page') ?? 1)
          const all = comments.filter(c => c.issue_number === number)
          if (page * perPage < all.length) {
            const next = new URL(url)
            next.searchParams.set('page', String(page + 1))
            res.setHeader('link', `<http://${req.headers.host}${next.pathname}${next.search}>; rel="next"`)
          }
          return send(200, all.slice((page - 1) * perPage, page * perPage))
        }
        if (req.method === 'POST') {
          const id = comments.length + 1000
          const comment = {
            id,
            issue_number: number,
            body: String(body?.body ?? ''),
            html_url: `https://github.com/${owner}/${repo}/pull/${number}#issuecomment-${id}`,
            user: self
          }
          comments.push(comment)
          issues.find(i => i.number === number)?.comments.push(comment.body)
          return send(201, comment)
        }
      }
      const one = new RegExp(`^${base}/(\\d+)(/comments)?$`).exec(url.pathname)
      const issue = one ? issues.find(i => i.number === Number(one[1])) : undefined
      if (one && issue === undefined) return send(404, { message: 'Not Found' })
      if (issue && req.method === 'PATCH' && !one?.[2]) {
        if (body?.body !== undefined) issue.body = String(body.body)
        if (body?.title !== undefined) issue.title = String(body.title)
        if (body?.state !== undefined) issue.state = body.state
        if (body?.state_reason !== undefined) issue.state_reason = body.state_reason
        return send(200, shown(issue))
      }
      return send(404, { message: `no route for ${req.method} ${url.pathname}` })
    })
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${port}`,
    issues,
    comments,
    calls,
    /** Puts a file at a ref, for the contents API. @param {string} ref @param {string} path @param {string} text */
    setFile(ref, path, text) {
      files.set(`${ref}:${path}`, text)
    },
    /**
     * Plants a comment by someone else, as anyone who can comment on a pull request could.
     * @param {number} issueNumber @param {string} text @param {Author} author
     */
    plantComment(issueNumber, text, author = { login: 'mallory', type: 'User' }) {
      const id = comments.length + 1000
      comments.push({
        id,
        issue_number: issueNumber,
        body: text,
        html_url: `https://github.com/${owner}/${repo}/pull/${issueNumber}#issuecomment-${id}`,
        user: author
      })
      return id
    },
    /**
     * Plants an issue by someone else (or by the token itself, to play one from an earlier run).
     * @param {{ title?: string, body: string, labels?: string[], user?: Author }} issue
     */
    plantIssue(issue) {
      const number = issues.length + 1
      issues.push({
        number,
        title: issue.title ?? 'planted',
        body: issue.body,
        state: 'open',
        labels: (issue.labels ?? []).map(name => ({ name })),
        html_url: `https://github.com/${owner}/${repo}/issues/${number}`,
        comments: [],
        user: issue.user ?? { login: 'mallory', type: 'User' }
      })
      return number
    },
    /** Plays a token that may read but not write issues. @param {boolean} value */
    setReadOnly(value) {
      readOnly = value
    },
    /** Everything the stand-in holds and was sent, as text, for a leak scan. */
    everything() {
      return JSON.stringify({ issues, comments, calls: calls.map(c => ({ ...c, auth: undefined })) })
    },
    async close() {
      server.closeAllConnections()
      await new Promise(resolve => server.close(() => resolve(undefined)))
    }
  }
}
