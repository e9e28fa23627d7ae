import type { TFunction } from 'i18next'
import { z } from 'zod'
import { normaliseServerUrl } from '../../data/sync/http-transport'

export interface ConnectValues {
  serverUrl: string
  email: string
  password: string
}

/** Field errors before anything is sent (the server checks again). */
export function validateConnect(values: ConnectValues, t: TFunction): Partial<Record<keyof ConnectValues, string>> {
  const errors: Partial<Record<keyof ConnectValues, string>> = {}
  if (!values.serverUrl.trim()) errors.serverUrl = t('sync:connect.required')
  else if (!normaliseServerUrl(values.serverUrl)) errors.serverUrl = t('sync:connect.invalidUrl')
  if (!values.email.trim()) errors.email = t('sync:connect.required')
  else if (!z.email().safeParse(values.email.trim()).success) errors.email = t('sync:connect.invalidEmail')
  if (!values.password) errors.password = t('sync:connect.required')
  return errors
}
