import { Group, Paper, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Level, Priority } from '@shared/ticket/model'
import { LevelSelect, PrioritySelect } from '../../../components/DeskSelects'
import { PriorityBadge } from '../../../components/PriorityBadge'
import type { PriorityView } from '../intake-form'

export interface PriorityFieldsProps {
  impact: Level
  urgency: Level
  override: boolean
  overridePriority: Priority | ''
  overrideReason: string
  view: PriorityView
  err(...keys: string[]): string | undefined
  onChange(patch: {
    impact?: Level
    urgency?: Level
    override?: boolean
    overridePriority?: Priority
    overrideReason?: string
  }): void
}

/** Impact and urgency with the priority they give, live, and an override that must be justified. */
export function PriorityFields(p: PriorityFieldsProps): React.JSX.Element {
  const { t } = useTranslation('intake')
  return (
    <Stack gap="xs">
      <Group align="flex-start" gap="md" wrap="nowrap">
        <SimpleGrid cols={2} spacing="sm" style={{ flex: 1 }}>
          <LevelSelect
            kind="impact"
            label={t('impact')}
            value={p.impact}
            onChange={(impact) => p.onChange({ impact })}
            error={p.err('impact')}
            data-testid="intake-impact"
          />
          <LevelSelect
            kind="urgency"
            label={t('urgency')}
            value={p.urgency}
            onChange={(urgency) => p.onChange({ urgency })}
            error={p.err('urgency')}
            data-testid="intake-urgency"
          />
        </SimpleGrid>
        <Paper withBorder px="sm" py={6} miw={170} aria-live="polite">
          <Text size="xs" c="dimmed">
            {t('priority')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <PriorityBadge
              priority={p.view.effective}
              overridden={p.view.overridden}
              size="xl"
              radius="sm"
              data-testid="intake-priority"
            />
            <Text size="sm" fw={500}>
              {t(`common:priority.${p.view.effective}`).replace(/^P\d\s*·\s*/, '')}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mt={2}>
            {p.view.overridden ? t('priorityOverridden', { computed: p.view.computed }) : t('priorityComputed')}
          </Text>
        </Paper>
      </Group>
      <Switch
        label={t('override')}
        checked={p.override}
        onChange={(e) => p.onChange({ override: e.currentTarget.checked })}
        data-testid="intake-override"
      />
      {p.override && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <PrioritySelect
            label={t('overridePriority')}
            value={p.overridePriority}
            onChange={(overridePriority) => p.onChange({ overridePriority })}
            error={p.err('priorityOverride.priority')}
            data-testid="intake-override-priority"
            required
          />
          <TextInput
            style={{ gridColumn: 'span 2' }}
            label={t('overrideReason')}
            placeholder={t('overrideReasonPlaceholder')}
            value={p.overrideReason}
            onChange={(e) => p.onChange({ overrideReason: e.currentTarget.value })}
            error={p.err('priorityOverride.reason', 'priorityOverride')}
            data-testid="intake-override-reason"
            required
          />
        </SimpleGrid>
      )}
    </Stack>
  )
}
