import type { Bundle } from '../../app/i18n-core'

export const intakeMessages: Bundle = { en: {}, 'zh-CN': {} }
