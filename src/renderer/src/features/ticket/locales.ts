import type { Bundle } from '../../app/i18n-core'

export const ticketMessages: Bundle = { en: {}, 'zh-CN': {} }
