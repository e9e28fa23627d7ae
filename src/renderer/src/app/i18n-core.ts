/** The two languages the console ships. */
export const languages = ['en', 'zh-CN'] as const
export type Language = (typeof languages)[number]

/** Each feature ships its own namespace: `{ en: {...}, 'zh-CN': {...} }` with the same keys. */
export type Messages = { [key: string]: string | Messages }
export type Bundle = Record<Language, Messages>

export function detectLanguage(candidates: readonly string[]): Language {
  for (const c of candidates) {
    const lower = c.toLowerCase()
    if (lower.startsWith('zh')) return 'zh-CN'
    if (lower.startsWith('en')) return 'en'
  }
  return 'en'
}
