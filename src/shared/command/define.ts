import type { z } from 'zod'
import { CommandError, type CommandDef } from './types'

export function defineCommand<S extends z.ZodType>(def: CommandDef<S>): CommandDef<S> {
  return def
}

/** zod issues → `{ 'path.to.field': message }`, the shape forms and IPC errors use. */
export function issuesOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_'
    if (!(key in out)) out[key] = issue.message
  }
  return out
}

export function validationError(what: string, issues: Record<string, string>): CommandError {
  const list = Object.entries(issues)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ')
  return new CommandError('validation', `${what}: ${list}`, issues)
}

export function parseArgs<S extends z.ZodType>(def: CommandDef<S>, args: unknown): z.output<S> {
  const parsed = def.args.safeParse(args)
  if (!parsed.success) throw validationError(`invalid arguments for ${def.name}`, issuesOf(parsed.error))
  return parsed.data
}
