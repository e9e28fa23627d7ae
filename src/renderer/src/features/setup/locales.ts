import type { Bundle } from '../../app/i18n-core'

export const setupMessages: Bundle = { en: {}, 'zh-CN': {} }
