import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { Language } from './i18n-core'

export type ThemePref = 'light' | 'dark' | 'system'
export type LanguagePref = Language | 'system'

interface PrefsState {
  theme: ThemePref
  language: LanguagePref
  setTheme(theme: ThemePref): void
  setLanguage(language: LanguagePref): void
}

export const initialPrefs = { theme: 'system' as ThemePref, language: 'system' as LanguagePref }

/** Display preferences of this workstation (UI state, not desk data). */
export const usePrefs = create<PrefsState>()(
  persist(
    (set) => ({
      ...initialPrefs,
      setTheme: (theme) => set({ theme }),
      setLanguage: (language) => set({ language })
    }),
    { name: 'desk-prefs' }
  )
)
