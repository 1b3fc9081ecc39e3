// What the customer reads when a message cannot be sent: the API's error code and status mapped to a message in
// the widget's language (never the API's English text); the code itself stays available for support. Runtime: browser.
import { ApiError } from '../api.ts';
import type { StringKey, StringValues } from './local-text.ts';

export interface SendFailure {
  readonly key: StringKey;
  readonly values?: StringValues;
  /** The API's code and HTTP status, e.g. `rate_limited:address (429)`; empty when there is none. */
  readonly code: string;
  /** Whether sending the same message again can succeed (a refused message cannot). */
  readonly retryable: boolean;
  /** The server's length limit, when it refused the text as too long ("text must be at most 4000 characters"). */
  readonly maxLength?: number;
}

/** Maps a failed send (or rating) to a localized message; `length` is the text's length, `maxLength` the known limit. */
export function sendFailure(error: unknown, length: number, maxLength: number): SendFailure {
  if (!(error instanceof ApiError)) return { key: 'sendFailed', code: '', retryable: true };
  const code = error.status > 0 ? `${error.code} (${error.status})` : error.code;
  if (error.status === 0 && error.code === 'network') return { key: 'errorNetwork', code, retryable: true };
  if (error.status === 429 || error.code.startsWith('rate_limited'))
    return { key: 'errorRateLimited', code, retryable: true };
  if (error.status === 503 || error.code.startsWith('unavailable')) return { key: 'errorBusy', code, retryable: true };
  const limit = /at most (\d+) characters/.exec(error.message)?.[1];
  if (error.status === 400 && limit !== undefined) {
    const max = Number(limit);
    return { key: 'errorTooLong', values: { length, max }, code, retryable: false, maxLength: max };
  }
  if (error.status === 413) return { key: 'errorTooLong', values: { length, max: maxLength }, code, retryable: false };
  if (error.status >= 400 && error.status < 500) return { key: 'errorRejected', code, retryable: false };
  return { key: 'sendFailed', code, retryable: true };
}
