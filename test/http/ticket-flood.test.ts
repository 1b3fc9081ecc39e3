// Ticket flooding: one address (or one customer) opening conversation after conversation and claiming an emergency
// in each must not push real customers down the queue. New conversations are limited per address and per customer;
// a repeated urgent claim joins the source's open ticket at the back; past the hourly handoff limit every new ticket
// of the source waits at the back, marked; a lead sees the flood and closes it in bulk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { testService, type TestService } from '../support/test-service.ts';

const SMOKE = 'Из роутера идёт дым и пахнет гарью!';
const tokens = { agent: newToken(), lead: newToken() };

interface TicketJson {
  readonly id: string;
  readonly conversationId: string;
  readonly priority: string;
  readonly groupedWith: string | null;
  readonly signals: { readonly flood?: { readonly groupedWith: string; readonly because: string } };
}

function harness(service: TestService) {
  const json = { 'content-type': 'application/json' };
  const open = (address: string, body: unknown = {}) =>
    service.app.request('/v1/conversations', {
      method: 'POST',
      headers: { ...json, 'x-test-address': address },
      body: JSON.stringify(body),
    });
  const ask = async (address: string, text: string, body: unknown = {}) => {
    const opened = await open(address, body);
    expect(opened.status).toBe(201);
    const { id, token } = (await opened.json()) as { id: string; token: string };
    const response = await service.app.request(`/v1/conversations/${id}/messages`, {
      method: 'POST',
      headers: { ...json, 'x-test-address': address, authorization: `Bearer ${token}` },
      body: JSON.stringify({ text }),
    });
    expect(response.status).toBe(200);
    const { reply } = (await response.json()) as { reply: { action: string; text: string } };
    return { id, reply };
  };
  const api = (path: string, token: string, init: RequestInit = {}) =>
    service.app.request(path, {
      ...init,
      headers: { ...json, authorization: `Bearer ${token}`, 'x-test-address': '10.9.9.9' },
    });
  const queue = async (query = '') =>
    ((await (await api(`/v1/tickets${query}`, tokens.agent)).json()) as { tickets: TicketJson[] }).tickets;
  return { open, ask, api, queue };
}

describe('new conversations per address and per customer', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await testService({ CONVERSATIONS_PER_ADDRESS_PER_HOUR: '5', CONVERSATIONS_PER_CUSTOMER_PER_HOUR: '3' });
  });
  afterAll(async () => service.close());

  it('refuses the address past its hourly burst with 429 and Retry-After, and serves other addresses', async () => {
    const { open } = harness(service);
    for (let index = 0; index < 5; index += 1) expect((await open('10.0.0.1')).status).toBe(201);
    const refused = await open('10.0.0.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited:new_conversations' } });
    expect((await open('10.0.0.2')).status).toBe(201);
  });

  it('refuses one customer past its limit whatever address it comes from (id, else e-mail in any case)', async () => {
    const { open } = harness(service);
    for (const address of ['10.1.0.1', '10.1.0.2', '10.1.0.3'])
      expect((await open(address, { customer: { email: 'Flood@Example.com' } })).status).toBe(201);
    const refused = await open('10.1.0.4', { customer: { email: 'flood@example.com' } });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited:customer' } });
    expect((await open('10.1.0.4', { customer: { email: 'someone@example.com' } })).status).toBe(201);
  });
});

describe('handoffs from one source', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await testService({
      HANDOFFS_PER_SOURCE_PER_HOUR: '5',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '100000',
      RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000',
      // The thirty arrive at once: in-flight limits are another test's subject.
      MESSAGES_IN_FLIGHT_PER_ADDRESS: '100',
    });
    await service.agents.addAgent('Мария', 'agent', tokens.agent);
    await service.agents.addAgent('Лида', 'lead', tokens.lead);
  });
  afterAll(async () => service.close());

  it('groups thirty concurrent urgent claims into one urgent ticket, and a real customer stays near the front', async () => {
    const { ask, queue } = harness(service);
    // Customers already waiting, each from their own address.
    for (let index = 0; index < 3; index += 1)
      await ask(`10.2.0.${index + 1}`, 'Позовите, пожалуйста, оператора: не проходит оплата картой.');
    const flood = await Promise.all(Array.from({ length: 30 }, () => ask('10.66.6.6', SMOKE)));
    expect(flood.every(({ reply }) => reply.action === 'handoff')).toBe(true);
    const real = await ask('10.3.0.1', SMOKE);
    expect(real.reply.action).toBe('handoff');

    const tickets = await queue();
    const flooder = new Set(flood.map((entry) => entry.id));
    const fromFlooder = tickets.filter((ticket) => flooder.has(ticket.conversationId));
    expect(fromFlooder).toHaveLength(30);
    const leaders = fromFlooder.filter((ticket) => ticket.groupedWith === null);
    expect(leaders).toHaveLength(1);
    expect(leaders[0]?.priority).toBe('urgent');
    for (const ticket of fromFlooder.filter((entry) => entry.groupedWith !== null)) {
      expect(ticket).toMatchObject({ priority: 'low', groupedWith: leaders[0]?.id });
      expect(ticket.signals.flood?.because).toMatch(/^(repeat|limit)$/);
    }
    // The real emergency is behind at most the flooder's one urgent ticket, ahead of every grouped one.
    const position = tickets.findIndex((ticket) => ticket.conversationId === real.id);
    expect(position).toBeLessThanOrEqual(1);
    const lastUngrouped = Math.max(...tickets.map((ticket, index) => (ticket.groupedWith === null ? index : -1)));
    expect(tickets.slice(lastUngrouped + 1).every((ticket) => ticket.groupedWith !== null)).toBe(true);
    // The customers who waited before the flood keep their places ahead of it.
    for (let index = 0; index < 3; index += 1) expect(tickets[index + 2]?.groupedWith ?? null).toBeNull();
  });

  it('marks a customer past the hourly limit even across addresses, when the claims are not urgent', async () => {
    const { ask, queue } = harness(service);
    const customer = { customer: { id: 'crm-4242' } };
    const asked: Array<{ id: string }> = [];
    for (let index = 0; index < 7; index += 1)
      asked.push(await ask(`10.4.0.${index + 1}`, 'Соедините с оператором, пожалуйста.', customer));
    const mine = (await queue()).filter((ticket) => asked.some((entry) => entry.id === ticket.conversationId));
    expect(mine.filter((ticket) => ticket.groupedWith === null)).toHaveLength(5);
    const marked = mine.filter((ticket) => ticket.groupedWith !== null);
    expect(marked).toHaveLength(2);
    expect(marked.every((ticket) => ticket.signals.flood?.because === 'limit')).toBe(true);
  });

  it('lists the flood for a lead and lets only a lead close it in bulk, leaving the rest of the queue', async () => {
    const { api, queue } = harness(service);
    const flood = await queue('?flood=true');
    expect(flood.length).toBeGreaterThanOrEqual(29);
    const leader = flood[0]?.groupedWith ?? '';
    const group = await queue(`?flood=${leader}`);
    expect(group.map((ticket) => ticket.id)).toContain(leader);
    const ids = group.map((ticket) => ticket.id);

    const byAgent = await api('/v1/ticket-closures', tokens.agent, {
      method: 'POST',
      body: JSON.stringify({ ticketIds: ids }),
    });
    expect(byAgent.status).toBe(403);

    const before = (await queue()).length;
    const closed = await api('/v1/ticket-closures', tokens.lead, {
      method: 'POST',
      body: JSON.stringify({ ticketIds: [...ids, 'no-such-ticket'] }),
    });
    expect(closed.status).toBe(200);
    const result = (await closed.json()) as { closed: string[]; skipped: Array<{ id: string; code: string }> };
    expect(result.closed.sort()).toEqual([...ids].sort());
    expect(result.skipped).toEqual([expect.objectContaining({ id: 'no-such-ticket', code: 'not_found:ticket' })]);
    const after = await queue();
    expect(after).toHaveLength(before - ids.length);
    expect(after.some((ticket) => ids.includes(ticket.id))).toBe(false);

    const again = await api('/v1/ticket-closures', tokens.lead, {
      method: 'POST',
      body: JSON.stringify({ ticketIds: [ids[0]] }),
    });
    expect(((await again.json()) as { skipped: Array<{ code: string }> }).skipped[0]?.code).toBe('conflict:ticket');
    const invalid = await api('/v1/ticket-closures', tokens.lead, { method: 'POST', body: '{"ticketIds":[]}' });
    expect(invalid.status).toBe(400);
  });
});
