// An agent feed reconnecting with an old Last-Event-ID replays at most AGENT_REPLAY_LIMIT events, after telling the
// console that it skipped the older ones (it reloads the queue); a recent Last-Event-ID replays everything after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { AGENT_REPLAY_LIMIT } from '../../src/http/routes/tickets.ts';
import { readEvents } from '../support/sse.ts';
import { testService, type TestService } from '../support/test-service.ts';

let service: TestService;
const token = newToken();
beforeAll(async () => {
  service = await testService();
  await service.agents.addAgent('Мария', 'agent', token);
  // Three events per conversation (created, message received, reply sent): well past the replay limit.
  for (let index = 0; index < 450; index += 1) {
    const id = `c-${index}`;
    const at = new Date(Date.UTC(2026, 10, 1) + index * 1000).toISOString();
    await service.store.createConversation({
      id,
      tokenHash: `h-${index}`,
      lang: 'ru',
      customer: {},
      channel: 'api',
      at,
    });
    await service.store.addCustomerMessage({ id: `${id}-m`, conversationId: id, text: 'Здравствуйте', at });
    await service.store.addBotReply({
      id: `${id}-r`,
      conversationId: id,
      replyTo: `${id}-m`,
      text: 'Здравствуйте!',
      at,
      reply: { action: 'answer', citations: [], confidence: { score: 0.9, components: {} }, lang: 'ru' },
    });
  }
});
afterAll(async () => service.close());

const feed = (lastEventId: number) =>
  service.app.request('/v1/agent/events', {
    headers: { authorization: `Bearer ${token}`, 'last-event-id': String(lastEventId) },
  });

describe('agent feed replay', () => {
  it('skips to the newest events past the limit, saying so first', async () => {
    const latest = await service.store.tickets.lastEventSeq();
    expect(latest).toBeGreaterThan(AGENT_REPLAY_LIMIT + 100);
    // The agent's view shows only some event types; the ids say where the replay started.
    const events = await readEvents(await feed(0), (list) => list.length >= 1);
    expect(events[0]).toMatchObject({
      event: 'replay-truncated',
      id: String(latest - AGENT_REPLAY_LIMIT),
      data: { after: 0, resumedAfter: latest - AGENT_REPLAY_LIMIT },
    });
  });

  it('replays everything after a recent Last-Event-ID, without the notice', async () => {
    const latest = await service.store.tickets.lastEventSeq();
    const events = await readEvents(await feed(latest - 30), (list) => list.length >= 1, 5000);
    expect(events[0]?.event).not.toBe('replay-truncated');
    expect(Number(events[0]?.id)).toBeGreaterThan(latest - 30);
  });
});
