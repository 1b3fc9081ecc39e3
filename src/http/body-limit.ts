// The request body limit, however the body is framed. A declared Content-Length over the limit is refused before
// the body is read; a body of unknown length (chunked) is counted as it streams. Either way the client gets a JSON 413,
// and the connection stays usable for its next request: a chunked body over the limit is read to its end and thrown
// away (up to a bound in bytes and time) before the answer, since a server that answers mid-body must otherwise
// close the connection. Past the bound the answer says `Connection: close`. Runtime: any.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../core/errors.ts';
import { errorBody } from './errors.ts';

export interface BodyLimitOptions {
  readonly maxBodyBytes: number;
  /** The error code of the 413; `payload_too_large:body` unless a route group names its own. */
  readonly code?: `payload_too_large:${string}` | undefined;
  /** What is too large, in the 413's message; `the request body` unless given. */
  readonly what?: string | undefined;
  /** Bytes of an oversized chunked body read and discarded to keep the connection; beyond, it is closed. */
  readonly drainBytes?: number | undefined;
  /** How long discarding may take before the connection is closed instead (a client sending slowly). */
  readonly drainMs?: number | undefined;
  readonly now?: (() => number) | undefined;
}

export function bodyLimits(options: BodyLimitOptions): MiddlewareHandler {
  const { maxBodyBytes } = options;
  const drainBytes = options.drainBytes ?? 16 * 1024 * 1024;
  const drainMs = options.drainMs ?? 2000;
  const now = options.now ?? (() => Date.now());
  const code = options.code ?? 'payload_too_large:body';
  const message = `${options.what ?? 'the request body'} is larger than ${maxBodyBytes} bytes`;
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      // The HTTP layer holds the body to its declared length, so the header decides.
      if (Number.parseInt(declared, 10) > maxBodyBytes) throw new AppError(code, message);
      return next();
    }
    const body = c.req.raw.body;
    if (body === null) return next();
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBodyBytes) {
        const drained = await discard(reader, size, { bytes: drainBytes, until: now() + drainMs, now });
        return c.json(errorBody(code, message), 413, drained ? {} : { Connection: 'close' });
      }
      chunks.push(value);
    }
    const whole = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      whole.set(chunk, offset);
      offset += chunk.byteLength;
    }
    c.req.raw = new Request(c.req.raw, { body: whole });
    return next();
  };
}

/** Reads the rest of a body and drops it; false when it was longer or slower than the bounds allow. */
async function discard(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  read: number,
  bounds: { readonly bytes: number; readonly until: number; readonly now: () => number },
): Promise<boolean> {
  let total = read;
  for (;;) {
    if (total > bounds.bytes || bounds.now() > bounds.until) {
      // Not cancelled: cancelling destroys the socket before the 413 is written. The answer says Connection: close,
      // and the HTTP layer closes the connection once it is sent.
      reader.releaseLock();
      return false;
    }
    const { done, value } = await reader.read();
    if (done) return true;
    total += value.byteLength;
  }
}
