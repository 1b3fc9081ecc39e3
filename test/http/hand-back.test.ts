// A specialist hands the conversation back to the bot: the customer is told (live and in the transcript), and a
// later handoff starts where the earlier ticket stood — its priority and its notes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { readEvents } from '../support/sse.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

let service: TestService;
const token = newToken();
beforeAll(async () => {
  service = await testService();
  await service.agents.addAgent('Мария', 'agent', token);
});
afterAll(async () => service.close());

const api = (path: string, init: RequestInit = {}) =>
  service.app.request(path, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
interface TicketJson {
  id: string;
  conversationId: string;
  priority: string;
  priorityScore: number;
}

describe('hand-back to the bot', () => {
  it('tells the customer, and a later handoff keeps the earlier priority and notes', async () => {
    const customer = await openConversation(service.app);
    await customer.post({ text: 'Это уже третий раз!!! Интернета нет, я в бешенстве, позовите человека!' });
    const { tickets } = (await (await api('/v1/tickets')).json()) as { tickets: TicketJson[] };
    const first = tickets.find((ticket) => ticket.conversationId === customer.id);
    expect(first).toBeDefined();
    const id = first?.id ?? '';
    expect((await api(`/v1/tickets/${id}/claim`, { method: 'POST' })).status).toBe(200);
    await api(`/v1/tickets/${id}/notes`, {
      method: 'POST',
      body: JSON.stringify({ text: 'Проверить порт на коммутаторе' }),
    });

    const after = await service.store.tickets.lastEventSeq();
    const feed = await service.app.request(`/v1/conversations/${customer.id}/events`, {
      headers: { authorization: `Bearer ${customer.token}`, 'last-event-id': String(after) },
    });
    expect((await api(`/v1/tickets/${id}/release`, { method: 'POST' })).status).toBe(200);
    const events = await readEvents(feed, (list) => list.some((event) => event.event === 'status'));
    expect(events.find((event) => event.event === 'status')?.data).toMatchObject({
      status: 'bot',
      notice: { messageId: expect.any(String), text: expect.stringMatching(/Специалист вернул наш разговор мне/) },
    });
    const transcript = (await (
      await service.app.request(`/v1/conversations/${customer.id}`, {
        headers: { authorization: `Bearer ${customer.token}` },
      })
    ).json()) as { messages: Array<{ id: string; role: string; text: string }> };
    const released = events.find((event) => event.event === 'status')?.data as { notice: { messageId: string } };
    expect(transcript.messages.at(-1)).toMatchObject({
      id: released.notice.messageId,
      role: 'system',
      text: expect.stringMatching(/Специалист вернул/),
    });

    // A calm request for a person alone would be a lower priority: the new ticket starts where the first stood.
    await customer.post({ text: 'Соедините с оператором, пожалуйста.' });
    const again = ((await (await api('/v1/tickets')).json()) as { tickets: TicketJson[] }).tickets.find(
      (ticket) => ticket.conversationId === customer.id,
    );
    expect(again?.id).not.toBe(id);
    expect(again?.priorityScore).toBeGreaterThanOrEqual(first?.priorityScore ?? 0);
    expect(again?.priority).toBe(first?.priority);
    const details = (await (await api(`/v1/tickets/${again?.id ?? ''}`)).json()) as { notes: Array<{ text: string }> };
    expect(details.notes.map((note) => note.text)).toEqual(['Проверить порт на коммутаторе']);
  });
});
