import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Ticket, TicketStatus } from '@shared/ticket/model'
import { allowedTransitions } from '@shared/ticket/state-machine'
import { statusColor } from '../../../app/theme'
import { transitionActionKey } from '../transition-form'
import { TransitionDialog } from './TransitionDialog'

/** Only the moves the state machine allows from here, each through its dialog. */
export function StatusActions({ ticket }: { ticket: Ticket }): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const [pending, setPending] = useState<{ from: TicketStatus; to: TicketStatus } | null>(null)
  const moves = allowedTransitions(ticket.status)
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={6}>{t('status.title')}</Title>
        {moves.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('status.none', { status: t(`common:status.${ticket.status}`) })}
          </Text>
        ) : (
          <Group gap={6}>
            {moves.map((to) => (
              <Button
                key={to}
                size="xs"
                variant={to === 'cancelled' ? 'subtle' : 'light'}
                color={to === 'cancelled' ? 'red' : statusColor[to]}
                onClick={() => setPending({ from: ticket.status, to })}
                data-testid={`transition-${to}`}
              >
                {t(`status.actions.${transitionActionKey(ticket.status, to)}`)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      {pending && (
        <TransitionDialog ticket={ticket} from={pending.from} to={pending.to} onClose={() => setPending(null)} />
      )}
    </Paper>
  )
}
