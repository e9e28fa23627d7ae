import { createTheme } from '@mantine/core'

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  headings: { fontWeight: '600' }
})

/** Colours the whole console uses for priorities and statuses, so they mean the same everywhere. */
export const priorityColor = { P1: 'red', P2: 'orange', P3: 'yellow', P4: 'gray' } as const
export const statusColor = {
  new: 'blue',
  assigned: 'indigo',
  in_progress: 'violet',
  pending: 'yellow',
  resolved: 'teal',
  closed: 'gray',
  cancelled: 'gray'
} as const
