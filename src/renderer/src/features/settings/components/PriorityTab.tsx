import { useState } from 'react'
import { Box, Button, Paper, Select, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { defaultPriorityMatrix, type PriorityMatrix } from '@shared/config/model'
import { levels, priorities, type Priority } from '@shared/ticket/model'
import { priorityColor } from '../../../app/theme'
import { useDeskConfig } from '../../../data/reference'
import { useCommandRunner } from '../use-command-runner'
import { SectionHeader } from './SectionHeader'

const same = (a: PriorityMatrix, b: PriorityMatrix): boolean => a.every((row, i) => row.every((p, j) => p === b[i][j]))

function Dot({ priority }: { priority: Priority }): React.JSX.Element {
  return (
    <Box
      w={10}
      h={10}
      style={{ borderRadius: '50%', background: `var(--mantine-color-${priorityColor[priority]}-6)` }}
    />
  )
}

export function PriorityTab(): React.JSX.Element {
  const { t } = useTranslation('settings')
  const config = useDeskConfig()
  const run = useCommandRunner()
  const [draft, setDraft] = useState<PriorityMatrix | null>(null)
  const [saving, setSaving] = useState(false)
  const matrix = draft ?? config.priorityMatrix
  const dirty = draft !== null && !same(draft, config.priorityMatrix)

  const setCell = (impact: number, urgency: number, p: Priority): void =>
    setDraft(matrix.map((row, i) => row.map((cell, j) => (i === impact && j === urgency ? p : cell))))

  const save = async (): Promise<void> => {
    setSaving(true)
    const result = await run('config.set', 1, { key: 'priorityMatrix', value: matrix })
    setSaving(false)
    if (result.ok) setDraft(null)
  }

  const options = priorities.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))

  return (
    <Stack gap="md" maw={960}>
      <SectionHeader
        title={t('priority.title')}
        description={t('priority.description')}
        actions={
          <>
            {dirty && (
              <Text size="xs" c="orange" fw={500}>
                {t('unsaved')}
              </Text>
            )}
            <Button
              size="xs"
              variant="default"
              disabled={same(matrix, defaultPriorityMatrix)}
              onClick={() => setDraft(defaultPriorityMatrix.map((r) => [...r]))}
              data-testid="priority-reset"
            >
              {t('priority.reset')}
            </Button>
            <Button size="xs" variant="default" disabled={!dirty} onClick={() => setDraft(null)}>
              {t('revert')}
            </Button>
            <Button
              size="xs"
              disabled={!dirty}
              loading={saving}
              onClick={() => void save()}
              data-testid="priority-save"
            >
              {t('common:actions.save')}
            </Button>
          </>
        }
      />
      <Paper withBorder p="md">
        <Table withColumnBorders verticalSpacing="xs" data-testid="priority-matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2} w="28%" style={{ verticalAlign: 'bottom' }}>
                {t('priority.impact')} ↓
              </Table.Th>
              <Table.Th colSpan={3} ta="center">
                <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                  {t('priority.urgency')} →
                </Text>
              </Table.Th>
            </Table.Tr>
            <Table.Tr>
              {levels.map((u) => (
                <Table.Th key={u} ta="center">
                  {t(`common:urgency.${u}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {levels.map((impact, i) => (
              <Table.Tr key={impact}>
                <Table.Th scope="row" fw={500}>
                  {t(`common:impact.${impact}`)}
                </Table.Th>
                {levels.map((urgency, j) => (
                  <Table.Td key={urgency}>
                    <Select
                      size="xs"
                      aria-label={t('priority.cell', {
                        impact: t(`common:impact.${impact}`),
                        urgency: t(`common:urgency.${urgency}`)
                      })}
                      data={options}
                      value={matrix[i][j]}
                      allowDeselect={false}
                      leftSection={<Dot priority={matrix[i][j]} />}
                      onChange={(v) => v && setCell(i, j, v)}
                      data-testid={`priority-cell-${impact}-${urgency}`}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}
