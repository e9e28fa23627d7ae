import { ActionIcon, Box, Button, Group, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

export interface EditableTextProps {
  value: string
  /** Resolves true when saved; false keeps the editor open (the error is shown). */
  onSave(value: string): Promise<boolean>
  multiline?: boolean
  editable: boolean
  error?: string
  /** Base of the test ids: `<id>`, `<id>-edit`, `<id>-input`, `<id>-save`. */
  testId: string
  display: React.ReactNode
  label: string
}

/** Text shown as text, edited in place: Enter (Ctrl+Enter when multiline) saves, Esc cancels. */
export function EditableText({
  value,
  onSave,
  multiline = false,
  editable,
  error,
  testId,
  display,
  label
}: EditableTextProps): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const [draft, setDraft] = useState<string | null>(null)
  const save = async (): Promise<void> => {
    if (draft === null) return
    if (draft === value || (await onSave(draft))) setDraft(null)
  }
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      setDraft(null)
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void save()
    }
  }

  if (draft !== null) {
    const Input = multiline ? Textarea : TextInput
    return (
      <Stack gap={4}>
        <Input
          autoFocus
          aria-label={label}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          error={error}
          data-testid={`${testId}-input`}
          {...(multiline ? { autosize: true, minRows: 4, maxRows: 20 } : {})}
        />
        <Group gap="xs">
          <Button size="compact-sm" onClick={() => void save()} data-testid={`${testId}-save`}>
            {t('edit.save')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setDraft(null)}>
            {t('edit.cancel')}
          </Button>
          <Text size="xs" c="dimmed">
            {multiline ? t('edit.hintMultiline') : t('edit.hint')}
          </Text>
        </Group>
      </Stack>
    )
  }
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Box style={{ minWidth: 0, flex: multiline ? 1 : undefined }} data-testid={testId}>
        {display}
      </Box>
      {editable && (
        <Tooltip label={`${t('edit.edit')}: ${label}`}>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={`${t('edit.edit')}: ${label}`}
            onClick={() => setDraft(value)}
            data-testid={`${testId}-edit`}
          >
            <Text size="xs" aria-hidden>
              ✎
            </Text>
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  )
}
