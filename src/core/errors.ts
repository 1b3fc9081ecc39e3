// Typed failures with stable codes (`<kind>:<subject>`); the HTTP layer maps kinds to statuses in one place. Runtime: any.

export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'upstream'
  | 'internal';

export class AppError extends Error {
  override name = 'AppError';
  readonly kind: ErrorKind;

  /** `code` is `<kind>:<subject>`, e.g. `not_found:conversation`; `message` is safe to show to the caller. */
  constructor(
    readonly code: `${ErrorKind}:${string}`,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.kind = code.slice(0, code.indexOf(':')) as ErrorKind;
  }
}
