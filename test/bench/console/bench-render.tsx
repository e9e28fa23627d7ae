import '@mantine/core/styles.css'
import { MantineProvider } from '@mantine/core'
import { createRoot } from 'react-dom/client'
import { Router } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import { initI18n } from '../../../src/renderer/src/app/i18n'
import { theme } from '../../../src/renderer/src/app/theme'
import { emptyFilters, type QueueFilters, type QueueSort, type QueueViewId } from '../../../src/renderer/src/data/queue-query'
import { QueuePage } from '../../../src/renderer/src/features/queue/QueuePage'
import { useQueueStore } from '../../../src/renderer/src/features/queue/store'
import { benchNow } from './bench-data'

/** Mounts the real queue screen (same providers as the app shell) and times it. */
export function mountQueue(): void {
  initI18n('en')
  const el = document.getElementById('root')!
  createRoot(el).render(
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Router hook={useHashLocation}>
        <div style={{ height: '100vh', display: 'flex', flexDirection: 'column', padding: 16, boxSizing: 'border-box' }}>
          <QueuePage />
        </div>
      </Router>
    </MantineProvider>
  )
}

function grid(): HTMLElement | null {
  return document.querySelector('[data-testid="queue-grid"]')
}

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()))

/** Resolves once a new query's first page is in the DOM and painted. */
async function rendered(before: number): Promise<void> {
  const deadline = performance.now() + 60_000
  for (;;) {
    const g = grid()
    if (g && Number(g.dataset.renderSeq) > before && g.dataset.ready === 'true') break
    if (performance.now() > deadline)
      throw new Error(`queue did not render within 60 s: ${JSON.stringify({ ...useQueueStore.getState(), selected: undefined })}`)
    await new Promise((r) => setTimeout(r, 0))
  }
  await frame()
}

async function timed(change: () => void): Promise<number> {
  const before = Number(grid()?.dataset.renderSeq ?? 0)
  const t0 = performance.now()
  change()
  await rendered(before)
  return performance.now() - t0
}

interface Step {
  view?: QueueViewId
  sort?: QueueSort
  filters?: Partial<QueueFilters>
}

const day = 86_400_000
const changes: Step[] = [
  // Every step changes the query (the list wraps around when runs > its length).
  { view: 'open', sort: { column: 'updated', desc: true } },
  { sort: { column: 'priority', desc: false } },
  { filters: { category: ['network'] } },
  { sort: { column: 'number', desc: true } },
  { filters: { priority: ['P1', 'P2'] } },
  { view: 'mine', sort: { column: 'updated', desc: true } },
  { sort: { column: 'title', desc: false } },
  { view: 'unassigned' },
  { view: 'team', sort: { column: 'priority', desc: false } },
  { sort: { column: 'assignee', desc: false } },
  { view: 'resolved', sort: { column: 'updated', desc: true } },
  { filters: { kind: ['request'] } },
  { sort: { column: 'requester', desc: false } },
  { filters: { updatedFrom: new Date(benchNow - 7 * day).toISOString() } },
  { view: 'open', sort: { column: 'team', desc: false } },
  { filters: { status: ['pending'] } },
  { sort: { column: 'status', desc: true } },
  { filters: { title: 'vpn' } },
  { sort: { column: 'category', desc: false } },
  { view: 'resolved', sort: { column: 'priority', desc: false } }
]

const searches = ['VPN', '打印机', 'outlook password', '账号 锁定', 'wifi', '蓝屏', 'excel', '邮件', 'printer', '无法', 'INC-000123', 'licence', '证书', 'phishing', '会议室']

function apply(step: Step): void {
  const s = useQueueStore.getState()
  useQueueStore.setState({
    view: step.view ?? s.view,
    sort: step.sort ?? s.sort,
    filters: step.filters ? { ...emptyFilters, ...step.filters } : step.view ? emptyFilters : s.filters,
    search: '',
    selected: new Set(),
    focusedIndex: 0
  })
}

export async function scenarios(runs: number): Promise<Record<string, number[]>> {
  if (!grid()) mountQueue()
  await rendered(0)
  const filterSort: number[] = []
  const searchEn: number[] = []
  const searchZh: number[] = []
  for (let i = 0; i < Math.max(runs, changes.length); i++) {
    const ms = await timed(() => apply(changes[i % changes.length]))
    if (ms > 250) console.log(`[bench] slow step ${i % changes.length}: ${ms.toFixed(0)} ms ${JSON.stringify(changes[i % changes.length])}`)
    filterSort.push(ms)
  }
  const zh = searches.filter((q) => /[\u4e00-\u9fff]/.test(q))
  const en = searches.filter((q) => !/[\u4e00-\u9fff]/.test(q))
  for (let i = 0; i < runs * 2; i++) {
    const view: QueueViewId = i % 3 === 0 ? 'resolved' : 'open'
    const q = i % 2 === 0 ? en[(i / 2) % en.length] : zh[((i - 1) / 2) % zh.length]
    // Start from the plain view, then "type" the query: the last keystroke's result is what counts.
    await timed(() => useQueueStore.setState({ view, search: '', filters: emptyFilters, sort: { column: 'updated', desc: true } }))
    const ms = await timed(() => useQueueStore.getState().setSearch(q))
    if (ms > 250) console.log(`[bench] slow search ${view} "${q}": ${ms.toFixed(0)} ms`)
    ;(i % 2 === 0 ? searchEn : searchZh).push(ms)
  }
  return {
    'queue filter/sort change → first page rendered': filterSort,
    'queue search (English) → first page rendered': searchEn,
    'queue search (Chinese) → first page rendered': searchZh
  }
}
