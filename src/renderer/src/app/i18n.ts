import i18next, { type Resource } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { commonMessages } from './locales/common'
import { queueMessages } from '../features/queue/locales'
import { intakeMessages } from '../features/intake/locales'
import { ticketMessages } from '../features/ticket/locales'
import { settingsMessages } from '../features/settings/locales'
import { setupMessages } from '../features/setup/locales'
import { paletteMessages } from '../features/palette/locales'
import { componentMessages } from '../components/locales'
import { syncMessages } from '../features/sync/locales'
import { detectLanguage, languages, type Bundle, type Language } from './i18n-core'

export const namespaces: Record<string, Bundle> = {
  common: commonMessages,
  queue: queueMessages,
  intake: intakeMessages,
  ticket: ticketMessages,
  settings: settingsMessages,
  setup: setupMessages,
  palette: paletteMessages,
  components: componentMessages,
  sync: syncMessages
}

export function resolveLanguage(pref: Language | 'system'): Language {
  return pref === 'system' ? detectLanguage(navigator.languages ?? [navigator.language]) : pref
}

export function initI18n(pref: Language | 'system' = 'system'): void {
  const resources: Resource = {}
  for (const lng of languages) {
    resources[lng] = {}
    for (const [ns, bundle] of Object.entries(namespaces)) resources[lng][ns] = bundle[lng]
  }
  void i18next.use(initReactI18next).init({
    resources,
    lng: resolveLanguage(pref),
    fallbackLng: 'en',
    ns: Object.keys(namespaces),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false
  })
  document.documentElement.lang = i18next.language
}

export function setLanguage(pref: Language | 'system'): void {
  const lng = resolveLanguage(pref)
  void i18next.changeLanguage(lng)
  document.documentElement.lang = lng
}
