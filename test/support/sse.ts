// Reads server-sent events from a streaming Response until a condition holds, then stops reading.
export interface ServerEvent {
  readonly id?: string | undefined;
  readonly event: string;
  readonly data: unknown;
}

export async function readEvents(
  response: Response,
  done: (events: ServerEvent[]) => boolean,
  timeoutMs = 10_000,
): Promise<ServerEvent[]> {
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no body');
  const decoder = new TextDecoder();
  const events: ServerEvent[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (!done(events)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for events; got ${JSON.stringify(events)}`);
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += decoder.decode(value, { stream: true });
      let boundary = buffer.indexOf('\n\n');
      while (boundary !== -1) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data !== undefined)
          events.push({
            id: /^id: (.*)$/m.exec(block)?.[1],
            event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
            data: JSON.parse(data),
          });
        boundary = buffer.indexOf('\n\n');
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}

/** Parses a whole event-stream body into its events (data left as text). */
export function eventsOf(text: string): Array<{ event: string; data: string; id?: string | undefined }> {
  return text
    .split('\n\n')
    .filter((block) => /^data: /m.test(block))
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
      data: /^data: (.*)$/m.exec(block)?.[1] ?? '',
      id: /^id: (.*)$/m.exec(block)?.[1],
    }));
}
