import { Button, Checkbox, Group, Paper, SimpleGrid, Text, TextInput } from '@mantine/core'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { newId } from '@shared/ids'
import { useFieldError } from './field-errors'
import { useCommand } from './use-command'

export interface ContactDraft {
  name: string
  phone: string
  email: string
  department: string
  vip: boolean
}

export const emptyContactDraft: ContactDraft = { name: '', phone: '', email: '', department: '', vip: false }

/** Seeds the new-contact form from what the agent typed in the search box. */
export function contactDraftFromQuery(query: string): ContactDraft {
  const q = query.trim()
  if (!q) return emptyContactDraft
  if (q.includes('@')) return { ...emptyContactDraft, email: q }
  if (/^[+\d][\d\s\-()]*$/.test(q)) return { ...emptyContactDraft, phone: q }
  return { ...emptyContactDraft, name: q }
}

export interface ContactFormProps {
  value: ContactDraft
  onChange(value: ContactDraft): void
  onCreated(contactId: string): void
  onCancel(): void
}

/** Inline "add a contact" for a caller who is not in the directory yet → `contact.create`. */
export function ContactForm({ value, onChange, onCreated, onCancel }: ContactFormProps): React.JSX.Element {
  const { t } = useTranslation()
  const cmd = useCommand()
  const err = useFieldError(cmd.issues)
  const nameRef = useRef<HTMLInputElement>(null)
  const set = <K extends keyof ContactDraft>(key: K, v: ContactDraft[K]): void => onChange({ ...value, [key]: v })

  const save = async (): Promise<void> => {
    const id = newId()
    if (await cmd.run('contact.create', { id, ...value })) onCreated(id)
    else nameRef.current?.focus()
  }

  return (
    <Paper
      withBorder
      p="sm"
      data-testid="contact-form"
      onKeyDown={(e: React.KeyboardEvent) => {
        // Enter (or Ctrl+Enter) here saves the contact, not the ticket around it.
        const target = e.target as HTMLInputElement
        if (e.key === 'Enter' && target.tagName === 'INPUT' && target.type !== 'checkbox') {
          e.preventDefault()
          e.stopPropagation()
          void save()
        }
        if (e.key === 'Escape') {
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <Text fw={600} size="sm" mb="xs">
        {t('components:contact.newTitle')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
        <TextInput
          ref={nameRef}
          autoFocus
          required
          label={t('components:contact.name')}
          value={value.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={err('name')}
          data-testid="contact-name"
        />
        <TextInput
          label={t('components:contact.department')}
          value={value.department}
          onChange={(e) => set('department', e.currentTarget.value)}
          error={err('department')}
          data-testid="contact-department"
        />
        <TextInput
          label={t('components:contact.phone')}
          type="tel"
          value={value.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={err('phone')}
          data-testid="contact-phone"
        />
        <TextInput
          label={t('components:contact.email')}
          type="email"
          value={value.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={err('email')}
          data-testid="contact-email"
        />
      </SimpleGrid>
      <Group justify="space-between" mt="sm">
        <Checkbox
          label={t('components:contact.vip')}
          checked={value.vip}
          onChange={(e) => set('vip', e.currentTarget.checked)}
          data-testid="contact-vip"
        />
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={onCancel}>
            {t('components:contact.cancel')}
          </Button>
          <Button
            size="xs"
            onClick={() => void save()}
            loading={cmd.busy}
            disabled={!cmd.ready}
            data-testid="contact-save"
          >
            {t('components:contact.save')}
          </Button>
        </Group>
      </Group>
    </Paper>
  )
}
