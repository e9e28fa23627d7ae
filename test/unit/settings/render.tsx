import 'fake-indexeddb/auto'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { render, type RenderResult } from '@testing-library/react'
import i18next from 'i18next'
import { initI18n } from '../../../src/renderer/src/app/i18n'
import { getDb } from '../../../src/renderer/src/data/database'
import type { DeskDb } from '../../../src/renderer/src/data/db'

let initialised = false

/** The console's providers around one screen, in English unless a test asks otherwise. */
export function renderScreen(ui: React.ReactElement, language: 'en' | 'zh-CN' = 'en'): RenderResult {
  if (!initialised) {
    initI18n('en')
    initialised = true
  }
  void i18next.changeLanguage(language)
  return render(
    <MantineProvider>
      <Notifications />
      {ui}
    </MantineProvider>
  )
}

/** Empties every table of the window's database between tests (the singleton stays open). */
export async function resetDb(): Promise<DeskDb> {
  const db = getDb()
  await db.open()
  await Promise.all(db.tables.map((t) => t.clear()))
  return db
}
