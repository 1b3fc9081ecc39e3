// A customer's data rights at the store: the export holds everything, the erasure leaves no text, name or e-mail
// anywhere in the database and does not change the KPIs.
import { describe, expect, it } from 'vitest';
import { SqlConversationStore } from '../src/adapters/store/sql-conversation-store.ts';
import { SqliteDatabase } from '../src/adapters/store/sqlite-database.ts';
import type { ReplyMeta } from '../src/core/conversation/conversation.ts';
import { ERASED } from '../src/core/desk/erasure.ts';
import { computeKpis } from '../src/core/metrics/kpis.ts';
import type { NewTicket } from '../src/core/ports/ticket-store.ts';
import { CustomerDataService } from '../src/core/use-cases/customer-data.ts';

const T0 = Date.UTC(2026, 10, 1, 10, 0, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

const NAME = 'Анна Смирнова';
const EMAIL = 'anna.smirnova@example.com';
const SECRETS = {
  first: 'Здравствуйте, я Анна Смирнова, мой договор 4455-XYZ, интернет не работает',
  again: 'Позовите оператора, пожалуйста, адрес Ленина 17 кв 3',
  botAnswer: 'Анна, проверьте роутер по адресу Ленина 17: перезагрузите его',
  handoff: 'Передаю вас специалисту, Анна; договор 4455-XYZ',
  modelReply: 'Модель написала: Анна Смирнова, договор 4455-XYZ',
  agent: 'Анна Смирнова, я вижу ваш договор 4455-XYZ, сейчас проверю',
  note: 'Клиентка Анна Смирнова звонила по 4455-XYZ',
  comment: 'Спасибо, Мария! Анна Смирнова',
  second: 'Это снова Анна, телефон +7 900 123-45-67',
  token: 'token-hash-of-anna-0123456789abcdef',
};
const OTHER = { text: 'Другой клиент: у меня всё хорошо', email: 'boris@example.com', name: 'Борис' };

const answer: ReplyMeta = {
  action: 'answer',
  citations: [{ articleId: 'router', title: 'Роутер' }],
  confidence: { score: 0.8, components: { retrieval: 0.8 } },
  lang: 'ru',
  composer: 'llm',
  verification: {
    outcome: 'repaired',
    score: 0.5,
    unsupported: [{ kind: 'fact', claim: SECRETS.modelReply, verdict: 'unsupported', sentence: SECRETS.modelReply }],
    modelReply: SECRETS.modelReply,
  },
};
const handoff: ReplyMeta = { ...answer, action: 'handoff', reasons: ['human_request'], verification: undefined };
const ticket: NewTicket = {
  id: 't-anna',
  group: 'first-line',
  priority: 'normal',
  priorityScore: 35,
  reasons: ['human_request'],
  signals: {
    emotion: { label: 'neutral', intensity: 0, signals: ['Смирнова'] },
    humanRequest: SECRETS.again,
    sensitive: [],
  },
  summary: {
    problem: SECRETS.first,
    botSaid: [SECRETS.botAnswer],
    citedArticles: ['router'],
    customerAnswered: [SECRETS.again],
    mood: { label: 'neutral', intensity: 0 },
    openQuestions: [SECRETS.again],
    source: 'extractive',
  },
  slaDueAt: at(3600),
};

async function seeded() {
  const db = SqliteDatabase.open(':memory:');
  const store = new SqlConversationStore(db);
  const { tickets } = store;
  await store.createConversation({
    id: 'c-anna',
    tokenHash: SECRETS.token,
    lang: 'ru',
    customer: { id: 'cust-42', name: NAME, email: EMAIL, plan: 'Optima' },
    channel: 'web',
    at: at(0),
  });
  await store.addCustomerMessage({ id: 'm1', conversationId: 'c-anna', text: SECRETS.first, at: at(1) });
  await store.addBotReply({
    id: 'm2',
    conversationId: 'c-anna',
    replyTo: 'm1',
    text: SECRETS.botAnswer,
    at: at(3),
    reply: answer,
  });
  await store.addCustomerMessage({ id: 'm3', conversationId: 'c-anna', text: SECRETS.again, at: at(10) });
  await store.addBotReply({
    id: 'm4',
    conversationId: 'c-anna',
    replyTo: 'm3',
    text: SECRETS.handoff,
    at: at(12),
    reply: handoff,
    ticket,
  });
  const maria = await tickets.createAgent({ id: 'a1', name: 'Мария', role: 'agent', tokenHash: 'h-a1', at: at(0) });
  await tickets.claimTicket('t-anna', maria, at(20));
  await tickets.addAgentMessage({ ticketId: 't-anna', agent: maria, messageId: 'm5', text: SECRETS.agent, at: at(30) });
  await tickets.addNote({ ticketId: 't-anna', agent: maria, noteId: 'n1', text: SECRETS.note, at: at(31) });
  await tickets.resolveTicket('t-anna', maria, 'solved', at(40));
  await tickets.addRating({ conversationId: 'c-anna', score: 5, comment: SECRETS.comment, at: at(50) });
  // The same customer by e-mail only, written in capitals.
  await store.createConversation({
    id: 'c-anna-2',
    tokenHash: 'token-hash-2',
    lang: 'ru',
    customer: { email: EMAIL.toUpperCase(), name: NAME },
    channel: 'telegram',
    at: at(100),
  });
  await store.addCustomerMessage({ id: 'm6', conversationId: 'c-anna-2', text: SECRETS.second, at: at(101) });
  // Someone else, who must stay as they were.
  await store.createConversation({
    id: 'c-boris',
    tokenHash: 'token-hash-boris',
    lang: 'ru',
    customer: { id: 'cust-7', name: OTHER.name, email: OTHER.email },
    channel: 'web',
    at: at(200),
  });
  await store.addCustomerMessage({ id: 'm7', conversationId: 'c-boris', text: OTHER.text, at: at(201) });
  let clock = T0 + 1_000_000;
  const service = new CustomerDataService({ tickets, now: () => new Date((clock += 1000)) });
  return { db, store, service };
}

/** Every row of every table, as JSON. */
function dump(db: SqliteDatabase): string {
  const tables = db.connection.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  return JSON.stringify(
    Object.fromEntries(tables.map(({ name }) => [name, db.connection.all(`SELECT * FROM "${name}"`)])),
  );
}

const allEvents = (store: SqlConversationStore) => store.tickets.eventsAfter(0, { limit: 100_000 });

describe('customer data rights (SQL store)', () => {
  it('exports every conversation, message, ticket, note, rating and event of the customer, by id or e-mail', async () => {
    const { store, service } = await seeded();
    const byEmail = await service.export(EMAIL);
    expect(byEmail.conversations.map((conversation) => conversation.id)).toEqual(['c-anna', 'c-anna-2']);
    for (const conversation of byEmail.conversations) {
      expect(conversation.messages).toEqual(await store.listMessages(conversation.id));
      expect(conversation.events).toEqual(await store.listEvents(conversation.id));
    }
    const texts = byEmail.conversations.flatMap((conversation) => conversation.messages.map((message) => message.text));
    expect(texts).toEqual([
      SECRETS.first,
      SECRETS.botAnswer,
      SECRETS.again,
      SECRETS.handoff,
      SECRETS.agent,
      SECRETS.second,
    ]);
    const [anna] = byEmail.conversations;
    expect(anna?.messages[1]?.reply?.verification?.modelReply).toBe(SECRETS.modelReply);
    expect(anna?.tickets).toHaveLength(1);
    expect(anna?.tickets[0]?.notes.map((note) => note.text)).toEqual([SECRETS.note]);
    expect(anna?.tickets[0]?.summary.problem).toBe(SECRETS.first);
    expect(anna?.rating).toEqual({ score: 5, comment: SECRETS.comment, at: at(50) });
    expect(anna?.customer).toEqual({ id: 'cust-42', name: NAME, email: EMAIL, plan: 'Optima' });
    expect(JSON.stringify(byEmail)).not.toContain(OTHER.text);

    const byId = await service.export('cust-42');
    expect(byId.conversations.map((conversation) => conversation.id)).toEqual(['c-anna']);
    await expect(service.export('nobody@example.com')).rejects.toMatchObject({ code: 'not_found:customer' });
  });

  it('erases every text, the name and the e-mail in one go, keeps the KPIs and leaves others alone', async () => {
    const { db, store, service } = await seeded();
    const before = await allEvents(store);
    const period = [at(-10), at(100_000)] as const;
    const kpisBefore = computeKpis(before, ...period);
    const dumped = dump(db);
    for (const secret of [...Object.values(SECRETS), NAME, EMAIL]) expect(dumped).toContain(secret);

    const counts = await service.erase(EMAIL.toUpperCase(), { agentId: 'admin-1' });
    expect(counts).toEqual({ conversations: 2, messages: 6, tickets: 1 });

    const after = dump(db);
    for (const secret of [
      ...Object.values(SECRETS),
      NAME,
      EMAIL,
      EMAIL.toUpperCase(),
      'Смирнова',
      '4455-XYZ',
      'Ленина',
    ])
      expect(after.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(after).toContain(ERASED);
    // Someone else's conversation is untouched.
    for (const kept of [OTHER.text, OTHER.email, OTHER.name, 'token-hash-boris']) expect(after).toContain(kept);

    const events = await allEvents(store);
    expect(computeKpis(events, ...period)).toEqual(kpisBefore);
    // The log keeps its facts: the same events (types, times, ids) plus one audit event per conversation.
    expect(
      events
        .slice(0, before.length)
        .map(({ seq, type, at: time, conversationId }) => ({ seq, type, time, conversationId })),
    ).toEqual(before.map(({ seq, type, at: time, conversationId }) => ({ seq, type, time, conversationId })));
    const audit = events.slice(before.length);
    expect(audit.map((event) => [event.type, event.conversationId, event.actor])).toEqual([
      ['customer-erased', 'c-anna', 'agent:admin-1'],
      ['customer-erased', 'c-anna-2', 'agent:admin-1'],
    ]);
    expect(audit[0]?.data).toEqual({ by: 'admin-1', at: audit[0]?.at });

    // The conversation can no longer be opened with its token, and ratings keep their scores.
    expect((await store.getConversation('c-anna'))?.tokenHash).not.toBe(SECRETS.token);
    expect((await store.getConversation('c-anna'))?.customer).toEqual({});
    expect(db.connection.get('SELECT score, comment FROM ratings')).toEqual({ score: 5, comment: null });
    expect((await store.listMessages('c-anna')).map((message) => message.text)).toEqual(Array(5).fill(ERASED));

    // Nothing is left to find: a second erasure and an export are 404s.
    await expect(service.erase(EMAIL, 'cli')).rejects.toMatchObject({ code: 'not_found:customer' });
    await expect(service.export('cust-42')).rejects.toMatchObject({ code: 'not_found:customer' });
  });
});
