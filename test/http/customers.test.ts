// The customer data API: leads export, admins erase, agents do neither; an unknown customer is a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

let service: TestService;
const tokens = { agent: newToken(), lead: newToken(), admin: newToken() };
const EMAIL = 'olga.petrova@example.com';
const TEXT = 'Меня зовут Ольга Петрова, у меня не работает интернет по договору 8811';
beforeAll(async () => {
  service = await testService({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000', RATE_LIMIT_ADDRESS_PER_MINUTE: '100000' });
  await service.agents.addAgent('Мария', 'agent', tokens.agent);
  await service.agents.addAgent('Лида', 'lead', tokens.lead);
  await service.agents.addAgent('Админ', 'admin', tokens.admin);
});
afterAll(async () => service.close());

const api = (path: string, token: string, method = 'GET') =>
  service.app.request(path, { method, headers: { authorization: `Bearer ${token}` } });

interface ExportJson {
  key: string;
  conversations: Array<{ id: string; customer: { email?: string }; messages: Array<{ role: string; text: string }> }>;
}

describe('customer data API', () => {
  it('lets a lead export and only an admin erase; the erased conversation no longer opens', async () => {
    const customer = await openConversation(service.app, {
      customer: { id: 'crm-881', name: 'Ольга Петрова', email: EMAIL },
    });
    expect((await customer.post({ text: TEXT })).status).toBe(200);
    const key = encodeURIComponent(EMAIL);

    expect((await api(`/v1/customers/${key}/export`, tokens.agent)).status).toBe(403);
    const exported = await api(`/v1/customers/${key}/export`, tokens.lead);
    expect(exported.status).toBe(200);
    const document = (await exported.json()) as ExportJson;
    expect(document.conversations.map((conversation) => conversation.id)).toEqual([customer.id]);
    expect(document.conversations[0]?.messages.map((message) => message.role)).toEqual(['customer', 'bot']);
    expect(document.conversations[0]?.messages[0]?.text).toBe(TEXT);
    expect((await api('/v1/customers/crm-881/export', tokens.admin)).status).toBe(200);

    const open = () =>
      service.app.request(`/v1/conversations/${customer.id}`, {
        headers: { authorization: `Bearer ${customer.token}` },
      });
    expect((await open()).status).toBe(200);
    expect((await api(`/v1/customers/${key}`, tokens.agent, 'DELETE')).status).toBe(403);
    expect((await api(`/v1/customers/${key}`, tokens.lead, 'DELETE')).status).toBe(403);
    const erased = await api(`/v1/customers/${key}`, tokens.admin, 'DELETE');
    expect(erased.status).toBe(200);
    expect(await erased.json()).toMatchObject({ conversations: 1, messages: 2 });

    expect((await open()).status).toBe(403);
    const messages = await service.store.listMessages(customer.id);
    expect(messages.every((message) => message.text === '[erased]')).toBe(true);
  });

  it('answers 404 not_found:customer when nothing matches, and 401 without a token', async () => {
    const missing = await api('/v1/customers/nobody%40example.com/export', tokens.lead);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found:customer' } });
    const erase = await api('/v1/customers/nobody/export', tokens.admin, 'DELETE');
    expect(erase.status).toBe(404);
    expect((await api('/v1/customers/nobody', tokens.admin, 'DELETE')).status).toBe(404);
    expect((await service.app.request('/v1/customers/nobody/export')).status).toBe(401);
  });
});
