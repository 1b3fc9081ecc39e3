import { describe, expect, it } from 'vitest';
import { storedEvent, type StoredEvent } from '../core/desk/events.ts';
import { customerEventView } from './event-stream.ts';

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
