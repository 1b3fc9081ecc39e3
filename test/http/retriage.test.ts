// A customer handed off as "bot unsure" who turns angry and asks for a person while waiting is re-triaged: reasons
// added, priority raised, SLA shortened, the summary keeps what they wrote, agents are told, and the customer gets a
// brief acknowledgement — once, not on every message. A calm message never lowers anything. RU and EN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { readEvents } from '../support/sse.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

let service: TestService;
let now = Date.UTC(2026, 11, 1, 10, 0, 0);
const token = newToken();
beforeAll(async () => {
  service = await testService({}, { now: () => new Date(now) });
  await service.agents.addAgent('Мария', 'agent', token);
});
afterAll(async () => service.close());

interface TicketJson {
  id: string;
  conversationId: string;
  priority: string;
  reasons: string[];
  slaDueAt: string;
  summary: { customerAnswered: string[]; mood: { label: string; intensity: number } };
}
interface PostJson {
  reply: unknown;
  notice?: { role: string; text: string };
}

const api = (path: string, init: RequestInit = {}) =>
  service.app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
const ticketOf = async (conversationId: string) =>
  ((await (await api('/v1/tickets')).json()) as { tickets: TicketJson[] }).tickets.find(
    (ticket) => ticket.conversationId === conversationId,
  );

async function unsureHandoff(text: string) {
  const customer = await openConversation(service.app);
  const first = (await (await customer.post({ text })).json()) as { reply: { action: string; reasons: string[] } };
  expect(first.reply).toMatchObject({ action: 'handoff', reasons: ['low_confidence'] });
  return customer;
}

describe('re-triage of a waiting customer', () => {
  it('raises an unsure handoff to urgent when the customer turns angry and asks for a person, and says so once', async () => {
    const customer = await unsureHandoff('Какой курс биткоина к тугрику на завтра?');
    const before = await ticketOf(customer.id);
    expect(before).toMatchObject({ priority: 'low', reasons: ['low_confidence'] });
    const feed = await api('/v1/agent/events', {
      headers: { 'last-event-id': String(await service.store.tickets.lastEventSeq()) },
    });

    now += 60_000;
    const angry = (await (
      await customer.post({ text: 'Да вы издеваетесь?! Безобразие!!! Сколько можно ждать!!!' })
    ).json()) as PostJson;
    expect(angry.reply).toBeNull();
    expect(angry.notice).toMatchObject({ role: 'system', text: expect.stringMatching(/добавил.*срочн/) });
    const raised = await ticketOf(customer.id);
    expect(raised?.reasons).toEqual(['low_confidence', 'emotion']);
    expect(['urgent', 'high']).toContain(raised?.priority);
    expect(Date.parse(raised?.slaDueAt ?? '')).toBeLessThan(Date.parse(before?.slaDueAt ?? ''));
    expect(raised?.summary.customerAnswered.at(-1)).toContain('Безобразие');
    expect(raised?.summary.mood.intensity).toBeGreaterThan(0.5);
    const events = await readEvents(feed, (list) => list.some((event) => event.event === 'ticket-retriaged'));
    expect(events.find((event) => event.event === 'ticket-retriaged')?.data).toMatchObject({
      added: ['emotion'],
      priority: raised?.priority,
    });

    now += 60_000;
    const human = (await (await customer.post({ text: 'Позовите человека!' })).json()) as PostJson;
    expect((await ticketOf(customer.id))?.reasons).toEqual(['low_confidence', 'emotion', 'human_request']);
    expect(human.notice?.text).toMatch(/добавил/);

    // Nothing new and within ten minutes: no further acknowledgement, and a calm message lowers nothing.
    now += 60_000;
    const calm = (await (await customer.post({ text: 'Я подожду.' })).json()) as PostJson;
    expect(calm.notice).toBeUndefined();
    const after = await ticketOf(customer.id);
    expect(after?.priority).toBe(raised?.priority);
    expect(after?.slaDueAt).toBe(raised?.slaDueAt);
    const transcript = (await (await customer.post({ text: 'Жду.' })).json()) as PostJson;
    expect(transcript.notice).toBeUndefined();

    // Ten minutes later the customer hears again that their words reached the request.
    now += 11 * 60_000;
    expect(((await (await customer.post({ text: 'Ещё жду.' })).json()) as PostJson).notice).toBeDefined();
  });

  it('acknowledges in English for an English customer', async () => {
    const customer = await unsureHandoff('How do I connect my toaster to the mesh network?');
    now += 60_000;
    const result = (await (
      await customer.post({ text: 'This is ridiculous!!! I want a human NOW!' })
    ).json()) as PostJson;
    expect(result.notice?.text).toMatch(/added this to your request/);
    const ticket = await ticketOf(customer.id);
    expect(ticket?.reasons).toEqual(expect.arrayContaining(['low_confidence', 'human_request']));
    expect(ticket?.priority).not.toBe('low');
  });

  it('does not acknowledge while an agent is talking to the customer, but still re-triages', async () => {
    const customer = await unsureHandoff('Можно ли оплатить подписку бартером?');
    const ticket = await ticketOf(customer.id);
    expect((await api(`/v1/tickets/${ticket?.id ?? ''}/claim`, { method: 'POST' })).status).toBe(200);
    now += 60_000;
    const result = (await (await customer.post({ text: 'Вы издеваетесь?! Это безобразие!!!' })).json()) as PostJson;
    expect(result.notice).toBeUndefined();
    const detail = (await (await api(`/v1/tickets/${ticket?.id ?? ''}`)).json()) as { ticket: TicketJson };
    expect(detail.ticket.reasons).toContain('emotion');
  });
});
