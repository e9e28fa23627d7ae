import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { issuesOf } from '@shared/command/define'
import type { ErrorBody } from '@shared/sync/protocol'

/** Sends the one error body shape every 4xx/5xx uses. */
export function sendError(
  reply: FastifyReply,
  status: number,
  error: string,
  message: string,
  issues?: Record<string, string>
): FastifyReply {
  const body: ErrorBody = issues ? { error, message, issues } : { error, message }
  return reply.status(status).send(body)
}

/** Parses with a zod schema; on failure answers 400 with field issues and returns undefined. */
export function parseOr400<S extends z.ZodType>(
  reply: FastifyReply,
  schema: S,
  value: unknown,
  what: string
): z.output<S> | undefined {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issues = issuesOf(parsed.error)
  void sendError(
    reply,
    400,
    'bad_request',
    `invalid ${what}: ${Object.entries(issues)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')}`,
    issues
  )
  return undefined
}

const fastifyCodes: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'the request body is too large'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'the request body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'the request body is empty'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'send JSON (Content-Type: application/json)'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request', 'the Content-Length does not match the body'],
  FST_ERR_BAD_URL: [400, 'bad_request', 'the URL is malformed'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'bad_request', 'bad request']
}

/** Fastify's and plugins' errors in the shared error shape; a 5xx never leaks internals. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = err.code ? fastifyCodes[err.code] : undefined
  if (known) return sendError(reply, known[0], known[1], known[2])
  const status = err.statusCode ?? 500
  if (status === 429) return sendError(reply, 429, 'rate_limited', err.message || 'too many requests, try again later')
  if (err instanceof SyntaxError || (status === 400 && /JSON/i.test(err.message)))
    return sendError(reply, 400, 'invalid_json', 'the request body is not valid JSON')
  if (status >= 400 && status < 500) return sendError(reply, status, 'bad_request', err.message)
  req.log.error({ err }, 'request failed')
  return sendError(reply, 500, 'internal', 'the server could not complete the request; try again')
}
