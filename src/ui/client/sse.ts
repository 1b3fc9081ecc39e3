// Server-sent events over fetch, so requests can carry an Authorization header (EventSource cannot). Runtime: browser.

export interface SseMessage {
  readonly event: string;
  readonly data: string;
  readonly id?: string | undefined;
}

/**
 * Splits an event stream into messages as bytes arrive; calls `onMessage` for each complete one. A handler
 * that throws does not end the stream, and the connection is released however reading ends.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onMessage: (message: SseMessage) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      // A CR at the end may be the first half of a CRLF split across chunks: keep it for the next one.
      const complete = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
      const text = buffer.slice(0, complete).replace(/\r\n?/g, '\n');
      const rest = buffer.slice(complete);
      let start = 0;
      let end = text.indexOf('\n\n');
      while (end >= 0) {
        const message = parseBlock(text.slice(start, end));
        if (message !== undefined) {
          try {
            onMessage(message);
          } catch {
            // One malformed event must not cost the customer the live feed.
          }
        }
        start = end + 2;
        end = text.indexOf('\n\n', start);
      }
      buffer = text.slice(start) + rest;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

export function parseBlock(block: string): SseMessage | undefined {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  return data.length === 0 ? undefined : { event, data: data.join('\n'), id };
}

export interface FollowOptions {
  readonly url: string;
  readonly token: string;
  readonly onMessage: (message: SseMessage) => void;
  /** Where to resume after a reconnect; updated from each message's id. */
  readonly lastEventId?: string | undefined;
  readonly signal: AbortSignal;
  /** Told when the token stops working (401/403/404): following stops. */
  readonly onDenied?: ((status: number) => void) | undefined;
  /** Told each time the feed is connected (first time and after a reconnect). */
  readonly onOpen?: (() => void) | undefined;
}

/** Follows a live feed for as long as `signal` allows, reconnecting with Last-Event-ID after a drop. */
export async function followEvents(options: FollowOptions): Promise<void> {
  let lastEventId = options.lastEventId;
  let delay = 500;
  while (!options.signal.aborted) {
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' };
      if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
      const response = await fetch(options.url, { headers, signal: options.signal });
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        options.onDenied?.(response.status);
        return;
      }
      if (response.ok && response.body !== null) {
        delay = 500;
        options.onOpen?.();
        await readEventStream(response.body, (message) => {
          if (message.id !== undefined) lastEventId = message.id;
          options.onMessage(message);
        });
      }
    } catch {
      if (options.signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 10_000);
  }
}
