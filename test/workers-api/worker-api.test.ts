// The Worker end to end on workerd (wrangler.toml as deployed): the desk object behind the same API as on Node, replies
// computed by the ReplyService entrypoint over RPC, the bundle read from static assets, attachments in R2, and
// retention from the Cron Trigger. Local only: no account, no network.
import {
  createScheduledController,
  createExecutionContext,
  env,
  runInDurableObject,
  SELF,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradeHouseStyle } from '../../src/core/graders/house-style.ts';
import worker from '../../src/platform/workers/worker.ts';
import type { WorkersEnv } from '../../src/platform/workers/worker-env.ts';
import { readEvents } from '../support/sse.ts';

const BASE = 'https://firstline.test';
const ADMIN = 'test-admin-token';

const call = (path: string, init: RequestInit & { token?: string } = {}) => {
  const headers = new Headers(init.headers);
  if (init.token !== undefined) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return SELF.fetch(`${BASE}${path}`, { ...init, headers });
};
const json = async <T>(response: Response | Promise<Response>): Promise<T> => (await (await response).json()) as T;

interface Conversation {
  readonly id: string;
  readonly token: string;
}
interface PostResult {
  readonly reply: { text: string; action: string; citations: Array<{ articleId: string }>; reasons?: string[] } | null;
}

async function openConversation(lang: 'ru' | 'en'): Promise<Conversation> {
  const response = await call('/v1/conversations', { method: 'POST', body: JSON.stringify({ lang }) });
  expect(response.status).toBe(201);
  return json<Conversation>(response);
}

const say = (conversation: Conversation, text: string) =>
  json<PostResult>(
    call(`/v1/conversations/${conversation.id}/messages`, {
      method: 'POST',
      token: conversation.token,
      body: JSON.stringify({ text }),
    }),
  );

let agentToken = '';
beforeAll(async () => {
  const created = await json<{ token: string; role: string }>(
    call('/v1/admin/agents', { method: 'POST', token: ADMIN, body: JSON.stringify({ name: 'Мария', role: 'lead' }) }),
  );
  expect(created.role).toBe('lead');
  agentToken = created.token;
});

describe('the Worker', () => {
  it('is ready once the desk has migrated and the reply isolates have loaded the knowledge generation', async () => {
    const ready = await json<{ status: string; checks: Record<string, string> }>(call('/readyz'));
    expect(ready.status).toBe('ready');
    expect(ready.checks.database).toBe('writable');
    expect(ready.checks.index).toMatch(/^\d+ chunks \(gen-/);
  });

  it('answers a Russian question at once, politely and with the articles it used', async () => {
    const customer = await openConversation('ru');
    const { reply } = await say(customer, 'Как вернуть деньги за отменённый заказ?');
    expect(reply?.action).toBe('answer');
    // The house style, graded as the eval suites grade it: greeting, formal «Вы», steps, thanks, an offer of more help.
    const style = gradeHouseStyle(reply?.text ?? '', {
      lang: 'ru',
      firstReply: true,
      action: 'answer',
      customerUpset: false,
      customerReportsProblem: false,
    });
    expect(style.pass, style.reason).toBe(true);
    expect(reply?.citations.length).toBeGreaterThan(0);
    // The citation opens the article, read from the same generation the reply came from.
    const article = await call(`/kb/${reply?.citations[0]?.articleId ?? ''}`);
    expect(article.status).toBe(200);
    expect(await article.text()).toContain('<h1');
  });

  it('hands a request for a person to the queue; an agent claims and replies, and the customer sees it live', async () => {
    const customer = await openConversation('ru');
    const handoff = await say(customer, 'Позовите, пожалуйста, живого оператора');
    expect(handoff.reply).toMatchObject({ action: 'handoff', reasons: ['human_request'] });
    const { tickets } = await json<{ tickets: Array<{ id: string; conversationId: string; status: string }> }>(
      call('/v1/tickets', { token: agentToken }),
    );
    const ticket = tickets.find((entry) => entry.conversationId === customer.id);
    expect(ticket?.status).toBe('waiting');

    const feed = await call(`/v1/conversations/${customer.id}/events`, { token: customer.token });
    expect(feed.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect((await call(`/v1/tickets/${ticket?.id}/claim`, { method: 'POST', token: agentToken })).status).toBe(200);
    const sent = await call(`/v1/tickets/${ticket?.id}/messages`, {
      method: 'POST',
      token: agentToken,
      body: JSON.stringify({ text: 'Здравствуйте! Меня зовут Мария, я помогу.' }),
    });
    expect(sent.status).toBe(200);
    const events = await readEvents(feed, (list) => list.some((event) => event.event === 'message'));
    const message = events.find((event) => event.event === 'message');
    expect(message?.data).toMatchObject({ role: 'agent', text: 'Здравствуйте! Меня зовут Мария, я помогу.' });

    // Reconnecting with Last-Event-ID replays only what came after it.
    const resumed = await call(`/v1/conversations/${customer.id}/events`, {
      token: customer.token,
      headers: { 'last-event-id': String(message?.id) },
    });
    const after = call(`/v1/tickets/${ticket?.id}/messages`, {
      method: 'POST',
      token: agentToken,
      body: JSON.stringify({ text: 'Проверяю Ваш заказ.' }),
    });
    const replayed = await readEvents(resumed, (list) => list.some((event) => event.event === 'message'));
    expect((await after).status).toBe(200);
    expect(replayed.filter((event) => event.event === 'message').map((event) => event.data)).toEqual([
      expect.objectContaining({ text: 'Проверяю Ваш заказ.' }),
    ]);
  });

  it("answers the KPIs from the desk's event log", async () => {
    const kpis = await json<{
      conversations: number;
      tickets: number;
      firstResponseHumanSeconds: number | null;
      containment: number | null;
    }>(call('/v1/metrics', { token: agentToken }));
    // The tests above: two conversations, one handed off and answered by a person.
    expect(kpis.conversations).toBeGreaterThanOrEqual(2);
    expect(kpis.tickets).toBeGreaterThanOrEqual(1);
    expect(kpis.firstResponseHumanSeconds).not.toBeNull();
    expect(kpis.containment).toBeGreaterThan(0);
    expect(kpis.containment).toBeLessThan(1);
  });

  it('keeps attachments in R2 and serves them back to the conversation', async () => {
    const customer = await openConversation('en');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(64).fill(7)]);
    const uploaded = await call(`/v1/conversations/${customer.id}/attachments`, {
      method: 'POST',
      token: customer.token,
      headers: { 'content-type': 'image/png', 'x-file-name': 'screen.png' },
      body: png,
    });
    expect(uploaded.status).toBe(201);
    const { id } = (await json<{ attachment: { id: string } }>(uploaded)).attachment;
    const keys = (await (env as unknown as WorkersEnv).FILES?.list({ prefix: `attachments/${customer.id}/` }))?.objects;
    expect(keys?.map((object) => object.key)).toEqual([`attachments/${customer.id}/${id}`]);
    const download = await call(`/v1/attachments/${id}`, { token: customer.token });
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(png);
  });

  it('refuses bad input with the API error shape, and keeps the hidden bundle private', async () => {
    const bad = await call('/v1/conversations', { method: 'POST', body: '{"lang":' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: expect.stringMatching(/^bad_request/) } });
    const hidden = await call('/_firstline/migrations.json');
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ error: { code: 'not_found:route' } });
  });

  it('creates agents only with the admin token, and says what is wrong with a request', async () => {
    const anonymous = await call('/v1/admin/agents', { method: 'POST', body: JSON.stringify({ name: 'X' }) });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthorized:admin' } });
    const nameless = await call('/v1/admin/agents', { method: 'POST', token: ADMIN, body: JSON.stringify({}) });
    expect(nameless.status).toBe(400);
    expect(await nameless.json()).toMatchObject({ error: { code: 'bad_request:name' } });
    // Listing stays the API's own route, for admins' tokens.
    expect((await call('/v1/admin/agents', { token: agentToken })).status).toBe(403);
  });

  it('serves the web UI, Swagger UI and the pages from the static assets and the desk', async () => {
    for (const page of ['/chat', '/agent', '/lead', '/docs']) {
      const response = await call(page);
      expect(response.status, page).toBe(200);
      expect(await response.text(), page).toMatch(/<!doctype html>/i);
    }
    // Static files are served by the platform before the Worker runs: here, through the same binding.
    const assets = (env as unknown as WorkersEnv).ASSETS;
    for (const file of ['/widget.js', '/ui/agent.js', '/ui/lead.js', '/ui/console.css', '/docs/assets/swagger-ui.css'])
      expect((await assets.fetch(`${BASE}${file}`)).status, file).toBe(200);
  });

  it('applies retention from the Cron Trigger: a conversation past RETENTION_DAYS loses its texts', async () => {
    const customer = await openConversation('en');
    await say(customer, 'How do I change my tariff?');
    const desk = (env as unknown as WorkersEnv).DESK;
    const stub = desk.get(desk.idFromName('default'));
    const texts = () =>
      runInDurableObject(stub, (_instance, state) =>
        state.storage.sql
          .exec<{ text: string }>('SELECT text FROM messages WHERE conversation_id = ? ORDER BY at', customer.id)
          .toArray()
          .map((row) => row.text),
      );
    expect((await texts())[0]).toBe('How do I change my tariff?');
    await runInDurableObject(stub, (_instance, state) => {
      state.storage.sql.exec(
        "UPDATE conversations SET updated_at = '2020-01-01T00:00:00.000Z' WHERE id = ?",
        customer.id,
      );
      state.storage.sql.exec(
        "UPDATE messages SET at = '2020-01-01T00:00:00.000Z' WHERE conversation_id = ?",
        customer.id,
      );
    });
    const context = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '17 * * * *' }), env as unknown as WorkersEnv);
    await waitOnExecutionContext(context);
    expect(await texts()).not.toContain('How do I change my tariff?');
  });
});
