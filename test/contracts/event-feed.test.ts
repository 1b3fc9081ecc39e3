import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/adapters/store/sqlite-store.ts';
import { EventHub } from '../../src/core/desk/event-hub.ts';
import { eventFeedContract } from './event-feed.contract.ts';

const fixture = (store: SqliteStore, options: ConstructorParameters<typeof EventHub>[2] = {}) => {
  const hub = new EventHub(store.tickets, store.committed, options);
  return {
    feed: hub,
    hub,
    store,
    close: async () => {
      hub.close();
      await store.close();
    },
  };
};
const file = async () => join(await mkdtemp(join(tmpdir(), 'firstline-feed-')), 'firstline.db');

// No polling at all: delivery can only come from the commit signal.
eventFeedContract('EventHub over SqliteStore (push only)', async () =>
  fixture(SqliteStore.open(await file(), { synchronous: 'normal' }), { pollMs: 0 }),
);
eventFeedContract('EventHub over SqliteStore (small buffers)', () =>
  Promise.resolve(fixture(SqliteStore.open(':memory:'), { pollMs: 0, maxBuffered: 3, pageSize: 7 })),
);

describe('EventHub', () => {
  it('finds events written by another process sharing the database file with one poll per process', async () => {
    const path = await file();
    const reader = fixture(SqliteStore.open(path, { synchronous: 'normal' }), { pollMs: 20 });
    const writer = SqliteStore.open(path, { synchronous: 'normal' });
    await writer.createConversation({
      id: 'c1',
      tokenHash: 'h',
      lang: 'en',
      customer: {},
      channel: 'api',
      at: '2026-11-01T10:00:00.000Z',
    });
    const stop = new AbortController();
    const feeds = Array.from({ length: 3 }, async () => {
      for await (const batch of reader.feed.follow({ after: 1, conversationId: 'c1', signal: stop.signal }))
        if (batch.length > 0) return batch.map((event) => event.type);
      return [];
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(reader.hub.feeds).toBe(3);
    await writer.addCustomerMessage({ id: 'm1', conversationId: 'c1', text: 'hi', at: '2026-11-01T10:00:01.000Z' });
    expect(await Promise.all(feeds)).toEqual([['message-received'], ['message-received'], ['message-received']]);
    stop.abort();
    await writer.close();
    await reader.close();
  });

  it('forgets a feed when its reader stops, and reads nothing while no feed is open', async () => {
    const store = SqliteStore.open(':memory:');
    const reads: number[] = [];
    const log = {
      lastEventSeq: () => store.tickets.lastEventSeq(),
      eventsAfter: (after: number, options?: { conversationId?: string; limit?: number }) => (
        reads.push(after),
        store.tickets.eventsAfter(after, options)
      ),
    };
    const hub = new EventHub(log, store.committed, { pollMs: 0 });
    await store.createConversation({
      id: 'c1',
      tokenHash: 'h',
      lang: 'en',
      customer: {},
      channel: 'api',
      at: '2026-11-01T10:00:00.000Z',
    });
    const stop = new AbortController();
    const feed = (async () => {
      for await (const batch of hub.follow({ after: 0, conversationId: 'c1', signal: stop.signal })) void batch;
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hub.feeds).toBe(1);
    stop.abort();
    await feed;
    expect(hub.feeds).toBe(0);
    reads.length = 0;
    await store.addCustomerMessage({ id: 'm1', conversationId: 'c1', text: 'hi', at: '2026-11-01T10:00:01.000Z' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).toEqual([]);
    hub.close();
    await store.close();
  });

  it('reads each commit once for all its feeds, not once per feed', async () => {
    const store = SqliteStore.open(':memory:');
    let reads = 0;
    const log = {
      lastEventSeq: () => store.tickets.lastEventSeq(),
      eventsAfter: (after: number, options?: { conversationId?: string; limit?: number }) => (
        (reads += options?.conversationId === undefined ? 1 : 0),
        store.tickets.eventsAfter(after, options)
      ),
    };
    const hub = new EventHub(log, store.committed, { pollMs: 0 });
    for (let index = 0; index < 50; index += 1)
      await store.createConversation({
        id: `c${index}`,
        tokenHash: 'h',
        lang: 'en',
        customer: {},
        channel: 'api',
        at: '2026-11-01T10:00:00.000Z',
      });
    const stops = Array.from({ length: 50 }, () => new AbortController());
    const got = stops.map(async (stop, index) => {
      for await (const batch of hub.follow({ after: 50, conversationId: `c${index}`, signal: stop.signal }))
        if (batch.length > 0) return batch.length;
      return 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    reads = 0;
    await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        store.addCustomerMessage({
          id: `m${index}`,
          conversationId: `c${index}`,
          text: 'hi',
          at: '2026-11-01T10:00:01.000Z',
        }),
      ),
    );
    expect((await Promise.all(got)).reduce((sum, count) => sum + count, 0)).toBe(50);
    // One group commit, one signal: the hub reads the new events once (plus the empty read that ends it).
    expect(reads).toBeLessThanOrEqual(4);
    for (const stop of stops) stop.abort();
    hub.close();
    await store.close();
  });
});
