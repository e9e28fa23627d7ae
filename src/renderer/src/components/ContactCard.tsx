import { Badge, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Contact } from '@shared/people/model'

/** Name, VIP flag, department and how to reach a requester: what the agent needs on the call. */
export function ContactSummary({
  contact,
  compact = false
}: {
  contact: Contact
  compact?: boolean
}): React.JSX.Element {
  const { t } = useTranslation()
  const reach = [contact.phone, contact.email].filter(Boolean).join(' · ')
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Group gap={6} wrap="nowrap">
        <Text fw={600} size="sm" truncate>
          {contact.name}
        </Text>
        {contact.vip && (
          <Badge color="grape" size="xs" variant="filled" data-testid="vip-badge">
            {t('common:vip')}
          </Badge>
        )}
        {contact.department && (
          <Text size="xs" c="dimmed" truncate>
            {contact.department}
          </Text>
        )}
      </Group>
      {!compact && reach && (
        <Text size="xs" c="dimmed" truncate>
          {reach}
        </Text>
      )}
    </Stack>
  )
}
