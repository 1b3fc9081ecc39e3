import { describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.ts';

describe('SqliteTicketStore', () => {
  it('names the newest event of the log, and 0 for an empty log', async () => {
    const store = SqliteStore.open(':memory:');
    expect(await store.tickets.lastEventSeq()).toBe(0);
    await store.createConversation({ id: 'c1', tokenHash: 'h', lang: 'en', customer: {}, channel: 'api', at: '2026-11-01T10:00:00.000Z' });
    await store.addCustomerMessage({ id: 'm1', conversationId: 'c1', text: 'hi', at: '2026-11-01T10:00:01.000Z' });
    const events = await store.tickets.eventsAfter(0);
    expect(events.length).toBe(2);
    expect(await store.tickets.lastEventSeq()).toBe(events.at(-1)?.seq);
    await store.close();
  });
});
