import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { storedEvent, type StoredEvent } from '../core/desk/events.ts';
import type { EventFeed } from '../core/ports/event-feed.ts';
import { customerEventView, eventFeed } from './event-stream.ts';

const event = (type: string, data: Record<string, unknown> = {}): StoredEvent =>
  storedEvent({ seq: 1, conversationId: 'c1', type, actor: 'customer', at: '2026-11-22T10:00:00.000Z', data });

describe('what a customer’s live feed shows', () => {
  it('tells the customer the bot is back when they write after a resolution, and never shows internal notes', () => {
    expect(customerEventView(event('conversation-reopened', { from: 'resolved', to: 'bot' }))).toEqual({
      event: 'status',
      data: { status: 'bot', at: '2026-11-22T10:00:00.000Z' },
    });
    expect(customerEventView(event('note-added', { noteId: 'n1', text: 'internal' }))).toBeUndefined();
  });
});

describe('a live feed whose caller lost the right to it', () => {
  it('ends at the next keep-alive once the caller is no longer allowed, and keeps going while they are', async () => {
    let allowed = true;
    const idle: EventFeed = {
      async *follow(options) {
        while (!options.signal.aborted) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          yield [];
        }
      },
    };
    const app = new Hono().get('/events', (c) =>
      eventFeed(c, { feed: idle, after: 0, map: () => undefined, stillAllowed: () => Promise.resolve(allowed) }),
    );
    const response = await app.request('/events');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain(': keep-alive');
    allowed = false;
    let ended = false;
    for (let reads = 0; reads < 100 && !ended; reads += 1) ended = (await reader.read()).done;
    expect(ended).toBe(true);
  });
});
