// Retention (RETENTION_DAYS): conversations nobody touched for the period lose their texts and customer profile,
// in batches; conversations with a person, or touched recently, stay; the KPIs do not change; a second sweep finds
// nothing. Through the use case, the server's timer and the CLI, on real SQLite files.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqlConversationStore } from '../src/adapters/store/sql-conversation-store.ts';
import { SqliteDatabase } from '../src/adapters/store/sqlite-database.ts';
import { SqliteStore } from '../src/adapters/store/sqlite-store.ts';
import type { ReplyMeta } from '../src/core/conversation/conversation.ts';
import { ERASED } from '../src/core/desk/erasure.ts';
import { computeKpis } from '../src/core/metrics/kpis.ts';
import type { ConversationStore } from '../src/core/ports/conversation-store.ts';
import type { TicketStore } from '../src/core/ports/ticket-store.ts';
import { applyRetention } from '../src/core/use-cases/retention.ts';
import { startRetention } from '../src/platform/node/retention-timer.ts';
import { runCli } from './run-cli.ts';
import { recordingLogger } from './support/test-service.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);
const at = (days: number, seconds = 0) => new Date(T0 + days * DAY + seconds * 1000).toISOString();
const answer: ReplyMeta = { action: 'answer', citations: [], confidence: { score: 0.8, components: {} }, lang: 'ru' };
const handoff: ReplyMeta = { ...answer, action: 'handoff', reasons: ['human_request'] };

/** A conversation whose last message is on `day`; `handedOff` leaves it waiting for a person. */
async function conversation(store: ConversationStore, id: string, day: number, handedOff = false): Promise<void> {
  await store.createConversation({
    id,
    tokenHash: `hash-${id}`,
    lang: 'ru',
    customer: { name: `Клиент ${id}`, email: `${id}@example.com` },
    channel: 'web',
    at: at(day),
  });
  await store.addCustomerMessage({
    id: `${id}-m1`,
    conversationId: id,
    text: `Мой телефон +7 900 ${id}`,
    at: at(day, 1),
  });
  await store.addBotReply({
    id: `${id}-r1`,
    conversationId: id,
    replyTo: `${id}-m1`,
    text: `Ответ для ${id}`,
    at: at(day, 2),
    reply: handedOff ? handoff : answer,
    ticket: handedOff
      ? {
          id: `t-${id}`,
          group: 'first-line',
          priority: 'normal',
          priorityScore: 35,
          reasons: ['human_request'],
          signals: {},
          summary: {
            problem: `Мой телефон +7 900 ${id}`,
            botSaid: [],
            citedArticles: [],
            customerAnswered: [],
            mood: { label: 'neutral', intensity: 0 },
            openQuestions: [],
            source: 'extractive',
          },
          slaDueAt: at(day + 1),
        }
      : undefined,
  });
}

async function seeded(store: SqlConversationStore): Promise<void> {
  // Five old conversations (days 0–4), one old one still waiting for a person, one recent one, and an old one the
  // customer wrote to again yesterday.
  for (let day = 0; day < 5; day += 1) await conversation(store, `old-${day}`, day);
  await conversation(store, 'waiting', 1, true);
  await conversation(store, 'recent', 58);
  await conversation(store, 'revived', 2);
  await store.addCustomerMessage({ id: 'revived-m2', conversationId: 'revived', text: 'Снова я', at: at(59) });
}

const texts = (db: SqliteDatabase, id: string) =>
  db.connection.all<{ text: string }>('SELECT text FROM messages WHERE conversation_id = ?', id).map((row) => row.text);
const kpis = async (tickets: TicketStore) =>
  computeKpis(await tickets.eventsAfter(0, { limit: 100_000 }), at(-1), at(61));

describe('retention', () => {
  it('erases conversations untouched for the period in batches, keeps the rest, the KPIs and the events', async () => {
    const db = SqliteDatabase.open(':memory:');
    const store = new SqlConversationStore(db);
    await seeded(store);
    const before = await kpis(store.tickets);
    const eventsBefore = (await store.tickets.eventsAfter(0, { limit: 100_000 })).length;

    const now = () => new Date(T0 + 60 * DAY);
    const counts = await applyRetention({ tickets: store.tickets, days: 30, now, batch: 2 });
    expect(counts).toEqual({ conversations: 5, messages: 10, tickets: 0 });
    for (let day = 0; day < 5; day += 1) {
      expect(texts(db, `old-${day}`)).toEqual([ERASED, ERASED]);
      expect((await store.getConversation(`old-${day}`))?.customer).toEqual({});
    }
    expect(texts(db, 'waiting')[0]).toContain('+7 900');
    expect(texts(db, 'recent')[0]).toContain('+7 900');
    expect(texts(db, 'revived')).toContain('Снова я');
    expect(await kpis(store.tickets)).toEqual(before);
    const erasedEvents = (await store.tickets.eventsAfter(0, { limit: 100_000 })).filter(
      (event) => event.type === 'customer-erased',
    );
    expect(erasedEvents).toHaveLength(5);
    expect(eventsBefore + 5).toBe((await store.tickets.eventsAfter(0, { limit: 100_000 })).length);
    expect(erasedEvents.every((event) => event.actor === 'system' && event.data.by === 'retention')).toBe(true);

    expect(await applyRetention({ tickets: store.tickets, days: 30, now, batch: 2 })).toEqual({
      conversations: 0,
      messages: 0,
      tickets: 0,
    });
    expect(await applyRetention({ tickets: store.tickets, days: 0, now })).toEqual({
      conversations: 0,
      messages: 0,
      tickets: 0,
    });
    await db.close();
  });

  it('runs once when the server starts and logs what it erased; off when RETENTION_DAYS is 0', async () => {
    const db = SqliteDatabase.open(':memory:');
    const store = new SqlConversationStore(db);
    await seeded(store);
    const logger = recordingLogger();
    const now = () => new Date(T0 + 60 * DAY);
    const off = startRetention({ days: 0, everyMinutes: 60, tickets: store.tickets, logger, now });
    await off.stop();
    expect(texts(db, 'old-0')[0]).toContain('+7 900');
    const timer = startRetention({ days: 30, everyMinutes: 60, tickets: store.tickets, logger, now });
    await timer.stop();
    expect(texts(db, 'old-0')).toEqual([ERASED, ERASED]);
    expect(logger.entries).toEqual([
      expect.objectContaining({ level: 'info', fields: expect.objectContaining({ conversations: 5, days: 30 }) }),
    ]);
    await db.close();
  });
});

describe('firstline customers expire', () => {
  let dataDir = '';
  afterEach(async () => rm(dataDir, { recursive: true, force: true }));

  it('applies --days now, and asks for a period when none is set', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'firstline-retention-'));
    const file = join(dataDir, 'firstline.db');
    const store = SqliteStore.open(file, { synchronous: 'normal' });
    // Two conversations from January 2026 (long ago for the CLI's real clock), one from now.
    await conversation(store, 'old-a', 0);
    await conversation(store, 'old-b', 1);
    await conversation(store, 'today', (Date.now() - T0) / DAY);
    await store.close();

    const refused = await runCli(['customers', 'expire'], { DATA_DIR: dataDir, RETENTION_DAYS: '0' });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/--days/);

    const result = await runCli(['customers', 'expire', '--days', '30'], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/erased 2 conversation\(s\) untouched for 30 day\(s\), 4 message\(s\)/);
    const reopened = SqliteStore.open(file, { synchronous: 'normal' });
    expect((await reopened.listMessages('today')).map((message) => message.text)[0]).toContain('+7 900');
    expect((await reopened.listMessages('old-a')).map((message) => message.text)).toEqual([ERASED, ERASED]);
    await reopened.close();
  });
});
