import { Button, Combobox, Group, Paper, Stack, Text, TextInput, useCombobox } from '@mantine/core'
import { useUncontrolled } from '@mantine/hooks'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import classes from './contact-picker.module.css'
import { ContactSummary } from './ContactCard'
import { ContactForm, contactDraftFromQuery, emptyContactDraft, type ContactDraft } from './ContactForm'
import { useContact, useContactSearch } from './use-contact-search'

export interface ContactPickerProps {
  /** The chosen contact's id, '' for none. */
  value: string
  onChange(contactId: string): void
  error?: string
  autoFocus?: boolean
  label?: string
  /** The search text and the inline form can be held by the caller (e.g. a draft that survives navigation). */
  query?: string
  onQueryChange?(query: string): void
  adding?: boolean
  onAddingChange?(adding: boolean): void
  contactDraft?: ContactDraft
  onContactDraftChange?(draft: ContactDraft): void
}

/** Find the caller by name, phone or email as you type, or add them inline. */
export function ContactPicker(props: ContactPickerProps): React.JSX.Element {
  const { value, onChange, error, autoFocus, label } = props
  const { t } = useTranslation()
  const [query, setQuery] = useUncontrolled({ value: props.query, defaultValue: '', onChange: props.onQueryChange })
  const [adding, setAdding] = useUncontrolled({
    value: props.adding,
    defaultValue: false,
    onChange: props.onAddingChange
  })
  const [draft, setDraft] = useUncontrolled<ContactDraft>({
    value: props.contactDraft,
    defaultValue: emptyContactDraft,
    onChange: props.onContactDraftChange
  })
  const selected = useContact(value || undefined)
  const results = useContactSearch(query)
  const inputRef = useRef<HTMLInputElement>(null)
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() })

  // Enter picks the best match without an extra arrow key.
  useEffect(() => {
    if (results?.length) combobox.selectFirstOption()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results])

  const pick = (id: string): void => {
    onChange(id)
    setQuery('')
    combobox.closeDropdown()
  }

  const openForm = (): void => {
    setDraft(contactDraftFromQuery(query))
    setAdding(true)
    combobox.closeDropdown()
  }

  const header = (
    <Text component="label" size="sm" fw={500} htmlFor="requester-search">
      {label ?? t('components:contact.search')}{' '}
      <Text span c="red">
        *
      </Text>
    </Text>
  )

  if (value && selected) {
    return (
      <Stack gap={4}>
        {header}
        <Paper withBorder px="sm" py={6} data-testid="requester-selected" data-contact-id={selected.id}>
          <Group justify="space-between" wrap="nowrap">
            <ContactSummary contact={selected} />
            <Button
              variant="subtle"
              size="compact-sm"
              data-testid="requester-change"
              onClick={() => {
                onChange('')
                requestAnimationFrame(() => inputRef.current?.focus())
              }}
            >
              {t('components:contact.change')}
            </Button>
          </Group>
        </Paper>
        {error && (
          <Text size="xs" c="red">
            {error}
          </Text>
        )}
      </Stack>
    )
  }

  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Combobox store={combobox} onOptionSubmit={pick} withinPortal={false}>
          <Combobox.Target>
            <TextInput
              ref={inputRef}
              id="requester-search"
              style={{ flex: 1 }}
              label={header}
              placeholder={t('components:contact.searchPlaceholder')}
              description={t('components:contact.searchHint')}
              autoFocus={autoFocus}
              autoComplete="off"
              value={query}
              error={error}
              data-testid="requester-search"
              onChange={(e) => {
                setQuery(e.currentTarget.value)
                combobox.openDropdown()
              }}
              onFocus={() => combobox.openDropdown()}
              onBlur={() => combobox.closeDropdown()}
            />
          </Combobox.Target>
          <Combobox.Dropdown hidden={!query.trim() || results === undefined}>
            <Combobox.Options>
              {results?.map((c) => (
                <Combobox.Option value={c.id} key={c.id} className={classes.option} data-testid="requester-option">
                  <ContactSummary contact={c} />
                </Combobox.Option>
              ))}
              {results?.length === 0 && (
                <Combobox.Empty>{t('components:contact.nothingFound', { query: query.trim() })}</Combobox.Empty>
              )}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
        {!adding && (
          <Button variant="light" onClick={openForm} data-testid="contact-new" mb={error ? 22 : 0}>
            {t('components:contact.new')}
          </Button>
        )}
      </Group>
      {adding && (
        <ContactForm
          value={draft}
          onChange={setDraft}
          onCancel={() => {
            setAdding(false)
            requestAnimationFrame(() => inputRef.current?.focus())
          }}
          onCreated={(id) => {
            setAdding(false)
            setDraft(emptyContactDraft)
            pick(id)
          }}
        />
      )}
    </Stack>
  )
}
