import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

export type Visibility = 'public' | 'internal'

export interface ComposerDraft {
  body: string
  visibility: Visibility
  minutes: string
  note: string
}

export const emptyComposer: ComposerDraft = { body: '', visibility: 'internal', minutes: '', note: '' }

interface TicketUiState {
  /** Unsent comment and work-log text per ticket: switching tickets mid-call loses nothing. */
  drafts: Record<string, ComposerDraft>
  updateDraft(ticketId: string, patch: Partial<ComposerDraft>): void
  clearDraft(ticketId: string, keys: Array<keyof ComposerDraft>): void
}

export const useTicketUi = create<TicketUiState>()(
  persist(
    (set) => ({
      drafts: {},
      updateDraft: (ticketId, patch) =>
        set((s) => ({ drafts: { ...s.drafts, [ticketId]: { ...emptyComposer, ...s.drafts[ticketId], ...patch } } })),
      clearDraft: (ticketId, keys) =>
        set((s) => {
          const current = { ...emptyComposer, ...s.drafts[ticketId] }
          for (const k of keys)
            (current as Record<string, unknown>)[k] = k === 'visibility' ? current.visibility : emptyComposer[k]
          return { drafts: { ...s.drafts, [ticketId]: current } }
        })
    }),
    { name: 'desk-ticket-drafts', version: 1, storage: createJSONStorage(() => sessionStorage) }
  )
)

export function useComposerDraft(ticketId: string): ComposerDraft {
  return useTicketUi((s) => s.drafts[ticketId]) ?? emptyComposer
}
