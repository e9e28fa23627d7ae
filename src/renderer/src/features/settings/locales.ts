import type { Bundle } from '../../app/i18n-core'

export const settingsMessages: Bundle = { en: {}, 'zh-CN': {} }
