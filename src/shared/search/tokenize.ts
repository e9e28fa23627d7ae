/**
 * Search terms for ticket text that work for Chinese and English without a search server.
 *
 * Latin/digit text is split into lower-cased words. Chinese (and other CJK) text has no spaces,
 * and a word segmenter splits a query differently from the text it should find, so CJK runs are
 * indexed as overlapping character bigrams ("打印机卡纸" → 打印 印机 机卡 卡纸): any substring of
 * two or more characters of the text then matches. A one-character query matches as a prefix.
 */
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
// The second alternative must stop at CJK characters (which are \p{L} too), or "VPN连不上" becomes
// one run and the Latin word "vpn" is lost in bigrams.
const runs =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])+/gu

export const maxTermsPerTicket = 96

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

function cjkTerms(run: string, out: Set<string>): void {
  const chars = Array.from(run)
  if (chars.length === 1) {
    out.add(chars[0])
    return
  }
  for (let i = 0; i < chars.length - 1; i++) out.add(chars[i] + chars[i + 1])
}

/** The distinct terms of a text, in order of first appearance. */
export function tokenize(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const out = new Set<string>()
  for (const match of normalise(text).matchAll(runs)) {
    const run = match[0]
    if (cjk.test(run)) cjkTerms(run, out)
    else out.add(run)
    if (out.size >= limit) break
  }
  return [...out].slice(0, limit)
}

export function ticketTerms(title: string, description: string): string[] {
  return tokenize(`${title}\n${description}`, maxTermsPerTicket)
}

export interface SearchQuery {
  /** Every one of these terms must be present. */
  all: string[]
  /** The word still being typed: matches any term that starts with it. */
  prefix: string | null
}

export function parseQuery(query: string): SearchQuery {
  const trimmed = normalise(query).trim()
  if (!trimmed) return { all: [], prefix: null }
  const parts = [...trimmed.matchAll(runs)].map((m) => m[0])
  const all = new Set<string>()
  let prefix: string | null = null
  parts.forEach((run, i) => {
    const last = i === parts.length - 1
    if (cjk.test(run)) {
      const chars = Array.from(run)
      if (chars.length === 1) prefix = last ? run : (all.add(run), prefix)
      else cjkTerms(run, all)
    } else if (last && !/\s$/.test(query)) prefix = run
    else all.add(run)
  })
  return { all: [...all], prefix }
}

/** Whether a ticket's terms satisfy a parsed query (used to filter already-loaded rows). */
export function matchesQuery(terms: readonly string[], q: SearchQuery): boolean {
  const set = new Set(terms)
  for (const t of q.all) if (!set.has(t)) return false
  if (q.prefix) {
    const p = q.prefix
    return terms.some((t) => t.startsWith(p))
  }
  return true
}

const numberPattern = /^\s*(inc|req)?[\s-]*0*(\d{1,9})\s*$/i

/** "INC-42", "inc000042", "42" → the ticket numbers it can mean. */
export function parseTicketNumber(query: string): string[] {
  const m = numberPattern.exec(query)
  if (!m) return []
  const digits = m[2].padStart(6, '0')
  const prefixes = m[1] ? [m[1].toUpperCase()] : ['INC', 'REQ']
  return prefixes.map((p) => `${p}-${digits}`)
}
