// Posts a customer message and reads the reply as it streams: `token` events with text as it is produced and
// verified, then one `reply` event with the stored message and the final reply. Runtime: browser.
import { ApiError, responseError } from '../api.ts';
import type { ErrorBody, MessageResult, ReplyToken } from '../api-types.ts';
import { readEventStream } from '../sse.ts';

export interface ReplyStreamRequest {
  readonly url: string;
  readonly token: string;
  readonly text: string;
  /** Idempotency key: a repeat returns the first result. */
  readonly clientMessageId: string;
  /** The option of the clarifying question right before that a quick-reply button picked. */
  readonly optionId?: string | undefined;
  /** Files uploaded for this message. */
  readonly attachmentIds?: readonly string[] | undefined;
  /** Receives each piece of text as it arrives. */
  readonly onToken: (piece: string) => void;
  /** The failure to report when the stream ends without a reply and without saying why. */
  readonly fallbackError: string;
}

export async function streamReply(request: ReplyStreamRequest): Promise<MessageResult> {
  const response = await fetch(request.url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${request.token}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify({
      text: request.text,
      clientMessageId: request.clientMessageId,
      optionId: request.optionId,
      attachmentIds: request.attachmentIds,
    }),
  });
  if (!response.ok || response.body === null) throw await responseError(response, 'http');
  let result: MessageResult | undefined;
  let failure: string | undefined;
  await readEventStream(response.body, (message) => {
    if (message.event === 'token') request.onToken((JSON.parse(message.data) as ReplyToken).text);
    else if (message.event === 'reply') result = JSON.parse(message.data) as MessageResult;
    else if (message.event === 'error') failure = (JSON.parse(message.data) as ErrorBody).error.message;
  });
  if (result === undefined) throw new ApiError(0, 'stream', failure ?? request.fallbackError);
  return result;
}
