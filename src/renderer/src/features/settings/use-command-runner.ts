import { useCallback } from 'react'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { runCommand } from '../../data/commands'
import { getDb } from '../../data/database'
import { metaKeys } from '../../data/command-store'
import type { Profile } from '../../data/reference'
import { commandIssues, type FieldErrors } from './issues'

export interface RunResult {
  ok: boolean
  /** Translated issues keyed by argument path (`name`, `value.2.teamId`), empty on success. */
  issues: FieldErrors
}

export type CommandRunner = (
  name: string,
  version: number,
  args: unknown,
  opts?: { successMessage?: string; actorId?: string }
) => Promise<RunResult>

/**
 * Runs a command as the signed-in agent and tells the agent how it went, in their language.
 * Field issues come back to the caller to show beside the fields.
 */
export function useCommandRunner(): CommandRunner {
  const { t } = useTranslation('settings')
  return useCallback<CommandRunner>(
    async (name, version, args, opts) => {
      try {
        const db = getDb()
        // Read at call time: a live-query value may still be loading right after mount.
        const actorId =
          opts?.actorId ?? ((await db.meta.get(metaKeys.profile))?.value as Profile | undefined)?.agentId ?? ''
        await runCommand(db, name, version, args, { actorId })
        notifications.show({
          color: 'teal',
          title: t('feedback.saved'),
          message: opts?.successMessage ?? t('feedback.queued'),
          autoClose: 2500
        })
        return { ok: true, issues: {} }
      } catch (error) {
        const issues = commandIssues(error, t)
        notifications.show({
          color: 'red',
          title: t('feedback.notSaved'),
          message: issues
            ? t('feedback.checkFields')
            : t('common:errors.generic', { message: (error as Error).message }),
          autoClose: 5000
        })
        return { ok: false, issues: issues ?? {} }
      }
    },
    [t]
  )
}
