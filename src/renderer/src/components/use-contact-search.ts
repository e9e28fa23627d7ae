import { useLiveQuery } from 'dexie-react-hooks'
import type { Contact } from '@shared/people/model'
import { getDb } from '../data/database'

/** What the agent typed → the prefixes the contacts' `keys` index can answer. */
export function contactSearchTerms(query: string): string[] {
  const q = query.trim().toLowerCase()
  if (!q) return []
  // A phone number is typed with spaces, dashes or a leading +; its key holds digits only.
  if (/^[+\d][\d\s\-()]*$/.test(q)) {
    const digits = q.replace(/\D/g, '')
    return digits ? [digits] : []
  }
  if (q.includes('@')) return [q]
  return q.split(/\s+/).filter(Boolean)
}

/** Whether a contact matches every typed term as the prefix of one of its keys. */
export function contactMatches(contact: Contact, terms: readonly string[]): boolean {
  return terms.every((term) => contact.keys.some((k) => k.startsWith(term)))
}

/** Contacts whose name, phone digits or email start with what was typed (prefix search on `*keys`). */
export function useContactSearch(query: string, limit = 8): Contact[] | undefined {
  const terms = contactSearchTerms(query)
  const key = terms.join(' ')
  return useLiveQuery(async () => {
    if (!terms.length) return []
    const db = getDb()
    // The longest term narrows the index range most; the rest are checked on the few rows found.
    const lead = [...terms].sort((a, b) => b.length - a.length)[0]
    const rows = await db.contacts.where('keys').startsWith(lead).distinct().limit(200).toArray()
    return rows
      .filter((c) => contactMatches(c, terms))
      .sort((a, b) => Number(b.vip) - Number(a.vip) || a.name.localeCompare(b.name))
      .slice(0, limit)
  }, [key, limit])
}

export function useContact(id: string | undefined): Contact | null | undefined {
  return useLiveQuery(async () => (id ? ((await getDb().contacts.get(id)) ?? null) : null), [id])
}
