import type { Bundle } from '../../app/i18n-core'

export const queueMessages: Bundle = { en: {}, 'zh-CN': {} }
