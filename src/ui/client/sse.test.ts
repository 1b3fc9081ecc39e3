import { describe, expect, it } from 'vitest';
import { parseBlock, readEventStream, type SseMessage } from './sse.ts';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('reading server-sent events', () => {
  it('joins messages split across chunks, keeps ids and multi-line data, and skips comments', async () => {
    const messages: SseMessage[] = [];
    await readEventStream(
      streamOf(
        'event: token\nid: 1\ndata: {"text":"Здрав',
        'ствуйте"}\n\n: keep-alive\n\n',
        'event: reply\r\nid: 2\r\ndata: a\r\ndata: b\r\n\r\n',
      ),
      (message) => messages.push(message),
    );
    expect(messages).toEqual([
      { event: 'token', id: '1', data: '{"text":"Здравствуйте"}' },
      { event: 'reply', id: '2', data: 'a\nb' },
    ]);
  });

  it('keeps a CRLF split across chunks together and survives a handler that throws', async () => {
    const messages: SseMessage[] = [];
    await readEventStream(
      streamOf('event: reply\r', '\nid: 2\r\ndata: x\r\n\r\n', 'data: boom\n\n', 'data: y\n\n'),
      (message) => {
        if (message.data === 'boom') throw new Error('bad handler');
        messages.push(message);
      },
    );
    expect(messages).toEqual([
      { event: 'reply', id: '2', data: 'x' },
      { event: 'message', id: undefined, data: 'y' },
    ]);
  });

  it('treats a block without data as nothing and defaults the event name', () => {
    expect(parseBlock('id: 5')).toBeUndefined();
    expect(parseBlock('data: x')).toEqual({ event: 'message', data: 'x', id: undefined });
  });
});
