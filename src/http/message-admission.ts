// Admission for customer messages (POST /v1/conversations/{id}/messages), checked before the message is stored:
// a cap on one address's requests in flight at once (429 `rate_limited:in_flight`), and shedding while the reply
// queue is over its limit (503 `unavailable:busy`). Keeps one address's flood from building a backlog that every
// other customer waits behind. Runtime: any.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../core/errors.ts';

/** How many replies are waiting or being computed, and how many may be before new messages are refused. */
export interface ReplyLoad {
  readonly pending: number;
  readonly limit: number;
}

export interface MessageAdmissionOptions {
  /** Message requests one address may have in flight at once (a streamed reply counts until its stream ends). */
  readonly inFlightPerAddress: number;
  readonly clientAddress: (c: Parameters<MiddlewareHandler>[0]) => string;
  /** The reply queue's load; without it, messages are never shed for load. */
  readonly replyLoad?: (() => ReplyLoad) | undefined;
}

/** Seconds a refused client is asked to wait: an in-flight slot frees as soon as one reply is sent. */
const IN_FLIGHT_RETRY_SECONDS = 1;
/** Seconds a shed client is asked to wait: long enough for a backlog of replies to drain. */
const BUSY_RETRY_SECONDS = 5;

export interface MessageAdmission {
  readonly middleware: MiddlewareHandler;
  /** Requests in flight for an address (for tests and metrics). */
  inFlight(address: string): number;
}

export function messageAdmission(options: MessageAdmissionOptions): MessageAdmission {
  const counts = new Map<string, number>();
  const release = (address: string) => {
    const left = (counts.get(address) ?? 1) - 1;
    if (left <= 0) counts.delete(address);
    else counts.set(address, left);
  };

  const middleware: MiddlewareHandler = async (c, next) => {
    const address = options.clientAddress(c);
    const held = counts.get(address) ?? 0;
    if (held >= options.inFlightPerAddress) {
      throw new AppError('rate_limited:in_flight', 'too many messages in flight from this address; retry later', {
        retryAfterSeconds: IN_FLIGHT_RETRY_SECONDS,
      });
    }
    const load = options.replyLoad?.();
    if (load !== undefined && load.pending >= load.limit) {
      throw new AppError('unavailable:busy', 'the service is busy answering other customers; retry shortly', {
        retryAfterSeconds: BUSY_RETRY_SECONDS,
      });
    }
    counts.set(address, held + 1);
    let released = false;
    const releaseOnce = () => {
      if (released) return;
      released = true;
      release(address);
    };
    let streaming = false;
    try {
      await next();
      const body = c.res.body;
      if (body !== null && (c.res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
        // The reply is still being written: count the request until the stream ends or the client goes away.
        c.res = new Response(releasingBody(body, releaseOnce), c.res);
        streaming = true;
      }
    } finally {
      if (!streaming) releaseOnce();
    }
  };
  return { middleware, inFlight: (address) => counts.get(address) ?? 0 };
}

/** The same bytes, calling `release` once the stream is done, fails, or is cancelled by the reader. */
function releasingBody(body: ReadableStream<Uint8Array>, release: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
}
