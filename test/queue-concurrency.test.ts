import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/adapters/store/sqlite-store.ts';
import type { ReplyMeta } from '../src/core/conversation/conversation.ts';
import { AppError } from '../src/core/errors.ts';
import type { Agent } from '../src/core/queue/ticket.ts';

const directory = await mkdtemp(join(tmpdir(), 'firstline-claims-'));
const store = SqliteStore.open(join(directory, 'firstline.db'));
afterAll(async () => {
  await store.close();
  await rm(directory, { recursive: true, force: true });
});

const handoff: ReplyMeta = {
  action: 'handoff',
  citations: [],
  confidence: { score: 0, components: {} },
  lang: 'ru',
  reasons: ['human_request'],
};
const summary = {
  problem: 'p',
  botSaid: [],
  citedArticles: [],
  customerAnswered: [],
  mood: { label: 'neutral', intensity: 0 },
  openQuestions: [],
  source: 'extractive',
};

async function ticketFor(index: number): Promise<string> {
  const at = new Date().toISOString();
  await store.createConversation({ id: `c${index}`, tokenHash: 'h', lang: 'ru', customer: {}, channel: 'api', at });
  await store.addCustomerMessage({ id: `m${index}`, conversationId: `c${index}`, text: 'позовите оператора', at });
  await store.addBotReply({
    id: `r${index}`,
    conversationId: `c${index}`,
    replyTo: `m${index}`,
    text: 'передаю',
    at,
    reply: handoff,
    ticket: {
      id: `t${index}`,
      group: 'first-line',
      priority: 'normal',
      priorityScore: 35,
      reasons: ['human_request'],
      signals: {},
      summary,
      slaDueAt: at,
    },
  });
  return `t${index}`;
}

describe('claiming is atomic', () => {
  it('gives exactly one of 20 concurrent claims the ticket, 200 times over', async () => {
    const agents: Agent[] = [];
    for (let index = 0; index < 20; index += 1)
      agents.push(
        await store.tickets.createAgent({
          id: `a${index}`,
          name: `Agent ${index}`,
          role: 'agent',
          tokenHash: `hash-${index}`,
          at: new Date().toISOString(),
        }),
      );
    for (let round = 0; round < 200; round += 1) {
      const id = await ticketFor(round);
      const results = await Promise.allSettled(
        agents.map((agent) => store.tickets.claimTicket(id, agent, new Date().toISOString())),
      );
      const winners = results.filter((result) => result.status === 'fulfilled');
      const losers = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(
        losers.every((result) => result.reason instanceof AppError && result.reason.code === 'conflict:ticket'),
      ).toBe(true);
      const ticket = await store.tickets.getTicket(id);
      expect(ticket?.assigneeId).toBe((winners[0] as PromiseFulfilledResult<{ assigneeId: string }>).value.assigneeId);
      const claims = (await store.listEvents(`c${round}`)).filter((event) => event.type === 'ticket-claimed');
      expect(claims).toHaveLength(1);
    }
  }, 120_000);
});
