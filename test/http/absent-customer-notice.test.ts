// A specialist answers a customer who left the chat: the site's backend gets a notice (NOTIFY_WEBHOOK_URL) with the
// e-mail the customer gave, to write to them there; a customer still in the chat gets none; a webhook that fails
// never holds up or fails the agent's reply.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

let service: TestService;
let hook: Server;
const received: unknown[] = [];
let failing = false;
const token = newToken();
beforeAll(async () => {
  hook = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (!failing) received.push(JSON.parse(body));
      response.writeHead(failing ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const { port } = hook.address() as AddressInfo;
  service = await testService({ NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${port}/hook` });
  await service.agents.addAgent('Мария', 'agent', token);
});
afterAll(async () => {
  await service.close();
  await new Promise((resolve) => hook.close(resolve));
});

const api = (path: string, body?: unknown) =>
  service.app.request(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** A customer who asked for a person and left their e-mail while waiting; the ticket, claimed. */
async function waitingWithEmail(lang: 'ru' | 'en') {
  const customer = await openConversation(service.app, { lang });
  await customer.post({ text: lang === 'ru' ? 'Позовите оператора, пожалуйста' : 'A person, please' });
  await customer.post({ text: lang === 'ru' ? 'Моя почта anna@example.ru' : 'my e-mail is kim@example.com' });
  const { tickets } = (await (await api('/v1/tickets')).json()) as {
    tickets: Array<{ id: string; conversationId: string }>;
  };
  const ticket = tickets.find((entry) => entry.conversationId === customer.id);
  expect((await api(`/v1/tickets/${ticket?.id ?? ''}/claim`, {})).status).toBe(200);
  return { customer, ticketId: ticket?.id ?? '' };
}

async function until(check: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !check(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('telling a customer who left that a specialist answered', () => {
  it('sends the notice with the e-mail they gave, in their language', async () => {
    const { customer, ticketId } = await waitingWithEmail('ru');
    expect(
      (await api(`/v1/tickets/${ticketId}/messages`, { text: 'Здравствуйте! Проверила: всё исправлено.' })).status,
    ).toBe(200);
    await until(() => received.length > 0);
    expect(received).toEqual([
      {
        type: 'agent-reply',
        conversationId: customer.id,
        ticketId,
        email: 'anna@example.ru',
        lang: 'ru',
        agentName: 'Мария',
        text: 'Здравствуйте! Проверила: всё исправлено.',
        at: expect.any(String) as string,
      },
    ]);
  });

  it('sends none while the customer has the chat open', async () => {
    received.length = 0;
    const { customer, ticketId } = await waitingWithEmail('en');
    const feed = await service.app.request(`/v1/conversations/${customer.id}/events`, {
      headers: { authorization: `Bearer ${customer.token}` },
    });
    const reader = (feed.body as ReadableStream<Uint8Array>).getReader();
    expect((await api(`/v1/tickets/${ticketId}/messages`, { text: 'Hello Kim, all fixed.' })).status).toBe(200);
    let seen = '';
    for (let reads = 0; reads < 20 && !seen.includes('Hello Kim, all fixed.'); reads += 1)
      seen += new TextDecoder().decode((await reader.read()).value);
    expect(seen).toContain('Hello Kim, all fixed.');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);
    await reader.cancel();
  });

  it('answers the agent even when the webhook fails, and logs it', async () => {
    received.length = 0;
    failing = true;
    const { ticketId } = await waitingWithEmail('en');
    expect((await api(`/v1/tickets/${ticketId}/messages`, { text: 'Hello again.' })).status).toBe(200);
    await until(() => service.logger.entries.some((entry) => entry.message.includes('could not be notified')));
    expect(service.logger.entries.find((entry) => entry.message.includes('could not be notified'))).toMatchObject({
      level: 'warn',
    });
    failing = false;
  });
});
