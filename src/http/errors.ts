// The one place where failures become HTTP responses: always `{ "error": { "code", "message" } }`. Runtime: any.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../core/ports/logger.ts';
import { AppError, type ErrorKind } from '../core/errors.ts';

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  upstream: 502,
  internal: 500,
};

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Maps AppError, Hono's HTTPException (malformed JSON and the like) and anything else to JSON. */
export function handleError(error: Error, c: Context, logger: Logger): Response {
  if (error instanceof AppError) {
    if (
      (error.kind === 'rate_limited' || error.kind === 'unavailable') &&
      typeof error.details?.retryAfterSeconds === 'number'
    )
      c.header('Retry-After', String(error.details.retryAfterSeconds));
    return c.json(errorBody(error.code, error.message), STATUS[error.kind]);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 400) return c.json(errorBody('bad_request:json', 'the request body is not valid JSON'), 400);
    if (status === 413)
      return c.json(errorBody('payload_too_large:body', error.message || 'the request body is too large'), 413);
    if (status === 415)
      return c.json(errorBody('unsupported_media_type:body', 'send the body as application/json'), 415);
    return c.json(errorBody(`http:${status}`, error.message || 'request failed'), status as ContentfulStatusCode);
  }
  logger.error({ err: error, requestId: c.get('requestId' as never) }, 'unhandled error');
  return c.json(errorBody('internal:server', 'something went wrong on our side; the request was not completed'), 500);
}
