import { Group, Stack, Text, Title } from '@mantine/core'

interface Props {
  title: string
  description?: string
  /** Buttons on the right, e.g. "Add team". */
  actions?: React.ReactNode
}

export function SectionHeader({ title, description, actions }: Props): React.JSX.Element {
  return (
    <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Title order={4}>{title}</Title>
        {description && (
          <Text size="sm" c="dimmed" maw={760}>
            {description}
          </Text>
        )}
      </Stack>
      {actions && (
        <Group gap="xs" wrap="nowrap">
          {actions}
        </Group>
      )}
    </Group>
  )
}
