import '@mantine/spotlight/styles.css'
import { useMemo, useState } from 'react'
import { Badge, Group, Kbd, Stack, Text, UnstyledButton, useComputedColorScheme } from '@mantine/core'
import { Spotlight, spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { parseTicketNumber } from '@shared/search/tokenize'
import type { TicketKind } from '@shared/ticket/model'
import { usePrefs } from '../../app/prefs-store'
import { priorityColor, statusColor } from '../../app/theme'
import { getDb } from '../../data/database'
import { useIntakeStore } from '../intake/store'

type Actions = (SpotlightActionData | SpotlightActionGroupData)[]

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** Matches label, description and keywords; both languages' words are keywords, so either works. */
function matches(action: SpotlightActionData, q: string): boolean {
  const keywords = Array.isArray(action.keywords) ? action.keywords.join(' ') : (action.keywords ?? '')
  const hay = `${action.label ?? ''} ${action.description ?? ''} ${keywords}`.toLocaleLowerCase()
  return q
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word))
}

/** Ctrl/Cmd+K: every console action and "open ticket by number", without leaving the keyboard. */
export function CommandPalette(): React.JSX.Element {
  const { t, i18n } = useTranslation('palette')
  const [, navigate] = useLocation()
  const [query, setQuery] = useState('')
  const scheme = useComputedColorScheme('light')
  const setTheme = usePrefs((s) => s.setTheme)
  const setLanguage = usePrefs((s) => s.setLanguage)
  const updateDraft = useIntakeStore((s) => s.update)

  const candidates = useMemo(() => parseTicketNumber(query), [query])
  const found = useLiveQuery(
    async () => (candidates.length ? getDb().tickets.where('number').anyOf(candidates).toArray() : []),
    [candidates.join(',')]
  )

  const otherLanguage = i18n.language === 'zh-CN' ? 'en' : 'zh-CN'
  const otherScheme = scheme === 'dark' ? 'light' : 'dark'

  const newTicket = (kind: TicketKind): void => {
    // The intake keeps an interrupted draft; only its kind changes, nothing typed is lost.
    updateDraft({ kind })
    navigate('/tickets/new')
  }

  const actions = useMemo<Actions>(() => {
    const ticketActions: SpotlightActionData[] = (found ?? []).map((ticket) => ({
      id: `ticket-${ticket.id}`,
      label: t('ticket.open', { number: ticket.number }),
      description: ticket.title,
      keywords: [query],
      leftSection: (
        <Badge size="sm" variant="light" color={priorityColor[ticket.priority]} w={36}>
          {ticket.priority}
        </Badge>
      ),
      rightSection: (
        <Badge size="xs" variant="dot" color={statusColor[ticket.status]}>
          {t(`common:status.${ticket.status}`)}
        </Badge>
      ),
      onClick: () => navigate(`/tickets/${ticket.id}`)
    }))
    const kw = (...words: string[]): string[] => words
    const groups: Actions = [
      {
        group: t('groups.create'),
        actions: [
          {
            id: 'new-incident',
            label: t('actions.newIncident'),
            description: t('actions.newIncidentHint'),
            keywords: kw('incident', 'ticket', 'fault', 'new', '事件', '故障', '新建', 'INC'),
            rightSection: <Kbd size="xs">N</Kbd>,
            onClick: () => newTicket('incident')
          },
          {
            id: 'new-request',
            label: t('actions.newRequest'),
            description: t('actions.newRequestHint'),
            keywords: kw('request', 'service request', 'new', '服务请求', '请求', '新建', 'REQ'),
            onClick: () => newTicket('request')
          }
        ]
      },
      {
        group: t('groups.navigate'),
        actions: [
          {
            id: 'queue',
            label: t('actions.queue'),
            description: t('actions.queueHint'),
            keywords: kw('queue', 'tickets', 'list', 'home', '队列', '工单'),
            onClick: () => navigate('/')
          },
          {
            id: 'settings',
            label: t('actions.settings'),
            description: t('actions.settingsHint'),
            keywords: kw(
              'settings',
              'preferences',
              'teams',
              'routing',
              'categories',
              'priority',
              '设置',
              '团队',
              '分类',
              '分派',
              '优先级'
            ),
            rightSection: <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'} ,</Kbd>,
            onClick: () => navigate('/settings')
          },
          {
            id: 'demo',
            label: t('actions.demo'),
            description: t('actions.demoHint'),
            keywords: kw('demo', 'sample', 'data', 'generate', '演示', '示例', '数据'),
            onClick: () => navigate('/settings/demo')
          }
        ]
      },
      {
        group: t('groups.preferences'),
        actions: [
          {
            id: 'language',
            label: t('actions.switchLanguage', { language: t(`common:language.${otherLanguage}`) }),
            description: t('actions.switchLanguageHint'),
            keywords: kw('language', 'english', 'chinese', '语言', '中文', '英文', 'zh', 'en'),
            onClick: () => setLanguage(otherLanguage)
          },
          {
            id: 'theme',
            label: t('actions.toggleTheme', { scheme: t(`actions.scheme.${otherScheme}`) }),
            description: t('actions.toggleThemeHint'),
            keywords: kw('theme', 'dark', 'light', 'colour', 'color', '主题', '深色', '浅色', '配色'),
            onClick: () => setTheme(otherScheme)
          }
        ]
      }
    ]
    return ticketActions.length ? [{ group: t('groups.tickets'), actions: ticketActions }, ...groups] : groups
    // newTicket only closes over stable setters and navigate.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, found, candidates, query, otherLanguage, otherScheme, navigate, setLanguage, setTheme])

  const filter = (q: string, all: Actions): Actions => {
    const out: Actions = []
    for (const entry of all) {
      if (!('actions' in entry)) {
        if (matches(entry, q)) out.push(entry)
        continue
      }
      // Ticket hits were looked up by number already; keep them even though the label differs.
      const kept = entry.actions.some((a) => a.id.startsWith('ticket-'))
        ? entry.actions
        : entry.actions.filter((a) => matches(a, q))
      if (kept.length) out.push({ ...entry, actions: kept })
    }
    return out
  }

  return (
    <Spotlight
      actions={actions}
      filter={filter}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      // Open instantly: agents type straight after Ctrl+K, and keys pressed before the search box
      // has focus would reach the console's single-key shortcuts instead.
      transitionProps={{ duration: 0 }}
      tagsToIgnore={[]}
      nothingFound={
        candidates.length && found && !found.length ? (
          <Stack gap={2} data-testid="palette-ticket-not-found">
            <Text size="sm">{t('ticket.notFound', { number: candidates.join(' / ') })}</Text>
            <Text size="xs" c="dimmed">
              {t('ticket.notFoundHint')}
            </Text>
          </Stack>
        ) : (
          t('nothingFound')
        )
      }
      highlightQuery
      scrollable
      maxHeight={420}
      searchProps={{ placeholder: t('placeholder'), 'aria-label': t('placeholder') }}
      data-testid="command-palette"
    />
  )
}

/** The header button that opens the palette and teaches its shortcut. */
export function PaletteTrigger(): React.JSX.Element {
  const { t } = useTranslation('palette')
  return (
    <UnstyledButton
      onClick={() => spotlight.open()}
      data-testid="palette-trigger"
      aria-label={t('trigger')}
      px="sm"
      py={4}
      style={{
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
        background: 'var(--mantine-color-default)'
      }}
    >
      <Group gap="lg" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {t('trigger')}
        </Text>
        <Group gap={2} wrap="nowrap">
          <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd>
          <Kbd size="xs">K</Kbd>
        </Group>
      </Group>
    </UnstyledButton>
  )
}
