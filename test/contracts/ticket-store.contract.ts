// Contract every TicketStore adapter must meet, with the ConversationStore it shares transactions with: the
// desk's rules (src/core/desk/desk-rules.ts) applied exactly, atomically, and recorded in the event log.
import fc from 'fast-check';
import { describe, expect, it as vitestIt } from 'vitest';
import { run, type Within } from './within.ts';
import type { ReplyMeta } from '../../src/core/conversation/conversation.ts';
import {
  conversationStatusFor,
  decideTicket,
  statusAfter,
  type TicketCommand,
} from '../../src/core/desk/desk-rules.ts';
import { DESK_EVENT_TYPES } from '../../src/core/desk/events.ts';
import { AppError } from '../../src/core/errors.ts';
import type { ConversationStore } from '../../src/core/ports/conversation-store.ts';
import type { NewTicket, TicketStore } from '../../src/core/ports/ticket-store.ts';
import type { Agent } from '../../src/core/queue/ticket.ts';

export interface DeskStores {
  readonly conversations: ConversationStore;
  readonly tickets: TicketStore;
  close(): Promise<void>;
}

const T0 = Date.UTC(2026, 10, 1, 10, 0, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const summary = {
  problem: 'p',
  botSaid: [],
  citedArticles: [],
  customerAnswered: [],
  mood: { label: 'neutral', intensity: 0 },
  openQuestions: [],
  source: 'extractive',
};
const answer: ReplyMeta = { action: 'answer', citations: [], confidence: { score: 0.8, components: {} }, lang: 'en' };
const handoff: ReplyMeta = { ...answer, action: 'handoff', reasons: ['human_request'] };
const newTicket = (id: string, score = 35, slaSeconds = 3600): NewTicket => ({
  id,
  group: 'first-line',
  priority: 'normal',
  priorityScore: score,
  reasons: ['human_request'],
  signals: {},
  summary,
  slaDueAt: at(slaSeconds),
});

export function ticketStoreContract(name: string, open: () => Promise<DeskStores>, within: Within = run): void {
  describe(`${name} (TicketStore contract)`, () => {
    const it = (title: string, body: () => Promise<void>) => vitestIt(title, () => within(body));
    let clock = 0;
    const now = () => at((clock += 1));

    async function agents(stores: DeskStores): Promise<[Agent, Agent]> {
      return [
        await stores.tickets.createAgent({ id: 'a1', name: 'Ann', role: 'agent', tokenHash: 'h-a1', at: now() }),
        await stores.tickets.createAgent({ id: 'a2', name: 'Bob', role: 'agent', tokenHash: 'h-a2', at: now() }),
      ];
    }

    /** A conversation handed off by the bot: its message, the handoff reply and the waiting ticket. */
    async function handedOff(stores: DeskStores, id: string, ticket = newTicket(`t-${id}`)): Promise<string> {
      await stores.conversations.createConversation({
        id,
        tokenHash: 'h',
        lang: 'en',
        customer: { name: 'Kim' },
        channel: 'api',
        at: now(),
      });
      await stores.conversations.addCustomerMessage({
        id: `${id}-m1`,
        conversationId: id,
        text: 'a person please',
        at: now(),
      });
      const outcome = await stores.conversations.addBotReply({
        id: `${id}-r1`,
        conversationId: id,
        replyTo: `${id}-m1`,
        text: 'passing you on',
        at: now(),
        reply: handoff,
        ticket,
      });
      expect(outcome.delivered).toBe(true);
      return ticket.id;
    }

    it('opens a waiting ticket with the handoff, in the same transaction as the reply, and queues it', async () => {
      const stores = await open();
      const id = await handedOff(stores, 'c1');
      const ticket = await stores.tickets.getTicket(id);
      expect(ticket).toMatchObject({
        id,
        conversationId: 'c1',
        status: 'waiting',
        group: 'first-line',
        assigneeId: null,
        lang: 'en',
        customer: { name: 'Kim' },
      });
      expect((await stores.conversations.getConversation('c1'))?.status).toBe(conversationStatusFor('waiting'));
      expect(await stores.tickets.openTicketOf('c1')).toMatchObject({ id });
      const types = (await stores.conversations.listEvents('c1')).map((event) => event.type);
      expect(types).toEqual([
        'conversation-created',
        'message-received',
        'reply-sent',
        'conversation-handed-off',
        'ticket-created',
      ]);
      await stores.close();
    });

    it('orders the queue by priority, then SLA deadline, then age, and says where a new ticket would stand', async () => {
      const stores = await open();
      await handedOff(stores, 'low', newTicket('t-low', 20, 7200));
      await handedOff(stores, 'late', newTicket('t-late', 60, 7200));
      await handedOff(stores, 'soon', newTicket('t-soon', 60, 600));
      const queue = await stores.tickets.listTickets({});
      expect(queue.map((ticket) => ticket.id)).toEqual(['t-soon', 't-late', 't-low']);
      for (const [index, ticket] of queue.entries()) expect(await stores.tickets.positionOf(ticket)).toBe(index + 1);
      expect(await stores.tickets.queuePosition('first-line', 60)).toBe(3);
      expect(await stores.tickets.queuePosition('first-line', 10)).toBe(4);
      expect(await stores.tickets.queuePosition('billing', 10)).toBe(1);
      expect(await stores.tickets.listTickets({ group: 'billing' })).toEqual([]);
      expect(await stores.tickets.listTickets({ lang: 'ru' })).toEqual([]);
      await stores.close();
    });

    it('gives a ticket to exactly one of several concurrent claims', async () => {
      const stores = await open();
      const [ann, bob] = await agents(stores);
      const id = await handedOff(stores, 'c1');
      const results = await Promise.allSettled(
        [ann, bob, ann, bob].map((agent) => stores.tickets.claimTicket(id, agent, now())),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const result of results.filter((entry) => entry.status === 'rejected'))
        expect((result.reason as AppError).code).toBe('conflict:ticket');
      expect((await stores.conversations.getConversation('c1'))?.status).toBe('assigned');
      await stores.close();
    });

    it('applies every ticket command exactly as the desk rules decide, keeping the conversation in step', async () => {
      const command = fc.oneof(
        fc.record({ kind: fc.constant('claim' as const), agent: fc.nat(2) }),
        fc.record({
          kind: fc.constant('transfer' as const),
          agent: fc.nat(2),
          group: fc.constantFrom('billing', 'first-line'),
        }),
        fc.record({ kind: fc.constant('release' as const), agent: fc.nat(2) }),
        fc.record({ kind: fc.constant('resolve' as const), agent: fc.nat(2) }),
        fc.record({ kind: fc.constant('reopen' as const), agent: fc.nat(2) }),
        fc.record({ kind: fc.constant('assign' as const), agent: fc.nat(2), assignee: fc.nat(2) }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (steps) => {
          const stores = await open();
          const team = [
            ...(await agents(stores)),
            await stores.tickets.createAgent({ id: 'l1', name: 'Lea', role: 'lead', tokenHash: 'h-l1', at: now() }),
          ];
          const id = await handedOff(stores, 'c1');
          for (const step of steps) {
            const agent = team[step.agent] as Agent;
            const before = await stores.tickets.getTicket(id);
            if (before === undefined) throw new Error('ticket vanished');
            const wanted: TicketCommand =
              step.kind === 'transfer'
                ? { kind: 'transfer', agent, group: step.group }
                : step.kind === 'resolve'
                  ? { kind: 'resolve', agent, resolution: 'done' }
                  : step.kind === 'assign'
                    ? { kind: 'assign', agent, assignee: team[step.assignee] as Agent }
                    : { kind: step.kind, agent };
            let expected: ReturnType<typeof decideTicket> | AppError;
            try {
              expected = decideTicket(before, wanted);
            } catch (error) {
              expected = error as AppError;
            }
            const apply = () => {
              if (wanted.kind === 'claim') return stores.tickets.claimTicket(id, agent, now());
              if (wanted.kind === 'transfer') return stores.tickets.transferTicket(id, agent, wanted.group, now());
              if (wanted.kind === 'release') return stores.tickets.releaseTicket(id, agent, now());
              if (wanted.kind === 'reopen') return stores.tickets.reopenTicket(id, agent, now());
              if (wanted.kind === 'assign') return stores.tickets.assignTicket(id, agent, wanted.assignee.id, now());
              if (wanted.kind === 'close') throw new Error('not generated');
              return stores.tickets.resolveTicket(id, agent, wanted.resolution, now());
            };
            if (expected instanceof AppError) {
              await expect(apply()).rejects.toMatchObject({ code: expected.code });
              expect(await stores.tickets.getTicket(id)).toEqual(before);
            } else {
              const after = await apply();
              expect(after).toMatchObject({
                status: expected.ticket.status,
                assigneeId: expected.ticket.assigneeId,
                group: expected.ticket.group,
              });
              expect((await stores.conversations.getConversation('c1'))?.status).toBe(expected.conversation);
            }
          }
          // Replaying the log through the same rules gives the stored status.
          let status = 'bot';
          for (const event of await stores.conversations.listEvents('c1')) status = statusAfter(event) ?? status;
          expect((await stores.conversations.getConversation('c1'))?.status).toBe(status);
          await stores.close();
        }),
        { numRuns: 40 },
      );
    });

    it('lets only the assignee write to the customer, and dates the first response once', async () => {
      const stores = await open();
      const [ann, bob] = await agents(stores);
      const id = await handedOff(stores, 'c1');
      await expect(
        stores.tickets.addAgentMessage({ ticketId: id, agent: ann, messageId: 'x0', text: 'hi', at: now() }),
      ).rejects.toMatchObject({ code: 'conflict:ticket' });
      await stores.tickets.claimTicket(id, ann, now());
      await expect(
        stores.tickets.addAgentMessage({ ticketId: id, agent: bob, messageId: 'x1', text: 'hi', at: now() }),
      ).rejects.toMatchObject({ code: 'conflict:ticket' });
      const first = await stores.tickets.addAgentMessage({
        ticketId: id,
        agent: ann,
        messageId: 'x2',
        text: 'Hello, I am Ann',
        at: now(),
      });
      await stores.tickets.addAgentMessage({ ticketId: id, agent: ann, messageId: 'x3', text: 'Done', at: now() });
      expect((await stores.tickets.getTicket(id))?.firstResponseAt).toBe(first.at);
      const messages = await stores.conversations.listMessages('c1');
      expect(messages.at(-2)).toMatchObject({
        id: 'x2',
        role: 'agent',
        text: 'Hello, I am Ann',
        author: { id: 'a1', name: 'Ann' },
      });
      // A bot reply while a person owns the conversation is dropped.
      await stores.conversations.addCustomerMessage({ id: 'm2', conversationId: 'c1', text: 'thanks', at: now() });
      expect(
        await stores.conversations.addBotReply({
          id: 'r2',
          conversationId: 'c1',
          replyTo: 'm2',
          text: 'late',
          at: now(),
          reply: answer,
        }),
      ).toEqual({ delivered: false, status: 'assigned' });
      await stores.close();
    });

    it('keeps notes out of the event log text and replaces the summary with an event', async () => {
      const stores = await open();
      const [ann] = await agents(stores);
      const id = await handedOff(stores, 'c1');
      await stores.tickets.addNote({ ticketId: id, agent: ann, noteId: 'n1', text: 'VIP, be careful', at: now() });
      expect(await stores.tickets.listNotes(id)).toMatchObject([
        { id: 'n1', ticketId: id, agentId: 'a1', text: 'VIP, be careful' },
      ]);
      await stores.tickets.updateSummary(id, { ...summary, problem: 'Refund for order 1', source: 'llm' }, now());
      expect((await stores.tickets.getTicket(id))?.summary.problem).toBe('Refund for order 1');
      const log = await stores.tickets.eventsAfter(0, { conversationId: 'c1' });
      expect(JSON.stringify(log)).not.toContain('VIP');
      expect(log.slice(-2).map((event) => [event.type, event.data])).toEqual([
        ['note-added', { ticketId: id, noteId: 'n1' }],
        ['ticket-summary-updated', { ticketId: id, source: 'llm' }],
      ]);
      await stores.close();
    });

    it('takes one rating, only after a specialist resolved the conversation', async () => {
      const stores = await open();
      const [ann] = await agents(stores);
      const id = await handedOff(stores, 'c1');
      await expect(stores.tickets.addRating({ conversationId: 'c1', score: 5, at: now() })).rejects.toMatchObject({
        code: 'conflict:rating',
      });
      await stores.tickets.claimTicket(id, ann, now());
      await stores.tickets.resolveTicket(id, ann, 'refunded', now());
      expect(await stores.tickets.getTicket(id)).toMatchObject({ status: 'resolved', resolution: 'refunded' });
      await stores.tickets.addRating({ conversationId: 'c1', score: 5, comment: 'great', at: now() });
      await expect(stores.tickets.addRating({ conversationId: 'c1', score: 1, at: now() })).rejects.toMatchObject({
        code: 'conflict:rating',
      });
      expect((await stores.tickets.eventsAfter(0)).at(-1)).toMatchObject({
        type: 'rating-received',
        data: { score: 5, hasComment: true },
      });
      await stores.close();
    });

    it('gives the conversation back to the bot on release and on a message after resolution, then opens a new ticket', async () => {
      const stores = await open();
      const [ann] = await agents(stores);
      const first = await handedOff(stores, 'c1');
      await stores.tickets.claimTicket(first, ann, now());
      await stores.tickets.releaseTicket(first, ann, now());
      expect((await stores.conversations.getConversation('c1'))?.status).toBe('bot');
      expect(await stores.tickets.openTicketOf('c1')).toBeUndefined();
      await stores.conversations.addCustomerMessage({
        id: 'm2',
        conversationId: 'c1',
        text: 'again a person',
        at: now(),
      });
      await stores.conversations.addBotReply({
        id: 'r2',
        conversationId: 'c1',
        replyTo: 'm2',
        text: 'passing on',
        at: now(),
        reply: handoff,
        ticket: newTicket('t-2'),
      });
      await stores.tickets.claimTicket('t-2', ann, now());
      await stores.tickets.resolveTicket('t-2', ann, 'done', now());
      const reopened = await stores.conversations.addCustomerMessage({
        id: 'm3',
        conversationId: 'c1',
        text: 'one more thing',
        at: now(),
      });
      expect(reopened.status).toBe('bot');
      const tail = (await stores.conversations.listEvents('c1')).slice(-2).map((event) => [event.type, event.data]);
      expect(tail).toEqual([
        ['conversation-reopened', { from: 'resolved', to: 'bot' }],
        ['message-received', { messageId: 'm3', status: 'bot' }],
      ]);
      await stores.close();
    });

    it('reopens a closed ticket for the agent who asks, clearing its resolution, but never beside a newer open one', async () => {
      const stores = await open();
      const [ann, bob] = await agents(stores);
      const first = await handedOff(stores, 'c1');
      await stores.tickets.claimTicket(first, ann, now());
      await stores.tickets.resolveTicket(first, ann, 'answered', now());
      const reopened = await stores.tickets.reopenTicket(first, bob, now());
      expect(reopened).toMatchObject({ status: 'assigned', assigneeId: 'a2', resolution: null, resolvedAt: null });
      expect((await stores.conversations.getConversation('c1'))?.status).toBe('assigned');
      const last = (await stores.conversations.listEvents('c1')).at(-1);
      expect(last).toMatchObject({
        type: 'ticket-reopened',
        actor: 'agent:a2',
        data: { ticketId: first, agentId: 'a2', agentName: 'Bob', from: 'resolved' },
      });
      await expect(stores.tickets.reopenTicket(first, ann, now())).rejects.toMatchObject({ code: 'conflict:ticket' });
      // Handed back, then off again: the first ticket cannot come back beside the new one.
      await stores.tickets.releaseTicket(first, bob, now());
      await stores.conversations.addCustomerMessage({ id: 'm2', conversationId: 'c1', text: 'person', at: now() });
      await stores.conversations.addBotReply({
        id: 'r2',
        conversationId: 'c1',
        replyTo: 'm2',
        text: 'passing on',
        at: now(),
        reply: handoff,
        ticket: newTicket('t-2'),
      });
      await expect(stores.tickets.reopenTicket(first, ann, now())).rejects.toMatchObject({
        code: 'conflict:ticket',
        message: expect.stringContaining('t-2') as string,
      });
      expect((await stores.tickets.getTicket(first))?.status).toBe('released');
      await stores.close();
    });

    it('assigns open tickets: leads to anyone, agents only to themselves, unknown agents refused', async () => {
      const stores = await open();
      const [ann, bob] = await agents(stores);
      const lead = await stores.tickets.createAgent({ id: 'l1', name: 'Lea', role: 'lead', tokenHash: 'h', at: now() });
      const id = await handedOff(stores, 'c1');
      await expect(stores.tickets.assignTicket(id, ann, 'a2', now())).rejects.toMatchObject({ code: 'forbidden:role' });
      await expect(stores.tickets.assignTicket(id, lead, 'nobody', now())).rejects.toMatchObject({
        code: 'not_found:agent',
      });
      expect(await stores.tickets.assignTicket(id, lead, 'a1', now())).toMatchObject({ assigneeId: 'a1' });
      // A lead may move an assigned ticket; an agent or auto-assignment may not take it from its owner.
      await expect(stores.tickets.assignTicket(id, bob, 'a2', now())).rejects.toMatchObject({
        code: 'conflict:ticket',
      });
      await expect(stores.tickets.assignTicket(id, 'auto', 'a2', now())).rejects.toMatchObject({
        code: 'conflict:ticket',
      });
      expect(await stores.tickets.assignTicket(id, lead, 'a2', now())).toMatchObject({ assigneeId: 'a2' });
      const last = (await stores.conversations.listEvents('c1')).at(-1);
      expect(last).toMatchObject({
        type: 'ticket-assigned',
        actor: 'agent:l1',
        data: { ticketId: id, agentId: 'a2', agentName: 'Bob', by: 'l1' },
      });
      await stores.close();
    });

    it('keeps one event log: known types only, increasing sequence numbers, filters and pages', async () => {
      const stores = await open();
      expect(await stores.tickets.lastEventSeq()).toBe(0);
      await handedOff(stores, 'c1');
      await handedOff(stores, 'c2');
      const all = await stores.tickets.eventsAfter(0);
      expect(all.every((event) => DESK_EVENT_TYPES.includes(event.type))).toBe(true);
      expect(all.map((event) => event.seq)).toEqual(
        [...all.map((event) => event.seq)].sort((left, right) => left - right),
      );
      expect(await stores.tickets.lastEventSeq()).toBe(all.at(-1)?.seq);
      const second = await stores.tickets.eventsAfter(0, { conversationId: 'c2' });
      expect(second.length).toBe(5);
      expect(second.every((event) => event.conversationId === 'c2')).toBe(true);
      const page = await stores.tickets.eventsAfter(all[2]?.seq ?? 0, { limit: 2 });
      expect(page.map((event) => event.seq)).toEqual(all.slice(3, 5).map((event) => event.seq));
      await stores.close();
    });

    it("groups one source's concurrent urgent handoffs in the writes that open them; a lead closes them in bulk", async () => {
      const stores = await open();
      const control = { handoffsPerSource: 4, since: at(0), lowSlaDueAt: at(86_400) };
      const ids = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6'];
      for (const id of ids) {
        await stores.conversations.createConversation({
          id,
          tokenHash: 'h',
          lang: 'ru',
          customer: {},
          channel: 'api',
          at: now(),
          source: 'source-1',
        });
        await stores.conversations.addCustomerMessage({ id: `${id}-m1`, conversationId: id, text: 'дым', at: now() });
      }
      const urgent: NewTicket = { ...newTicket('x', 95), priority: 'urgent' };
      await Promise.all(
        ids.map((id) =>
          stores.conversations.addBotReply({
            id: `${id}-r1`,
            conversationId: id,
            replyTo: `${id}-m1`,
            text: 'passing you on',
            at: now(),
            reply: handoff,
            ticket: { ...urgent, id: `t-${id}` },
            floodControl: control,
          }),
        ),
      );
      const tickets = await stores.tickets.listTickets({});
      const leaders = tickets.filter((ticket) => ticket.groupedWith === null);
      expect(leaders.map((ticket) => ticket.priority)).toEqual(['urgent']);
      const grouped = tickets.filter((ticket) => ticket.groupedWith !== null);
      expect(grouped).toHaveLength(5);
      expect(grouped.every((ticket) => ticket.groupedWith === leaders[0]?.id && ticket.priority === 'low')).toBe(true);
      expect(tickets.at(-1)?.groupedWith).not.toBeNull();
      expect((await stores.tickets.listTickets({ flood: true })).map((ticket) => ticket.id).sort()).toEqual(
        grouped.map((ticket) => ticket.id).sort(),
      );
      expect(await stores.tickets.listTickets({ flood: leaders[0]?.id })).toHaveLength(6);
      expect((await stores.tickets.sourceTicketsOf('f1', at(0))).map((ticket) => ticket.id)).toHaveLength(6);

      const [agent] = await agents(stores);
      const lead = await stores.tickets.createAgent({
        id: 'l1',
        name: 'Lee',
        role: 'lead',
        tokenHash: 'h-l1',
        at: now(),
      });
      const every = tickets.map((ticket) => ticket.id);
      await expect(stores.tickets.closeTickets({ ids: every, agent, resolution: 'flood', at: now() })).rejects.toThrow(
        AppError,
      );
      const result = await stores.tickets.closeTickets({
        ids: [...every, 'nope'],
        agent: lead,
        resolution: 'flood',
        at: now(),
      });
      expect([...result.closed].sort()).toEqual([...every].sort());
      expect(result.skipped.map((entry) => entry.code)).toEqual(['not_found:ticket']);
      expect(await stores.tickets.listTickets({})).toEqual([]);
      expect((await stores.conversations.getConversation('f1'))?.status).toBe(conversationStatusFor('resolved'));
      await stores.close();
    });

    it('finds agents by token hash only', async () => {
      const stores = await open();
      await agents(stores);
      expect(await stores.tickets.findAgentByTokenHash('h-a2')).toEqual({ id: 'a2', name: 'Bob', role: 'agent' });
      expect(await stores.tickets.findAgentByTokenHash('nope')).toBeUndefined();
      expect((await stores.tickets.listAgents()).map((agent) => agent.id)).toEqual(['a1', 'a2']);
      await stores.close();
    });
  });
}
