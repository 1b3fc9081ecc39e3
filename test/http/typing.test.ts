// Typing indicators through the real app: the customer's typing reaches the agents' feed, the assignee's reaches
// the customer's feed with the agent's name; both are ephemeral (no id, nothing in the event log, replay unchanged).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import type { Agent } from '../../src/core/queue/ticket.ts';
import { GENEROUS_LIMITS, handedOff, type HandedOff } from '../security/support.ts';
import { readEvents, type ServerEvent } from '../support/sse.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

let service: TestService;
const annaToken = newToken();
const borisToken = newToken();
let anna: Agent;

beforeAll(async () => {
  service = await testService(GENEROUS_LIMITS);
  anna = await service.agents.addAgent('Anna', 'agent', annaToken);
  await service.agents.addAgent('Boris', 'agent', borisToken);
});
afterAll(async () => service?.close());

/** A handed-off conversation whose ticket Anna holds. */
async function annasTicket(): Promise<HandedOff> {
  const target = await handedOff(service);
  await service.agents.claim(target.ticketId, anna);
  return target;
}

const post = (path: string, token: string, body: unknown = {}) =>
  service.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
const customerTyping = (target: { conversationId: string; token: string }, body: unknown = {}) =>
  post(`/v1/conversations/${target.conversationId}/typing`, target.token, body);
const agentTyping = (ticketId: string, token: string, body: unknown = {}) =>
  post(`/v1/tickets/${ticketId}/typing`, token, body);

const agentFeed = () => service.app.request('/v1/agent/events', { headers: { authorization: `Bearer ${annaToken}` } });
const customerFeed = (target: HandedOff, lastEventId?: number) =>
  service.app.request(`/v1/conversations/${target.conversationId}/events`, {
    headers: {
      authorization: `Bearer ${target.token}`,
      ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }),
    },
  });
const typingEvents = (events: ServerEvent[]) => events.filter((event) => event.event === 'typing');

describe('typing indicators', () => {
  it('tells the agents that the customer is typing, with the conversation and its ticket, and when it stops', async () => {
    const target = await annasTicket();
    const reading = readEvents(await agentFeed(), (events) => typingEvents(events).length >= 2);
    expect((await customerTyping(target)).status).toBe(204);
    // A repeat within two seconds is answered alike and passed on to nobody.
    expect((await customerTyping(target, { typing: true })).status).toBe(204);
    expect((await customerTyping(target, { typing: false })).status).toBe(204);
    const data = { conversationId: target.conversationId, ticketId: target.ticketId, who: 'customer' };
    expect(typingEvents(await reading)).toEqual([
      { id: undefined, event: 'typing', data: { ...data, typing: true } },
      { id: undefined, event: 'typing', data: { ...data, typing: false } },
    ]);
  });

  it("shows the customer the assignee typing by name, never the customer's own typing", async () => {
    const target = await annasTicket();
    const latest = await service.store.tickets.lastEventSeq();
    const reading = readEvents(await customerFeed(target, latest), (events) => typingEvents(events).length >= 2);
    expect((await customerTyping(target)).status).toBe(204);
    expect((await agentTyping(target.ticketId, annaToken)).status).toBe(204);
    expect((await agentTyping(target.ticketId, annaToken, { typing: false })).status).toBe(204);
    expect(typingEvents(await reading)).toEqual([
      { id: undefined, event: 'typing', data: { who: 'agent', name: 'Anna', typing: true } },
      { id: undefined, event: 'typing', data: { who: 'agent', name: 'Anna', typing: false } },
    ]);
  });

  it('refuses typing on a ticket the agent does not hold, as for a message', async () => {
    const target = await annasTicket();
    const other = await agentTyping(target.ticketId, borisToken);
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ error: { code: 'conflict:ticket' } });
    const waiting = await handedOff(service);
    expect((await agentTyping(waiting.ticketId, annaToken)).status).toBe(409);
    expect((await agentTyping('no-such-ticket', annaToken)).status).toBe(404);
  });

  it('says nothing to the agents while the bot serves the customer', async () => {
    const withBot = await openConversation(service.app);
    const target = await annasTicket();
    const reading = readEvents(await agentFeed(), (events) => typingEvents(events).length >= 1);
    expect((await customerTyping({ conversationId: withBot.id, token: withBot.token })).status).toBe(204);
    expect((await customerTyping(target)).status).toBe(204);
    expect(typingEvents(await reading).map((event) => event.data)).toEqual([
      { conversationId: target.conversationId, ticketId: target.ticketId, who: 'customer', typing: true },
    ]);
  });

  it('keeps typing out of the event log, so a replay by Last-Event-ID gives exactly the stored events', async () => {
    const target = await annasTicket();
    await customerTyping(target);
    await agentTyping(target.ticketId, annaToken);
    const sent = await post(`/v1/tickets/${target.ticketId}/messages`, annaToken, { text: 'Looking into it.' });
    expect(sent.status).toBe(200);
    const stored = await service.store.listEvents(target.conversationId);
    expect(stored.map((event) => event.type).filter((type) => type.includes('typing'))).toEqual([]);
    const replayed = await readEvents(await customerFeed(target, 0), (events) =>
      events.some((event) => event.event === 'message'),
    );
    expect(replayed.every((event) => event.id !== undefined && event.event !== 'typing')).toBe(true);
    // Resuming after the first event replays the rest, in the log's order.
    const first = Number(replayed[0]?.id);
    const resumed = await readEvents(await customerFeed(target, first), (events) =>
      events.some((event) => event.event === 'message'),
    );
    expect(resumed).toEqual(replayed.slice(1));
  });

  it('refuses a body that is not a typing flag', async () => {
    const target = await annasTicket();
    const response = await customerTyping(target, { typing: 'yes' });
    expect(response.status).toBe(400);
    expect((await response.json()) as unknown).toMatchObject({
      error: { code: expect.stringMatching(/^bad_request/) },
    });
  });
});
