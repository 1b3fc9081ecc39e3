// Contract every ConversationStore adapter must meet; run against each implementation.
import { describe, expect, it as vitestIt } from 'vitest';
import { run, type Within } from './within.ts';
import type { ReplyMeta } from '../../src/core/conversation/conversation.ts';
import type { ConversationStore } from '../../src/core/ports/conversation-store.ts';
import type { NewTicket } from '../../src/core/ports/ticket-store.ts';

const ticket = (id: string): NewTicket => ({
  id,
  group: 'first-line',
  priority: 'normal',
  priorityScore: 35,
  reasons: ['human_request'],
  signals: {},
  summary: {
    problem: 'p',
    botSaid: [],
    citedArticles: [],
    customerAnswered: [],
    mood: { label: 'neutral', intensity: 0 },
    openQuestions: [],
    source: 'extractive',
  },
  slaDueAt: '2026-11-02T10:00:00.000Z',
});

const reply: ReplyMeta = {
  action: 'answer',
  citations: [{ articleId: 'a-en', title: 'A' }],
  confidence: { score: 0.8, components: { retrieval: 0.8 } },
  lang: 'en',
};
/** A reply with the claim check's record, which recent history leaves out. */
const checkedReply: ReplyMeta = {
  ...reply,
  verification: { outcome: 'verified', score: 1, unsupported: [], modelReply: 'the model wrote this' },
};

export function conversationStoreContract(
  name: string,
  open: () => Promise<ConversationStore>,
  within: Within = run,
): void {
  describe(`${name} (ConversationStore contract)`, () => {
    const it = (title: string, body: () => Promise<void>) => vitestIt(title, () => within(body));
    async function withConversation(id = 'c1') {
      const store = await open();
      await store.createConversation({
        id,
        tokenHash: 'h',
        lang: 'en',
        customer: { name: 'Ann', plan: 'Optima' },
        channel: 'api',
        at: '2026-11-01T10:00:00.000Z',
      });
      return store;
    }

    it('creates a conversation with the bot and logs the event', async () => {
      const store = await withConversation();
      expect(await store.getConversation('c1')).toEqual({
        id: 'c1',
        tokenHash: 'h',
        lang: 'en',
        customer: { name: 'Ann', plan: 'Optima' },
        channel: 'api',
        status: 'bot',
        createdAt: '2026-11-01T10:00:00.000Z',
        updatedAt: '2026-11-01T10:00:00.000Z',
      });
      expect((await store.listEvents('c1')).map((event) => [event.type, event.actor])).toEqual([
        ['conversation-created', 'customer'],
      ]);
      expect(await store.getConversation('missing')).toBeUndefined();
      await store.close();
    });

    it('stores messages in order and links a reply to its message', async () => {
      const store = await withConversation();
      const { message, first } = await store.addCustomerMessage({
        id: 'm1',
        conversationId: 'c1',
        text: 'hi',
        at: '2026-11-01T10:00:01.000Z',
      });
      expect(first).toBe(true);
      const outcome = await store.addBotReply({
        id: 'r1',
        conversationId: 'c1',
        replyTo: 'm1',
        text: 'hello',
        at: '2026-11-01T10:00:02.000Z',
        reply: checkedReply,
      });
      expect(outcome).toMatchObject({
        delivered: true,
        message: { id: 'r1', role: 'bot', replyTo: 'm1', reply: checkedReply },
      });
      expect((await store.listMessages('c1')).map((entry) => [entry.id, entry.role, entry.text])).toEqual([
        ['m1', 'customer', 'hi'],
        ['r1', 'bot', 'hello'],
      ]);
      expect((await store.findReply(message.id))?.id).toBe('r1');
      expect((await store.recentMessages('c1', 1)).map((entry) => entry.id)).toEqual(['r1']);
      expect(
        (await store.recentMessages('c1', 5)).map((entry) => [entry.id, entry.role, entry.text, entry.reply]),
      ).toEqual([
        ['m1', 'customer', 'hi', null],
        // What the pipeline and the handoff summary read of a reply: no more (not the claim check's record).
        ['r1', 'bot', 'hello', reply],
      ]);
      expect((await store.listMessages('c1'))[1]?.reply).toEqual(checkedReply);
      await store.close();
    });

    it('stores a repeated clientMessageId once and returns the first message', async () => {
      const store = await withConversation();
      const first = await store.addCustomerMessage({
        id: 'm1',
        conversationId: 'c1',
        text: 'hi',
        at: '2026-11-01T10:00:01.000Z',
        clientMessageId: 'k',
      });
      const second = await store.addCustomerMessage({
        id: 'm2',
        conversationId: 'c1',
        text: 'hi again',
        at: '2026-11-01T10:00:03.000Z',
        clientMessageId: 'k',
      });
      expect(first.duplicate).toBe(false);
      expect(second).toEqual({ message: first.message, duplicate: true, status: 'bot', first: true });
      expect(await store.listMessages('c1')).toHaveLength(1);
      await store.close();
    });

    it('moves the conversation to the queue with a handoff reply and then drops later bot replies', async () => {
      const store = await withConversation();
      await store.addCustomerMessage({
        id: 'm1',
        conversationId: 'c1',
        text: 'human please',
        at: '2026-11-01T10:00:01.000Z',
      });
      const handoff: ReplyMeta = { ...reply, action: 'handoff', reasons: ['human_request'] };
      await store.addBotReply({
        id: 'r1',
        conversationId: 'c1',
        replyTo: 'm1',
        text: 'A specialist will reply',
        at: '2026-11-01T10:00:02.000Z',
        reply: handoff,
        ticket: ticket('t1'),
      });
      expect((await store.getConversation('c1'))?.status).toBe('waiting');
      expect(
        await store.addCustomerMessage({
          id: 'm2',
          conversationId: 'c1',
          text: 'hello?',
          at: '2026-11-01T10:00:03.000Z',
        }),
      ).toMatchObject({ status: 'waiting', first: false });
      const late = await store.addBotReply({
        id: 'r2',
        conversationId: 'c1',
        replyTo: 'm2',
        text: 'late',
        at: '2026-11-01T10:00:04.000Z',
        reply,
      });
      expect(late).toEqual({ delivered: false, status: 'waiting' });
      expect((await store.listMessages('c1')).map((entry) => entry.id)).toEqual(['m1', 'r1', 'm2']);
      const types = (await store.listEvents('c1')).map((event) => event.type);
      expect(types).toEqual([
        'conversation-created',
        'message-received',
        'reply-sent',
        'conversation-handed-off',
        'ticket-created',
        'message-received',
        'reply-dropped',
      ]);
      await store.close();
    });

    it('dates the conversation by its latest message or change of status', async () => {
      const store = await withConversation();
      await store.addCustomerMessage({ id: 'm1', conversationId: 'c1', text: 'hi', at: '2026-11-01T10:00:01.000Z' });
      expect((await store.getConversation('c1'))?.updatedAt).toBe('2026-11-01T10:00:01.000Z');
      await store.addBotReply({
        id: 'r1',
        conversationId: 'c1',
        replyTo: 'm1',
        text: 'hello',
        at: '2026-11-01T10:00:02.000Z',
        reply,
      });
      expect((await store.getConversation('c1'))?.updatedAt).toBe('2026-11-01T10:00:02.000Z');
      await store.addCustomerMessage({
        id: 'm2',
        conversationId: 'c1',
        text: 'a person, please',
        at: '2026-11-01T10:00:03.000Z',
      });
      await store.addBotReply({
        id: 'r2',
        conversationId: 'c1',
        replyTo: 'm2',
        text: 'A specialist will reply',
        at: '2026-11-01T10:00:04.000Z',
        reply: { ...reply, action: 'handoff' },
        ticket: ticket('t2'),
      });
      expect(await store.getConversation('c1')).toMatchObject({
        status: 'waiting',
        createdAt: '2026-11-01T10:00:00.000Z',
        updatedAt: '2026-11-01T10:00:04.000Z',
      });
      await store.close();
    });

    it('keeps the page the customer was on, and the newer one when told', async () => {
      const store = await open();
      await store.createConversation({
        id: 'p1',
        tokenHash: 'h',
        lang: 'en',
        customer: {},
        channel: 'web',
        at: '2026-11-01T10:00:00.000Z',
        page: 'https://shop.example/billing',
      });
      expect((await store.getConversation('p1'))?.page).toBe('https://shop.example/billing');
      await store.setPage('p1', 'https://shop.example/tariffs?plan=optima');
      expect((await store.getConversation('p1'))?.page).toBe('https://shop.example/tariffs?plan=optima');
      await store.close();
    });

    it("lists a customer's other conversations by id or e-mail, verified alike, newest first, with ticket and bound", async () => {
      const store = await open();
      const at = (minute: number) => `2026-11-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
      const create = (id: string, minute: number, customer: Record<string, unknown>) =>
        store.createConversation({ id, tokenHash: 'h', lang: 'en', customer, channel: 'web', at: at(minute) });
      await create('v-old', 1, { id: 'crm-1', verified: true });
      await create('v-mail', 2, { email: 'Ann@Example.com', verified: true });
      await create('claimed', 3, { id: 'crm-1', verified: false });
      await create('legacy', 4, { id: 'crm-1' });
      await create('other', 5, { id: 'crm-2', verified: true });
      await create('v-now', 6, { id: 'crm-1', email: 'ann@example.com', verified: true });
      await store.addCustomerMessage({ id: 'm1', conversationId: 'v-old', text: 'human please', at: at(7) });
      await store.addBotReply({
        id: 'r1',
        conversationId: 'v-old',
        replyTo: 'm1',
        text: 'A specialist will reply',
        at: at(8),
        reply: { ...reply, action: 'handoff', reasons: ['human_request'] },
        ticket: ticket('t-old'),
      });
      const query = { id: 'crm-1', email: 'ann@example.com', excludeConversationId: 'v-now', limit: 20 };
      expect(await store.customerHistory({ ...query, verified: true })).toEqual([
        {
          conversationId: 'v-mail',
          createdAt: at(2),
          status: 'bot',
          channel: 'web',
          lang: 'en',
          ticketId: null,
          resolution: null,
          rating: null,
        },
        {
          conversationId: 'v-old',
          createdAt: at(1),
          status: 'waiting',
          channel: 'web',
          lang: 'en',
          ticketId: 't-old',
          resolution: null,
          rating: null,
        },
      ]);
      // A claim without the flag counts as not verified; verified conversations are never listed for a claim.
      const claimed = await store.customerHistory({
        id: 'crm-1',
        verified: false,
        excludeConversationId: 'x',
        limit: 20,
      });
      expect(claimed.map((entry) => entry.conversationId)).toEqual(['legacy', 'claimed']);
      expect(
        (await store.customerHistory({ ...query, verified: true, limit: 1 })).map((entry) => entry.conversationId),
      ).toEqual(['v-mail']);
      expect(await store.customerHistory({ verified: true, excludeConversationId: 'v-now', limit: 20 })).toEqual([]);
      await store.close();
    });

    it('reports itself writable', async () => {
      const store = await open();
      await expect(store.checkWritable()).resolves.toBeUndefined();
      await store.close();
    });
  });
}
