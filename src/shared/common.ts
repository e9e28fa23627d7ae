import { z } from 'zod'
import { idSchemaPattern } from './ids'

export const idSchema = z.string().regex(idSchemaPattern, 'must be a UUID')
export const isoTimeSchema = z.iso.datetime({ offset: true })

/** Trimmed text with a length range; empty after trimming counts as missing. */
export function text(min: number, max: number): z.ZodString {
  return z
    .string()
    .trim()
    .min(min, min <= 1 ? 'required' : `at least ${min} characters`)
    .max(max, `at most ${max} characters`)
}

export const recordBase = {
  id: idSchema,
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema
}
