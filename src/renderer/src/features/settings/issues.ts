import type { TFunction } from 'i18next'
import { CommandError } from '@shared/command/types'

/**
 * Commands report issues in English (they also run on the server and in logs); the screen shows
 * them in the agent's language. Unknown messages fall back to a generic "invalid value" rather
 * than leaking English into the Chinese UI.
 */
export function translateIssue(message: string, t: TFunction): string {
  const tt = (key: string, opts?: Record<string, unknown>): string => t(`settings:issues.${key}`, opts ?? {})
  if (message === 'required') return tt('required')
  if (message === 'not a valid email address') return tt('email')
  if (message === 'unknown team') return tt('unknownTeam')
  if (message === 'unknown agent') return tt('unknownAgent')
  if (message.startsWith('not a subcategory of')) return tt('notSubcategory')
  let m = /^at most (\d+) characters$/.exec(message)
  if (m) return tt('tooLong', { max: Number(m[1]) })
  m = /^at least (\d+) characters$/.exec(message)
  if (m) return tt('tooShort', { min: Number(m[1]) })
  if (/^too small/i.test(message) && /string/.test(message)) return tt('required')
  return tt('invalid')
}

export type FieldErrors = Record<string, string>

/** A refused command's issues, translated and keyed by field path; null for any other error. */
export function commandIssues(error: unknown, t: TFunction): FieldErrors | null {
  if (!(error instanceof CommandError)) return null
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(error.issues)) out[path] = translateIssue(message, t)
  return out
}

/** Issues under a prefix with the prefix removed: `value.2.teamId` → `teamId` for row 2. */
export function issuesUnder(issues: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {}
  const p = `${prefix}.`
  for (const [k, v] of Object.entries(issues)) if (k.startsWith(p)) out[k.slice(p.length)] = v
  return out
}
