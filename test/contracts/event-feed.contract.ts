// Contract every EventFeed must meet: the replay after Last-Event-ID, then each committed event at once (no
// polling), each exactly once and in order, even while writes race the replay or the reader is slow.
import { describe, expect, it as vitestIt } from 'vitest';
import { run, type Within } from './within.ts';
import type { StoredEvent } from '../../src/core/desk/events.ts';
import type { EventFeed } from '../../src/core/ports/event-feed.ts';
import type { ConversationStore } from '../../src/core/ports/conversation-store.ts';

export interface FeedFixture {
  readonly feed: EventFeed;
  /** Writes through the same process as the feed. */
  readonly store: ConversationStore;
  close(): Promise<void>;
}

const T0 = Date.UTC(2026, 10, 1, 10, 0, 0);
let tick = 0;
const now = () => new Date(T0 + (tick += 1) * 1000).toISOString();

async function conversation(store: ConversationStore, id: string, messages = 1): Promise<void> {
  await store.createConversation({ id, tokenHash: 'h', lang: 'en', customer: {}, channel: 'api', at: now() });
  for (let index = 0; index < messages; index += 1)
    await store.addCustomerMessage({ id: `${id}-m${index}`, conversationId: id, text: 'hi', at: now() });
}

/** Reads the feed until `done` says so; fails after `ms` (a generous bound: no timing is asserted). */
async function collect(
  feed: EventFeed,
  options: { after: number; conversationId?: string; idleMs?: number },
  done: (events: StoredEvent[]) => boolean,
  ms = 10_000,
) {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), ms);
  const events: StoredEvent[] = [];
  let heartbeats = 0;
  for await (const batch of feed.follow({ ...options, signal: stop.signal })) {
    if (batch.length === 0) heartbeats += 1;
    events.push(...batch);
    if (done(events)) break;
  }
  clearTimeout(timer);
  return { events, heartbeats, timedOut: stop.signal.aborted };
}

export function eventFeedContract(name: string, open: () => Promise<FeedFixture>, within: Within = run): void {
  describe(`${name} (EventFeed contract)`, () => {
    const it = (title: string, body: () => Promise<void>) => vitestIt(title, () => within(body));
    it('replays what came after the given sequence number, for one conversation or for all', async () => {
      const fixture = await open();
      await conversation(fixture.store, 'c1', 2);
      await conversation(fixture.store, 'c2', 1);
      const all = await collect(fixture.feed, { after: 0 }, (events) => events.length >= 5);
      expect(all.events.map((event) => `${event.conversationId}:${event.type}`)).toEqual([
        'c1:conversation-created',
        'c1:message-received',
        'c1:message-received',
        'c2:conversation-created',
        'c2:message-received',
      ]);
      const seconds = all.events[1]?.seq ?? 0;
      const one = await collect(fixture.feed, { after: seconds, conversationId: 'c1' }, (events) => events.length >= 1);
      expect(one.events.map((event) => event.seq)).toEqual([all.events[2]?.seq]);
      await fixture.close();
    });

    it('delivers a committed event to an open feed without any polling', async () => {
      const fixture = await open();
      await conversation(fixture.store, 'c1');
      const reading = collect(fixture.feed, { after: 2, conversationId: 'c1' }, (events) => events.length >= 1);
      // Let the feed finish its replay and wait; then write.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await fixture.store.addCustomerMessage({ id: 'late', conversationId: 'c1', text: 'still there?', at: now() });
      const { events, timedOut } = await reading;
      expect(timedOut).toBe(false);
      expect(events.map((event) => event.type === 'message-received' && event.data.messageId)).toEqual(['late']);
      await fixture.close();
    });

    it('gives each event exactly once and in order while writes race the replay', async () => {
      const fixture = await open();
      await conversation(fixture.store, 'c1', 20);
      const writing = (async () => {
        for (let index = 0; index < 100; index += 1)
          await fixture.store.addCustomerMessage({ id: `r${index}`, conversationId: 'c1', text: 'x', at: now() });
      })();
      const reading = collect(fixture.feed, { after: 0, conversationId: 'c1' }, (events) => events.length >= 121);
      await writing;
      const { events } = await reading;
      const seqs = events.map((event) => event.seq);
      expect(new Set(seqs).size).toBe(121);
      expect(seqs).toEqual([...seqs].sort((left, right) => left - right));
      await fixture.close();
    });

    it('keeps other conversations out of a conversation feed', async () => {
      const fixture = await open();
      await conversation(fixture.store, 'c1');
      await conversation(fixture.store, 'c2');
      const reading = collect(fixture.feed, { after: 4, conversationId: 'c2' }, (events) => events.length >= 1);
      await fixture.store.addCustomerMessage({ id: 'c1-x', conversationId: 'c1', text: 'a', at: now() });
      await fixture.store.addCustomerMessage({ id: 'c2-x', conversationId: 'c2', text: 'b', at: now() });
      const { events } = await reading;
      expect(events.map((event) => event.conversationId)).toEqual(['c2']);
      await fixture.close();
    });

    it('yields an empty batch after a quiet spell, so the caller can keep the connection alive', async () => {
      const fixture = await open();
      await conversation(fixture.store, 'c1');
      const { heartbeats, events } = await collect(
        fixture.feed,
        { after: 2, conversationId: 'c1', idleMs: 20 },
        () => false,
        300,
      );
      expect(events).toEqual([]);
      expect(heartbeats).toBeGreaterThan(0);
      await fixture.close();
    });
  });
}
