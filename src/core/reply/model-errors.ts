// What a failed model call says about itself: rate limits with their Retry-After, and endpoints that do not
// accept a JSON-schema response format. Reads the fields OpenAI-compatible clients put on errors. Runtime: any.

interface ErrorFields {
  readonly status?: unknown;
  readonly retryAfterMs?: unknown;
  readonly headers?: unknown;
  readonly message?: unknown;
  readonly name?: unknown;
}

const fieldsOf = (error: unknown): ErrorFields =>
  typeof error === 'object' && error !== null ? (error as ErrorFields) : {};

function header(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  if ('get' in headers && typeof headers.get === 'function') {
    const value: unknown = headers.get(name);
    return typeof value === 'string' ? value : undefined;
  }
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

export function isRateLimited(error: unknown): boolean {
  return fieldsOf(error).status === 429;
}

/**
 * How long a rate-limited endpoint asks to wait, in milliseconds: `retry-after-ms`, or `Retry-After` in
 * seconds or as an HTTP date. Undefined when it does not say.
 */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const fields = fieldsOf(error);
  if (typeof fields.retryAfterMs === 'number' && Number.isFinite(fields.retryAfterMs))
    return Math.max(0, fields.retryAfterMs);
  const milliseconds = Number(header(fields.headers, 'retry-after-ms'));
  if (Number.isFinite(milliseconds) && milliseconds >= 0 && header(fields.headers, 'retry-after-ms') !== undefined)
    return milliseconds;
  const raw = header(fields.headers, 'retry-after');
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A 400 that rejects the JSON-schema response format: the endpoint needs plain JSON mode instead. */
export function rejectsResponseFormat(error: unknown): boolean {
  const fields = fieldsOf(error);
  const message = typeof fields.message === 'string' ? fields.message : '';
  return (
    (fields.status === 400 || fields.status === 422) &&
    /response_format|json_schema|structured output|schema/i.test(message)
  );
}

export function isAbort(error: unknown): boolean {
  const name = fieldsOf(error).name;
  return name === 'AbortError' || name === 'TimeoutError' || (error instanceof Error && /abort/i.test(error.message));
}
