import { afterEach, describe, expect, it } from 'vitest';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

const services: TestService[] = [];
afterEach(async () => Promise.all(services.splice(0).map((service) => service.close())));
async function service(overrides: Record<string, string> = {}) {
  const created = await testService(overrides);
  services.push(created);
  return created;
}

interface ReplyBody {
  message: { id: string; role: string; text: string; at: string };
  reply: {
    id: string;
    role: string;
    text: string;
    action: string;
    citations: Array<{ articleId: string; title: string; url?: string }>;
    confidence: { score: number; components: Record<string, number> };
    lang: string;
    reasons?: string[];
  } | null;
}

describe('conversation API', () => {
  it('opens a conversation and answers a Russian question politely, with a citation', async () => {
    const { app } = await service();
    const created = await app.request('/v1/conversations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { name: 'Анна', plan: 'Optima' }, channel: 'web' }),
    });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    expect(token.length).toBeGreaterThanOrEqual(40);
    const response = await app.request(`/v1/conversations/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text: 'Здравствуйте! Не приходит код подтверждения по смс' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ReplyBody;
    expect(body.message).toMatchObject({
      role: 'customer',
      text: 'Здравствуйте! Не приходит код подтверждения по смс',
    });
    expect(body.reply).toMatchObject({
      role: 'bot',
      action: 'answer',
      lang: 'ru',
      citations: [
        { articleId: 'login-code-not-received-ru', url: 'https://help.kometa.example/ru/login-code-not-received' },
      ],
    });
    expect(body.reply?.text).toMatch(/^(Здравствуйте|Добрый день), Анна!/);
    expect(body.reply?.text).toContain('60 секунд');
    expect(body.reply?.text).toMatch(/Спасибо|Благодарю/);
    expect(Object.keys(body.reply?.confidence.components ?? {}).sort()).toEqual([
      'agreement',
      'coverage',
      'coverageGap',
      'denseMargin',
      'groundedness',
      'headerCoverage',
      'lexical',
      'lexicalMargin',
      'margin',
      'similarity',
    ]);
  });

  it('answers in English from English articles and does not greet twice', async () => {
    const { app } = await service();
    const { post } = await openConversation(app);
    const first = (await (await post({ text: 'hi, how do I change my wifi password?' })).json()) as ReplyBody;
    expect(first.reply).toMatchObject({ action: 'answer', lang: 'en', citations: [{ articleId: 'wifi-setup-en' }] });
    expect(first.reply?.text).toMatch(/^(Hello|Hi there)!/);
    const second = (await (await post({ text: 'what are your support phone numbers' })).json()) as ReplyBody;
    expect(second.reply?.text).not.toMatch(/^(Hello|Hi)/);
    expect(second.reply?.text).toContain('8 800 555-35-35');
  });

  it('resolves a follow-up against the previous question', async () => {
    const { app } = await service();
    const { post } = await openConversation(app);
    await post({ text: 'не приходит смс с кодом для входа' });
    const followUp = (await (await post({ text: 'а если на почту тоже не пришло?' })).json()) as ReplyBody;
    expect(followUp.reply?.citations[0]?.articleId).toBe('login-code-not-received-ru');
  });

  it('hands off an out-of-scope question without inventing an answer, and then stays silent', async () => {
    const { app } = await service();
    const { id, token, post } = await openConversation(app);
    const body = (await (await post({ text: 'Какой завтра будет курс доллара к рублю?' })).json()) as ReplyBody;
    expect(body.reply).toMatchObject({ action: 'handoff', reasons: ['low_confidence'], citations: [] });
    expect(body.reply?.text).toContain('специалист');
    const later = (await (await post({ text: 'алло?' })).json()) as ReplyBody & { notice?: { role: string } };
    expect(later.reply).toBeNull();
    // The bot does not answer; the customer hears only that their words reached the request.
    expect(later.notice).toMatchObject({ role: 'system' });
    const conversation = (await (
      await app.request(`/v1/conversations/${id}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { status: string; messages: Array<{ role: string }> };
    expect(conversation.status).toBe('waiting');
    expect(conversation.messages.map((message) => message.role)).toEqual(['customer', 'bot', 'customer', 'system']);
  });

  it('never answers a handoff-always topic itself', async () => {
    const { app } = await service();
    const { post } = await openConversation(app);
    const body = (await (
      await post({ text: 'хочу удалить аккаунт и все мои персональные данные' })
    ).json()) as ReplyBody;
    expect(body.reply).toMatchObject({ action: 'handoff', reasons: ['sensitive'] });
    expect(body.reply?.text).toMatch(/специалист/);
    expect(body.reply?.text).toMatch(/в очереди/);
  });

  it('asks one clarifying question when the message names no subject', async () => {
    const { app } = await service();
    const { post } = await openConversation(app);
    const body = (await (await post({ text: 'Помогите пожалуйста, у меня вопрос' })).json()) as ReplyBody;
    expect(body.reply?.action).toBe('clarify');
    expect(body.reply?.text).toContain('?');
  });

  it('returns the first result for a repeated clientMessageId and stores nothing twice', async () => {
    const { app, store } = await service();
    const { id, post } = await openConversation(app);
    const first = (await (await post({ text: 'как оплатить картой', clientMessageId: 'k-1' })).json()) as ReplyBody;
    const second = (await (await post({ text: 'как оплатить картой', clientMessageId: 'k-1' })).json()) as ReplyBody;
    expect(second).toEqual(first);
    expect(await store.listMessages(id)).toHaveLength(2);
    const conflict = await post({ text: 'совсем другой текст', clientMessageId: 'k-1' });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({
      error: { code: 'conflict:client_message_id', message: expect.stringContaining('k-1') },
    });
  });

  it('reads the conversation back with its messages in order', async () => {
    const { app } = await service();
    const { id, token, post } = await openConversation(app, { lang: 'en', customer: { id: 'crm-1' } });
    await post({ text: 'how do I turn on autopay from my card' });
    const response = await app.request(`/v1/conversations/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const conversation = (await response.json()) as {
      id: string;
      status: string;
      lang: string;
      customer: unknown;
      messages: Array<{ role: string; action?: string; citations?: unknown[] }>;
    };
    expect(conversation).toMatchObject({ id, status: 'bot', lang: 'en', customer: { id: 'crm-1' } });
    expect(conversation.messages.map((message) => [message.role, message.action])).toEqual([
      ['customer', undefined],
      ['bot', 'answer'],
    ]);
  });

  it('remembers only tokens that open their conversation, so wrong tokens cost no memory', async () => {
    const { app, conversations } = await service({ RATE_LIMIT_ADDRESS_PER_MINUTE: '100000' });
    const { id, token } = await openConversation(app);
    const remembered = conversations.rememberedTokens;
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const wrong = `${'x'.repeat(4000)}${attempt}`;
      const response = await app.request(`/v1/conversations/${id}`, { headers: { authorization: `Bearer ${wrong}` } });
      expect(response.status).toBe(403);
    }
    expect(conversations.rememberedTokens).toBe(remembered);
    expect(
      (await app.request(`/v1/conversations/${id}`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    expect(conversations.rememberedTokens).toBe(remembered);
  });

  it('streams token events and then the same object as the JSON response', async () => {
    const { app } = await service();
    const { post } = await openConversation(app);
    const response = await post(
      { text: 'how do I pay my bill by card?', clientMessageId: 'sse-1' },
      { accept: 'text/event-stream' },
    );
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = (await response.text())
      .split('\n\n')
      .filter((block) => block.trim() !== '')
      .map((block) => ({
        event: /^event: (.+)$/m.exec(block)?.[1],
        data: JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? 'null') as unknown,
      }));
    const tokens = events
      .filter((event) => event.event === 'token')
      .map((event) => (event.data as { text: string }).text);
    const final = events.at(-1);
    expect(tokens.length).toBeGreaterThan(5);
    expect(final?.event).toBe('reply');
    const reply = (final?.data as ReplyBody).reply;
    expect(tokens.join('')).toBe(reply?.text);
    const again = (await (
      await post({ text: 'how do I pay my bill by card?', clientMessageId: 'sse-1' })
    ).json()) as ReplyBody;
    expect(again).toEqual(final?.data);
  });
});

describe('readiness and documents', () => {
  it('reports health, readiness and serves the OpenAPI document and docs page', async () => {
    const { app } = await service();
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.request('/readyz')).status).toBe(200);
    const document = (await (await app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/conversations',
        '/v1/conversations/{id}',
        '/v1/conversations/{id}/messages',
        '/v1/conversations/{id}/rating',
        '/v1/tickets',
        '/v1/tickets/{id}/claim',
        '/v1/metrics',
      ]),
    );
    expect(await (await app.request('/docs')).text()).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(await (await app.request('/docs/assets/init.js')).text()).toContain("url: '/openapi.json'");
  });

  it("keeps every route within reach of Hono's regular-expression router, the fast one", async () => {
    const { app } = await service();
    await app.request('/healthz');
    expect((app as unknown as { router: { name: string } }).router.name).toBe('SmartRouter + RegExpRouter');
  });
});
