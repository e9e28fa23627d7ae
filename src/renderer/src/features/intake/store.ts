import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { newId } from '@shared/ids'
import type { Category, Channel, Level, Priority, TicketKind } from '@shared/ticket/model'
import { emptyContactDraft, type ContactDraft } from '../../components/ContactForm'

/** Everything the agent has typed into the intake form: kept until the ticket is created or discarded. */
export interface IntakeDraft {
  /** The id the ticket will get: stable across retries, so a double submit cannot create two tickets. */
  id: string
  kind: TicketKind
  channel: Channel
  requesterId: string
  requesterQuery: string
  addingContact: boolean
  contact: ContactDraft
  title: string
  description: string
  category: Category | ''
  subcategory: string
  serviceId: string
  impact: Level
  urgency: Level
  override: boolean
  overridePriority: Priority | ''
  overrideReason: string
  /** False while team and assignee follow the routing rules; true once the agent chose them. */
  routeTouched: boolean
  teamId: string
  assigneeId: string
  /** Link the new ticket as a duplicate of this one after creating it. */
  duplicateOfId: string
}

export function emptyDraft(): IntakeDraft {
  return {
    id: newId(),
    kind: 'incident',
    channel: 'phone',
    requesterId: '',
    requesterQuery: '',
    addingContact: false,
    contact: emptyContactDraft,
    title: '',
    description: '',
    category: '',
    subcategory: '',
    serviceId: '',
    impact: 2,
    urgency: 2,
    override: false,
    overridePriority: '',
    overrideReason: '',
    routeTouched: false,
    teamId: '',
    assigneeId: '',
    duplicateOfId: ''
  }
}

interface IntakeState {
  draft: IntakeDraft
  update(patch: Partial<IntakeDraft>): void
  reset(): void
}

/**
 * UI state only (a draft is not desk data until it is submitted). Session storage keeps it across
 * navigation and reloads of this window, so a call interrupted by another call loses nothing.
 */
export const useIntakeStore = create<IntakeState>()(
  persist(
    (set) => ({
      draft: emptyDraft(),
      update: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
      reset: () => set({ draft: emptyDraft() })
    }),
    {
      name: 'desk-intake-draft',
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      merge: (persisted, current) => ({
        ...current,
        draft: { ...emptyDraft(), ...((persisted as Partial<IntakeState> | undefined)?.draft ?? {}) }
      })
    }
  )
)

/** Whether the draft holds anything the agent typed (for the "discard" affordance). */
export function isDraftDirty(d: IntakeDraft): boolean {
  const e = emptyDraft()
  return (
    d.requesterId !== '' ||
    d.requesterQuery.trim() !== '' ||
    d.title.trim() !== '' ||
    d.description.trim() !== '' ||
    d.category !== '' ||
    d.serviceId !== '' ||
    d.kind !== e.kind ||
    d.override ||
    d.routeTouched
  )
}
