import type { TFunction } from 'i18next'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

/** Field path → message, as zod (`issuesOf`) and CommandError produce them. */
export type Issues = Record<string, string>

/**
 * The message for a field. Commands nest some arguments (`fields.title` in ticket.setFields), so
 * a form asking for `title` also finds the nested key.
 */
export function issueAt(issues: Issues, ...keys: string[]): string | undefined {
  for (const key of keys) {
    if (issues[key]) return issues[key]
    const nested = Object.keys(issues).find((k) => k.endsWith(`.${key}`))
    if (nested) return issues[nested]
  }
  return undefined
}

const patterns: Array<[RegExp, (t: TFunction, m: RegExpExecArray) => string]> = [
  [/^required$/i, (t) => t('components:issues.required')],
  [/^at least 1 minute$/, (t) => t('components:issues.minMinutes')],
  [/^at most 24 hours$/, (t) => t('components:issues.maxMinutes')],
  [/^whole minutes$/, (t) => t('components:issues.wholeMinutes')],
  [/^at least (\d+) characters?$/, (t, m) => t('components:issues.minChars', { count: Number(m[1]) })],
  [/^at most (\d+) characters?$/, (t, m) => t('components:issues.maxChars', { count: Number(m[1]) })],
  [/^not a valid email address$/, (t) => t('components:issues.email')],
  [/^not a valid phone number$/, (t) => t('components:issues.phone')],
  [/^phone or email required$/, (t) => t('components:issues.phoneOrEmail')],
  [/^unknown (requester|team|agent|service)$/, (t) => t('components:issues.unknownRef')],
  [/^not a subcategory of /, (t) => t('components:issues.notSubcategory')],
  [/^choose a tier or a team$/, (t) => t('components:issues.tierOrTeam')],
  [/^already at (L\d)$/, (t, m) => t('components:issues.alreadyAtTier', { tier: t(`common:tier.${m[1]}`) })],
  [/^same tier and team$/, (t) => t('components:issues.sameTierTeam')],
  [/^a ticket cannot link to itself$/, (t) => t('components:issues.selfLink')],
  [/^already linked to (.+)$/, (t, m) => t('components:issues.alreadyLinked', { number: m[1] })],
  [/^this ticket already has a parent$/, (t) => t('components:issues.oneParent')],
  [/^not found$/, (t) => t('components:issues.notFound')],
  [/^ticket is (\w+), not \w+$/, (t, m) => t('components:issues.staleStatus', { status: t(`common:status.${m[1]}`) })],
  [/^cannot move from /, (t) => t('components:issues.badTransition')],
  [/^ticket is (closed|cancelled)$/, (t, m) => t('components:issues.locked', { status: t(`common:status.${m[1]}`) })],
  [/^exists$/, (t) => t('components:issues.exists')],
  [/^no fields to change$/, (t) => t('components:issues.noChanges')],
  [/^must be a UUID$/, (t) => t('components:issues.choose')],
  // zod's own defaults (no custom message in the schema)
  [/^Invalid option/, (t) => t('components:issues.choose')],
  [/^Invalid input: expected number/, (t) => t('components:issues.number')],
  [/^Invalid input: expected \w+, received (undefined|null)/, (t) => t('components:issues.required')],
  [/^Too small: expected string to have >=(\d+)/, (t, m) => t('components:issues.minChars', { count: Number(m[1]) })],
  [/^Too big: expected string to have <=(\d+)/, (t, m) => t('components:issues.maxChars', { count: Number(m[1]) })]
]

/** A command or schema message in the agent's language; unknown messages pass through as they are. */
export function translateIssue(t: TFunction, message: string): string {
  for (const [re, render] of patterns) {
    const m = re.exec(message)
    if (m) return render(t, m)
  }
  return message
}

/** `err(key, ...)` → translated message for that field, or undefined (ready for Mantine's `error`). */
export function useFieldError(issues: Issues): (...keys: string[]) => string | undefined {
  const { t } = useTranslation()
  return useCallback(
    (...keys: string[]) => {
      const message = issueAt(issues, ...keys)
      return message === undefined ? undefined : translateIssue(t, message)
    },
    [issues, t]
  )
}
