// @ts-check
/**
 * What a reader of GitHub Markdown would see live in a body the action wrote: rendered with
 * markdown-it (CommonMark with GFM tables and strikethrough, raw HTML kept, and linkify, which finds
 * more links than GitHub does), then read for links, images and, in the text outside code (where
 * GitHub makes mentions and references), mentions of users and teams, and issue references. The tests' own judge,
 * independent of the action's Markdown door.
 */
import MarkdownIt from 'markdown-it'

const renderer = new MarkdownIt({ html: true, linkify: true })

/**
 * @param {string} markdown
 * @returns {{ html: string, links: string[], images: string[], mentions: string[], references: string[] }}
 */
export function liveParts(markdown) {
  const html = renderer.render(markdown)
  const links = [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map(m => decode(m[1] ?? ''))
  const images = [...html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)].map(m => decode(m[1] ?? ''))
  // GitHub makes mentions and references in text, never inside code, pre or links.
  const text = decode(
    html
      .replace(/<(code|pre|a)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]+>/g, ' ')
  )
  const mentions = [...text.matchAll(/(?<![\w`])@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9_.-]+)?)/g)].map(m => `@${m[1]}`)
  const references = [...text.matchAll(/(?<![\w/])((?:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)?#\d+)\b/g)].map(m => m[1] ?? '')
  return { html, links, images, mentions, references }
}

/** @param {string} text */
function decode(text) {
  return text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}
