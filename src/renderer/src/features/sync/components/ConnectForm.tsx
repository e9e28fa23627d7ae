import { useState } from 'react'
import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { normaliseServerUrl, LoginError } from '../../../data/sync/http-transport'
import { validateConnect, type ConnectValues } from '../connect-form'
import { getSyncRuntime } from '../sync-runtime'

export interface ConnectFormProps {
  initial?: Partial<ConnectValues>
  title?: string
  /** Shown under the form when the agent may also stay local-only. */
  offerLocalOnly?: boolean
}

/** Server address + login. Wrong password, unreachable and too-old answers are told apart. */
export function ConnectForm({ initial, title, offerLocalOnly = false }: ConnectFormProps): React.JSX.Element {
  const { t } = useTranslation('sync')
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useForm<ConnectValues>({
    mode: 'controlled',
    initialValues: { serverUrl: initial?.serverUrl ?? '', email: initial?.email ?? '', password: '' },
    validate: (values) => validateConnect(values, t)
  })

  const submit = async (values: ConnectValues): Promise<void> => {
    setFailure(null)
    setBusy(true)
    try {
      await getSyncRuntime().connect(normaliseServerUrl(values.serverUrl)!, values.email.trim(), values.password)
      form.setFieldValue('password', '')
    } catch (error) {
      if (error instanceof LoginError) {
        setFailure(t(`connect.failed.${error.code}`, { message: error.message }))
        if (error.code === 'invalid_credentials')
          form.setFieldError('password', t('connect.failed.invalid_credentials'))
        if (error.code === 'unreachable') form.setFieldError('serverUrl', t('connect.failed.unreachable'))
        if (error.code === 'invalid_input') form.setErrors(error.issues)
      } else setFailure(t('connect.failed.server', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={form.onSubmit(submit)} noValidate data-testid="connect-form">
        <Stack gap="sm">
          <Title order={5}>{title ?? t('connect.title')}</Title>
          <TextInput
            label={t('connect.serverUrl')}
            placeholder={t('connect.serverUrlPlaceholder')}
            autoComplete="url"
            data-autofocus
            withAsterisk
            {...form.getInputProps('serverUrl')}
            data-testid="connect-server-url"
          />
          <TextInput
            label={t('connect.email')}
            type="email"
            autoComplete="username"
            withAsterisk
            {...form.getInputProps('email')}
            data-testid="connect-email"
          />
          <PasswordInput
            label={t('connect.password')}
            autoComplete="current-password"
            withAsterisk
            {...form.getInputProps('password')}
            data-testid="connect-password"
          />
          {failure && (
            <Alert color="red" data-testid="connect-error">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="connect-submit">
              {busy ? t('connect.connecting') : t('connect.submit')}
            </Button>
          </Group>
          {offerLocalOnly && (
            <Text size="xs" c="dimmed" data-testid="connect-local-only-hint">
              <Text span fw={600} size="xs">
                {t('connect.localOnly')}:{' '}
              </Text>
              {t('connect.localOnlyHint')}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  )
}
