import { notifications } from '@mantine/notifications'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CommandError } from '@shared/command/types'
import { runCommand } from '../data/commands'
import { getDb } from '../data/database'
import { useMe } from '../data/reference'
import { translateIssue, type Issues } from './field-errors'

export interface CommandRunner {
  /** Runs a command as the current agent; false when it was refused (issues are then set). */
  run(name: string, args: unknown): Promise<boolean>
  issues: Issues
  setIssues(issues: Issues): void
  busy: boolean
  /** False until the agent profile has loaded: commands need an actor. */
  ready: boolean
}

/** Shows a refused command to the agent: a notification naming what was wrong. */
export function notifyRefusal(t: ReturnType<typeof useTranslation>['t'], err: unknown): void {
  if (err instanceof CommandError) {
    const details = Object.values(err.issues).map((m) => translateIssue(t, m))
    notifications.show({
      color: 'red',
      title: t('components:command.refusedTitle'),
      message: details.length
        ? `${t('components:command.refusedFields')} ${[...new Set(details)].join(' · ')}`
        : err.message
    })
  } else {
    notifications.show({
      color: 'red',
      title: t('components:command.refusedTitle'),
      message: t('components:command.failed', { message: err instanceof Error ? err.message : String(err) })
    })
  }
}

/**
 * One form's command channel: runs through `runCommand` (validation + outbox) and keeps the field
 * errors of the last refusal so the form can show them next to the fields.
 */
export function useCommand(): CommandRunner {
  const { t } = useTranslation()
  const me = useMe()
  const [issues, setIssues] = useState<Issues>({})
  const [busy, setBusy] = useState(false)
  const actorId = me?.id
  const run = useCallback(
    async (name: string, args: unknown): Promise<boolean> => {
      if (!actorId) {
        notifications.show({
          color: 'red',
          title: t('components:command.refusedTitle'),
          message: t('components:command.noAgent')
        })
        return false
      }
      setBusy(true)
      try {
        await runCommand(getDb(), name, 1, args, { actorId })
        setIssues({})
        return true
      } catch (err) {
        setIssues(err instanceof CommandError ? err.issues : {})
        notifyRefusal(t, err)
        return false
      } finally {
        setBusy(false)
      }
    },
    [actorId, t]
  )
  return { run, issues, setIssues, busy, ready: Boolean(actorId) }
}
