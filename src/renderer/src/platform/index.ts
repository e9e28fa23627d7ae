import { desktopPlatform } from './desktop'
import type { Platform } from './platform'
import { webPlatform } from './web'

export type { Platform } from './platform'

let current: Platform | null = null

export function getPlatform(): Platform {
  current ??= window.desk ? desktopPlatform(window.desk) : webPlatform()
  return current
}
