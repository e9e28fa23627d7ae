import type { DeskApi } from '../shared/ipc'

declare global {
  interface Window {
    /** The desktop bridge (src/preload/index.ts). Absent in the web console: feature-detect it. */
    desk?: DeskApi
  }
}

export {}
