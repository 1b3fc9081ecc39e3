// The agents' inbox: views (mine, unassigned, closed, by reason), search over customers, texts and ticket ids,
// reopening a closed conversation, and assignment by a lead — in Russian and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { readEvents } from '../support/sse.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

let service: TestService;
const tokens = { maria: newToken(), john: newToken(), lead: newToken() };
const ids = { maria: '', john: '', lead: '' };
beforeAll(async () => {
  service = await testService();
  ids.maria = (await service.agents.addAgent('Мария', 'agent', tokens.maria)).id;
  ids.john = (await service.agents.addAgent('John', 'agent', tokens.john)).id;
  ids.lead = (await service.agents.addAgent('Lena', 'lead', tokens.lead)).id;
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
  assigneeName: string | null;
  reasons: string[];
  resolution: string | null;
}
const list = async (token: string, query: string) => {
  const response = await as(token)(`/v1/tickets${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { tickets: TicketJson[] }).tickets;
};

/** A customer who asks for a person; returns their conversation and ticket. */
async function handedOff(customer: Record<string, string>, lang: 'ru' | 'en', text: string) {
  const conversation = await openConversation(service.app, { lang, customer });
  await conversation.post({ text });
  const ticket = (await list(tokens.lead, '')).find((entry) => entry.conversationId === conversation.id);
  if (ticket === undefined) throw new Error('no ticket was opened');
  return { conversation, ticket };
}

describe('the inbox', () => {
  it('lists mine, unassigned and closed tickets, by reason, and finds them by customer, words and id', async () => {
    const anna = await handedOff(
      { name: 'Анна Петрова', email: 'anna@example.ru' },
      'ru',
      'Позовите оператора, пожалуйста: не проходит оплата картой',
    );
    const kim = await handedOff({ name: 'Kim Lee', id: 'crm-77' }, 'en', 'I want to talk to a human about my refund');
    expect((await as(tokens.maria)(`/v1/tickets/${anna.ticket.id}/claim`, { method: 'POST' })).status).toBe(200);

    const mine = await list(tokens.maria, '?assignee=me');
    expect(mine.map((ticket) => ticket.id)).toEqual([anna.ticket.id]);
    const unassigned = (await list(tokens.maria, '?assignee=none')).map((ticket) => ticket.id);
    expect(unassigned).toContain(kim.ticket.id);
    expect(unassigned).not.toContain(anna.ticket.id);
    expect((await list(tokens.maria, '?reason=human_request')).map((ticket) => ticket.id)).toEqual(
      expect.arrayContaining([anna.ticket.id, kim.ticket.id]),
    );
    expect((await list(tokens.maria, '?reason=sensitive')).map((ticket) => ticket.id)).not.toContain(kim.ticket.id);

    // Search: a name in another case (Cyrillic too), an e-mail, a customer id, words of the conversation, a ticket id.
    for (const [query, expected] of [
      ['анна', anna.ticket.id],
      ['ANNA@example', anna.ticket.id],
      ['crm-77', kim.ticket.id],
      ['оплата картой', anna.ticket.id],
      ['refund', kim.ticket.id],
      [kim.ticket.id, kim.ticket.id],
    ] as const) {
      const found = (await list(tokens.john, `?q=${encodeURIComponent(query)}`)).map((ticket) => ticket.id);
      expect(found, query).toEqual([expected]);
    }
    expect(await list(tokens.john, `?q=${encodeURIComponent('100%_')}`)).toEqual([]);

    await as(tokens.maria)(`/v1/tickets/${anna.ticket.id}/resolve`, {
      method: 'POST',
      body: JSON.stringify({ resolution: 'answered' }),
    });
    expect((await list(tokens.maria, '')).map((ticket) => ticket.id)).not.toContain(anna.ticket.id);
    const resolved = await list(tokens.maria, '?status=resolved');
    expect(resolved[0]).toMatchObject({ id: anna.ticket.id, resolution: 'answered' });
    // A search without a status finds closed tickets too.
    expect((await list(tokens.john, '?q=Петрова')).map((ticket) => ticket.status)).toEqual(['resolved']);
  });

  it('reopens a resolved conversation for the agent who asks; the customer sees who serves them', async () => {
    const { conversation, ticket } = await handedOff({ name: 'Sam' }, 'en', 'Please connect me with a person');
    const john = as(tokens.john);
    await john(`/v1/tickets/${ticket.id}/claim`, { method: 'POST' });
    await john(`/v1/tickets/${ticket.id}/resolve`, {
      method: 'POST',
      body: JSON.stringify({ resolution: 'answered' }),
    });

    const after = await service.store.tickets.lastEventSeq();
    const feed = await service.app.request(`/v1/conversations/${conversation.id}/events`, {
      headers: { authorization: `Bearer ${conversation.token}`, 'last-event-id': String(after) },
    });
    const reopened = await as(tokens.maria)(`/v1/tickets/${ticket.id}/reopen`, { method: 'POST' });
    expect(reopened.status).toBe(200);
    expect(((await reopened.json()) as { ticket: TicketJson }).ticket).toMatchObject({
      status: 'assigned',
      assigneeId: ids.maria,
      assigneeName: 'Мария',
      resolution: null,
    });
    const events = await readEvents(feed, (seen) => seen.some((event) => event.event === 'status'));
    expect(events.find((event) => event.event === 'status')?.data).toMatchObject({
      status: 'assigned',
      agent: { name: 'Мария' },
    });
    const sent = await as(tokens.maria)(`/v1/tickets/${ticket.id}/messages`, {
      method: 'POST',
      body: JSON.stringify({ text: 'Hello again, Sam! I have reopened your request.' }),
    });
    expect(sent.status).toBe(200);
    // Open already: a second reopen is refused with the reason.
    const again = await john(`/v1/tickets/${ticket.id}/reopen`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'conflict:ticket',
      message: expect.stringContaining('only a closed ticket can be reopened') as string,
    });
    expect((await as(tokens.maria)('/v1/tickets/nope/reopen', { method: 'POST' })).status).toBe(404);
  });

  it('lets a lead assign a ticket to an agent, and an agent only to themselves', async () => {
    const { ticket } = await handedOff({ name: 'Олег' }, 'ru', 'Хочу поговорить с человеком');
    const refused = await as(tokens.john)(`/v1/tickets/${ticket.id}/assign`, {
      method: 'POST',
      body: JSON.stringify({ agentId: ids.maria }),
    });
    expect(refused.status).toBe(403);
    const assigned = await as(tokens.lead)(`/v1/tickets/${ticket.id}/assign`, {
      method: 'POST',
      body: JSON.stringify({ agentId: ids.maria }),
    });
    expect(assigned.status).toBe(200);
    expect(((await assigned.json()) as { ticket: TicketJson }).ticket).toMatchObject({
      status: 'assigned',
      assigneeId: ids.maria,
    });
    expect((await list(tokens.maria, '?assignee=me')).map((entry) => entry.id)).toContain(ticket.id);
    const unknown = await as(tokens.lead)(`/v1/tickets/${ticket.id}/assign`, {
      method: 'POST',
      body: JSON.stringify({ agentId: 'nobody' }),
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found:agent');
    const bad = await as(tokens.lead)(`/v1/tickets/${ticket.id}/assign`, { method: 'POST', body: '{}' });
    expect(bad.status).toBe(400);
    expect((await as(tokens.lead)('/v1/tickets?assignee=a%20b')).status).toBe(400);
    expect((await as(tokens.lead)('/v1/tickets?reason=angry')).status).toBe(400);
  });
});
