import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { readEvents } from '../support/sse.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

let service: TestService;
const tokens = { agent: newToken(), second: newToken(), lead: newToken(), admin: newToken() };
beforeAll(async () => {
  service = await testService({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000', RATE_LIMIT_ADDRESS_PER_MINUTE: '100000' });
  await service.agents.addAgent('Мария', 'agent', tokens.agent);
  await service.agents.addAgent('Олег', 'agent', tokens.second);
  await service.agents.addAgent('Лида', 'lead', tokens.lead);
  await service.agents.addAgent('Админ', 'admin', tokens.admin);
});
afterAll(async () => service.close());

const as = (token: string, init: RequestInit = {}) => ({
  ...init,
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
});
const api = (path: string, token: string, init: RequestInit = {}) => service.app.request(path, as(token, init));

interface TicketJson {
  id: string;
  conversationId: string;
  status: string;
  reasons: string[];
  priority: string;
  summary: { problem: string; mood: { label: string }; botSaid: string[] };
  signals: { emotion: { label: string; intensity: number } };
}

describe('handoff to a person, end to end through the API', () => {
  it('turns an angry Russian message into a ticket with the reason, a faithful summary and a queue notice', async () => {
    const customer = await openConversation(service.app, { customer: { name: 'Ирина', plan: 'Optima' } });
    const text = 'ВЫ ИДИОТЫ!!! Третий день нет интернета, пишу уже третий раз!';
    const reply = (await (await customer.post({ text })).json()) as {
      reply: { action: string; reasons: string[]; text: string };
    };
    expect(reply.reply).toMatchObject({ action: 'handoff', reasons: expect.arrayContaining(['emotion']) });
    expect(reply.reply.text).toMatch(/Мне очень жаль/);
    expect(reply.reply.text).toMatch(/Вы 1-й в очереди|Вы \d+-й в очереди/);
    const { tickets } = (await (await api('/v1/tickets?status=waiting', tokens.agent)).json()) as {
      tickets: TicketJson[];
    };
    const ticket = tickets.find((entry) => entry.conversationId === customer.id);
    expect(ticket).toMatchObject({
      status: 'waiting',
      reasons: ['emotion'],
      priority: expect.stringMatching(/urgent|high/),
    });
    expect(ticket?.signals.emotion.label).toBe('anger');
    expect(text).toContain(ticket?.summary.problem.split(' ')[0]);
    expect(ticket?.summary.mood.label).toBe('anger');
  });

  it('lets one agent claim, reply live, keep the bot silent, resolve, and the customer rate', async () => {
    const customer = await openConversation(service.app);
    const handoff = (await (
      await customer.post({ text: 'I want to talk to a human, please. My router keeps rebooting.' })
    ).json()) as { reply: { reasons: string[] } };
    expect(handoff.reply.reasons).toEqual(['human_request']);
    const { tickets } = (await (await api('/v1/tickets', tokens.agent)).json()) as { tickets: TicketJson[] };
    const ticket = tickets.find((entry) => entry.conversationId === customer.id);
    expect(ticket?.summary.problem).toBe('My router keeps rebooting.');

    const customerEvents = service.app.request(`/v1/conversations/${customer.id}/events`, as(customer.token));
    expect((await api(`/v1/tickets/${ticket?.id}/claim`, tokens.agent, { method: 'POST' })).status).toBe(200);
    const second = await api(`/v1/tickets/${ticket?.id}/claim`, tokens.second, { method: 'POST' });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: 'conflict:ticket' } });
    expect(
      (
        await api(`/v1/tickets/${ticket?.id}/messages`, tokens.second, {
          method: 'POST',
          body: JSON.stringify({ text: 'hi' }),
        })
      ).status,
    ).toBe(409);

    const silent = (await (await customer.post({ text: 'hello? how do I reset my password' })).json()) as {
      reply: unknown;
    };
    expect(silent.reply).toBeNull();
    await api(`/v1/tickets/${ticket?.id}/notes`, tokens.agent, {
      method: 'POST',
      body: JSON.stringify({ text: 'INTERNAL: customer sounds tired' }),
    });
    await api(`/v1/tickets/${ticket?.id}/messages`, tokens.agent, {
      method: 'POST',
      body: JSON.stringify({ text: 'Hello, I am Maria. Let us check your router.' }),
    });
    const events = await readEvents(await customerEvents, (list) => list.some((event) => event.event === 'message'));
    expect(events.map((event) => event.event)).toEqual(['status', 'status', 'message']);
    expect(events[2]?.data).toMatchObject({
      role: 'agent',
      text: 'Hello, I am Maria. Let us check your router.',
      author: { name: 'Мария' },
    });
    expect(JSON.stringify(events)).not.toContain('INTERNAL');

    const beforeResolve = await service.app.request(
      `/v1/conversations/${customer.id}/rating`,
      as(customer.token, { method: 'POST', body: JSON.stringify({ score: 5 }) }),
    );
    expect(beforeResolve.status).toBe(409);
    expect(
      (
        await api(`/v1/tickets/${ticket?.id}/resolve`, tokens.agent, {
          method: 'POST',
          body: JSON.stringify({ resolution: 'router-replaced' }),
        })
      ).status,
    ).toBe(200);
    const rated = await service.app.request(
      `/v1/conversations/${customer.id}/rating`,
      as(customer.token, { method: 'POST', body: JSON.stringify({ score: 5, comment: 'спасибо' }) }),
    );
    expect(rated.status).toBe(201);
    expect(
      (
        await service.app.request(
          `/v1/conversations/${customer.id}/rating`,
          as(customer.token, { method: 'POST', body: JSON.stringify({ score: 1 }) }),
        )
      ).status,
    ).toBe(409);

    const conversation = (await (
      await service.app.request(`/v1/conversations/${customer.id}`, as(customer.token))
    ).json()) as { status: string; messages: Array<{ role: string; text: string }> };
    expect(conversation.status).toBe('resolved');
    expect(conversation.messages.map((message) => message.role)).toEqual(['customer', 'bot', 'customer', 'agent']);
    expect(JSON.stringify(conversation)).not.toContain('INTERNAL');
    const after = (await (await customer.post({ text: 'how do I reset my password' })).json()) as {
      reply: { action: string };
    };
    expect(after.reply.action).toBe('answer');
  });

  it('hands the conversation back to the bot on release', async () => {
    const customer = await openConversation(service.app);
    await customer.post({ text: 'позовите оператора' });
    const ticket = ((await (await api('/v1/tickets', tokens.agent)).json()) as { tickets: TicketJson[] }).tickets.find(
      (entry) => entry.conversationId === customer.id,
    );
    await api(`/v1/tickets/${ticket?.id}/claim`, tokens.agent, { method: 'POST' });
    expect(
      (await (await api(`/v1/tickets/${ticket?.id}/release`, tokens.agent, { method: 'POST' })).json()) as {
        ticket: { status: string };
      },
    ).toMatchObject({ ticket: { status: 'released' } });
    const answered = (await (await customer.post({ text: 'как оплатить картой' })).json()) as {
      reply: { action: string };
    };
    expect(answered.reply.action).toBe('answer');
  });

  it('streams new tickets to agents, and replays from Last-Event-ID', async () => {
    // The feed starts at the newest event once its response has begun: open it before the customer writes.
    const stream = await api('/v1/agent/events', tokens.agent);
    const customer = await openConversation(service.app);
    await customer.post({ text: 'соедините со специалистом' });
    const events = await readEvents(stream, (list) => list.some((event) => event.event === 'ticket-created'));
    const created = events.find((event) => event.event === 'ticket-created');
    expect(created?.data).toMatchObject({ conversationId: customer.id, reasons: ['human_request'] });
    const replay = await readEvents(
      await api('/v1/agent/events', tokens.agent, { headers: { 'last-event-id': String(Number(created?.id) - 1) } }),
      (list) => list.length > 0,
    );
    expect(replay[0]).toEqual(created);
  });

  it('gives leads the KPIs and Prometheus the same numbers', async () => {
    const kpis = (await (await api('/v1/metrics', tokens.lead)).json()) as {
      conversations: number;
      tickets: number;
      containment: number;
      csat: { average: number };
    };
    expect(kpis.conversations).toBeGreaterThanOrEqual(4);
    expect(kpis.tickets).toBeGreaterThanOrEqual(4);
    expect(kpis.csat.average).toBe(5);
    const text = await (await service.app.request('/metrics')).text();
    expect(text).toMatch(/^firstline_tickets \d+$/m);
    expect(text).toMatch(/^firstline_csat_average 5$/m);
  });

  it('counts in the KPIs what happened since the last read of them', async () => {
    type Counts = { conversations: number; tickets: number; handoffRateByReason: Record<string, number> };
    // A period that ends after everything this test writes: by default it ends now, and a conversation
    // opened in the same millisecond as the read would fall just outside it.
    const query = `?to=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`;
    const before = (await (await api(`/v1/metrics${query}`, tokens.lead)).json()) as Counts;
    const customer = await openConversation(service.app);
    await customer.post({ text: 'соедините со специалистом' });
    const after = (await (await api(`/v1/metrics${query}`, tokens.lead)).json()) as Counts;
    expect(after.conversations).toBe(before.conversations + 1);
    expect(after.tickets).toBe(before.tickets + 1);
    expect(after.handoffRateByReason.human_request).toBeGreaterThan(0);
  });
});

describe('each role reaches only its own routes', () => {
  it('refuses customer tokens on tickets, agents on lead and admin routes, and customers on other conversations', async () => {
    const customer = await openConversation(service.app);
    const other = await openConversation(service.app);
    expect((await api('/v1/tickets', customer.token)).status).toBe(401);
    expect((await service.app.request('/v1/tickets')).status).toBe(401);
    expect((await api('/v1/metrics', tokens.agent)).status).toBe(403);
    expect((await api('/v1/admin/agents', tokens.agent)).status).toBe(403);
    expect((await api('/v1/admin/agents', tokens.lead)).status).toBe(403);
    expect((await api('/v1/admin/agents', tokens.admin)).status).toBe(200);
    expect((await service.app.request(`/v1/conversations/${customer.id}/events`, as(other.token))).status).toBe(403);
    expect(
      (
        await service.app.request(
          `/v1/conversations/${customer.id}/rating`,
          as(other.token, { method: 'POST', body: '{"score":5}' }),
        )
      ).status,
    ).toBe(403);
    expect((await api(`/v1/conversations/${customer.id}`, tokens.admin)).status).toBe(403);
  });
});

describe('outside working hours', () => {
  it('tells the customer when specialists will reply instead of a queue estimate', async () => {
    const sunday = new Date('2026-11-22T10:00:00Z');
    const closed = await testService(
      { SUPPORT_HOURS: 'mon-fri 09:00-21:00', SUPPORT_TIMEZONE: 'Europe/Moscow' },
      { now: () => sunday },
    );
    try {
      const customer = await openConversation(closed.app, { lang: 'en' });
      const body = (await (await customer.post({ text: 'let me talk to an agent' })).json()) as {
        reply: { text: string };
      };
      expect(body.reply.text).toContain(
        'Our specialists are offline right now; they will reply here when they are back: Monday 09:00 (Europe/Moscow).',
      );
      const russian = await openConversation(closed.app);
      const text = ((await (await russian.post({ text: 'позовите оператора' })).json()) as { reply: { text: string } })
        .reply.text;
      expect(text).toContain('когда вернутся к работе: понедельник');
    } finally {
      await closed.close();
    }
  });
});
