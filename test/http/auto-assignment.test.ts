// Presence and round-robin auto-assignment (AUTO_ASSIGN=round-robin): waiting tickets go to online agents with room,
// in turn; an agent who is away gets none; a closed ticket makes room for the next one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

let service: TestService;
const tokens = { ann: newToken(), bob: newToken(), cy: newToken() };
const ids = { ann: '', bob: '', cy: '' };
beforeAll(async () => {
  service = await testService({ AUTO_ASSIGN: 'round-robin', AGENT_CAPACITY: '1' });
  ids.ann = (await service.agents.addAgent('Анна', 'agent', tokens.ann)).id;
  ids.bob = (await service.agents.addAgent('Bob', 'agent', tokens.bob)).id;
  ids.cy = (await service.agents.addAgent('Cy', 'agent', tokens.cy)).id;
});
afterAll(async () => service.close());

const as =
  (token: string) =>
  (path: string, init: RequestInit = {}) =>
    service.app.request(path, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
interface TicketJson {
  id: string;
  conversationId: string;
  status: string;
  assigneeId: string | null;
}
const presence = (token: string, value: string) =>
  as(token)('/v1/agent/presence', { method: 'PUT', body: JSON.stringify({ presence: value }) });
const ticketOf = async (conversationId: string) =>
  ((await (await as(tokens.ann)('/v1/tickets?limit=500&q=' + conversationId)).json()) as { tickets: TicketJson[] })
    .tickets[0];

/** Waits (up to 5 s) until the check passes: assignment follows the live feed, a moment after the handoff. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function handOff(lang: 'ru' | 'en') {
  const customer = await openConversation(service.app, { lang });
  await customer.post({ text: lang === 'ru' ? 'Позовите оператора, пожалуйста' : 'A human, please' });
  return customer.id;
}

describe('auto-assignment', () => {
  it('gives waiting tickets to online agents in turn, within capacity, and the next one when a ticket closes', async () => {
    expect((await presence(tokens.ann, 'online')).status).toBe(200);
    const bob = await presence(tokens.bob, 'online');
    expect(((await bob.json()) as { agent: unknown }).agent).toMatchObject({
      id: ids.bob,
      presence: 'online',
      openTickets: 0,
    });
    expect((await presence(tokens.cy, 'away')).status).toBe(200);

    const first = await handOff('ru');
    const second = await handOff('en');
    const third = await handOff('ru');
    const assigned = async () => Promise.all([first, second, third].map(ticketOf));
    const tickets = await eventually(
      assigned,
      (list) => list.filter((ticket) => ticket?.status === 'assigned').length === 2,
    );
    expect(tickets.map((ticket) => ticket?.assigneeId)).toEqual([ids.ann, ids.bob, null]);
    expect(tickets[2]?.status).toBe('waiting');

    const team = (await (await as(tokens.cy)('/v1/agents')).json()) as {
      agents: Array<{ id: string; presence: string; openTickets: number }>;
    };
    expect(team.agents.map((agent) => [agent.id, agent.presence, agent.openTickets])).toEqual([
      [ids.ann, 'online', 1],
      [ids.bob, 'online', 1],
      [ids.cy, 'away', 0],
    ]);

    // Ann resolves hers: she has room again, and the waiting ticket reaches her.
    const resolved = await as(tokens.ann)(`/v1/tickets/${tickets[0]?.id ?? ''}/resolve`, {
      method: 'POST',
      body: JSON.stringify({ resolution: 'answered' }),
    });
    expect(resolved.status).toBe(200);
    const next = await eventually(
      () => ticketOf(third),
      (ticket) => ticket?.status === 'assigned',
    );
    expect(next?.assigneeId).toBe(ids.ann);
  });

  it('gives a waiting ticket to an agent the moment they come online, and none after they sign out', async () => {
    await presence(tokens.ann, 'offline');
    await presence(tokens.bob, 'offline');
    const waiting = await handOff('en');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await ticketOf(waiting))?.status).toBe('waiting');
    await presence(tokens.cy, 'online');
    const ticket = await eventually(
      () => ticketOf(waiting),
      (entry) => entry?.status === 'assigned',
    );
    expect(ticket?.assigneeId).toBe(ids.cy);
    expect((await presence(tokens.cy, 'busy')).status).toBe(400);
    expect((await service.app.request('/v1/agents')).status).toBe(401);
  });
});
