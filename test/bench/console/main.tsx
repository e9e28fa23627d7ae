import * as data from './bench-data'
import { scenarios, mountQueue } from './bench-render'

declare global {
  interface Window {
    bench: typeof data & { scenarios: typeof scenarios; mountQueue: typeof mountQueue; ready: boolean }
  }
}

window.bench = { ...data, scenarios, mountQueue, ready: true }
