import { useEffect } from 'react'
import { Center, Loader, MantineProvider, useMantineColorScheme } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { Router } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import { requestPersistentStorage } from '../data/database'
import { useProfile } from '../data/reference'
import { SetupPage } from '../features/setup/SetupPage'
import { setLanguage } from './i18n'
import { usePrefs } from './prefs-store'
import { PlatformBridge } from './PlatformBridge'
import { Shell } from './Shell'
import { theme } from './theme'

function PrefsBridge(): null {
  const themePref = usePrefs((s) => s.theme)
  const language = usePrefs((s) => s.language)
  const { setColorScheme } = useMantineColorScheme()
  useEffect(() => setColorScheme(themePref === 'system' ? 'auto' : themePref), [themePref, setColorScheme])
  useEffect(() => setLanguage(language), [language])
  return null
}

function Gate(): React.JSX.Element {
  const profile = useProfile()
  if (profile === undefined)
    return (
      <Center h="100%">
        <Loader />
      </Center>
    )
  return profile ? <Shell /> : <SetupPage />
}

export function App(): React.JSX.Element {
  useEffect(() => void requestPersistentStorage(), [])
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" />
      <PrefsBridge />
      <Router hook={useHashLocation}>
        <PlatformBridge />
        <Gate />
      </Router>
    </MantineProvider>
  )
}
