// What the web UI needs from the service: pages, articles for citation links, CORS for the embedded widget,
// queue standing, agent suggestions, KPI series and eval runs.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalRunsDirectory } from '../../src/adapters/fs/eval-runs-directory.ts';
import { knowledgeArticleSource } from '../../src/adapters/fs/knowledge-article-source.ts';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { ROOT } from '../run-cli.ts';
import { openConversation, sampleKnowledge, testService, type TestService } from '../support/test-service.ts';

let service: TestService;
let runs: string;
let scratch: string;
const tokens = { agent: newToken(), lead: newToken() };

function report(createdAt: string, passRate: number) {
  return {
    createdAt,
    seconds: 3.2,
    suites: ['evals/answers.yaml'],
    prompts: 'prompts',
    gate: { passed: passRate > 0.5, failures: passRate > 0.5 ? [] : ['must-pass case ans-1 failed'] },
    metrics: {
      cases: 10,
      passRate,
      retrieval: { hitAt1: 0.9, hitAt5: 1, mrr: 0.95 },
      politeness: { mean: 0.97 },
      accuracy: { factRecall: 0.9, groundedness: 0.93 },
      handoff: { precision: 0.8, recall: 0.85, f1: 0.82 },
      calibration: { ece: 0.04, brier: 0.1 },
    },
  };
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'firstline-runs-'));
  runs = join(scratch, 'runs');
  await mkdir(runs);
  await mkdir(join(scratch, 'outside'));
  await writeFile(join(scratch, 'outside', 'report.html'), '<!doctype html><title>not a run</title>');
  await mkdir(join(runs, '2026-11-20T10-00-00-000Z'));
  await writeFile(
    join(runs, '2026-11-20T10-00-00-000Z', 'report.json'),
    JSON.stringify(report('2026-11-20T10:00:00.000Z', 0.8)),
  );
  await writeFile(join(runs, '2026-11-20T10-00-00-000Z', 'report.html'), '<!doctype html><title>run one</title>');
  await mkdir(join(runs, '2026-11-21T10-00-00-000Z'));
  await writeFile(
    join(runs, '2026-11-21T10-00-00-000Z', 'report.json'),
    JSON.stringify(report('2026-11-21T10:00:00.000Z', 0.4)),
  );
  await mkdir(join(runs, 'half-written'));
  await writeFile(join(runs, 'half-written', 'report.json'), '{"createdAt": "2026-11-22');
  const { knowledge } = await sampleKnowledge();
  service = await testService(
    { RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000', RATE_LIMIT_ADDRESS_PER_MINUTE: '100000' },
    {
      deps: {
        articles: knowledgeArticleSource(join(ROOT, 'knowledge'), knowledge.stored.snapshot.manifest.articles, 262_144),
        evalRuns: evalRunsDirectory(runs),
        widgetOrigins: ['https://shop.example'],
      },
    },
  );
  await service.agents.addAgent('Мария', 'agent', tokens.agent);
  await service.agents.addAgent('Лида', 'lead', tokens.lead);
});

afterAll(async () => {
  await service.close();
  await rm(scratch, { recursive: true, force: true });
});

const api = (path: string, token: string, init: RequestInit = {}) =>
  service.app.request(path, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });

describe('pages', () => {
  it('serves the chat, agent and lead pages in the browser language, with the widget script and a strict script policy', async () => {
    const chat = await service.app.request('/chat', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(chat.status).toBe(200);
    expect(chat.headers.get('content-type')).toMatch(/text\/html/);
    expect(chat.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await chat.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(
      /<script src="\/widget\.js" data-mode="inline" data-target="#firstline-chat" data-lang="en" defer><\/script>/,
    );
    expect(await (await service.app.request('/agent?lang=ru')).text()).toContain('<script src="/ui/agent.js" defer>');
    expect(await (await service.app.request('/lead', { headers: { 'accept-language': 'ru' } })).text()).toContain(
      '<html lang="ru">',
    );
  });

  it('renders a cited article as a page and answers an unknown one with a 404 page', async () => {
    const page = await service.app.request('/kb/password-reset-ru');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toMatch(/<h1>[^<]*пароль[^<]*<\/h1>/i);
    expect(html).toContain('<ol>');
    const missing = await service.app.request('/kb/no-such-article');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('404');
  });
});

describe('customer API from an embedding site', () => {
  it('allows the configured origin to call the customer API and no other', async () => {
    const preflight = (origin: string) =>
      service.app.request('/v1/conversations', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://shop.example')).headers.get('access-control-allow-origin')).toBe(
      'https://shop.example',
    );
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const created = await service.app.request('/v1/conversations', {
      method: 'POST',
      headers: { origin: 'https://shop.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const agentSide = await service.app.request('/v1/tickets', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' },
    });
    expect(agentSide.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers clients that send no Origin without CORS headers, still marking the response as varying by Origin', async () => {
    const created = await service.app.request('/v1/conversations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBeNull();
    expect(created.headers.get('vary')).toBe('Origin');
    expect(created.headers.get('x-request-id')).not.toBeNull();
    expect(await created.json()).toMatchObject({ id: expect.any(String), token: expect.any(String) });
  });
});

describe('queue standing and suggestions', () => {
  it('tells a waiting customer their place in the queue and the expected wait, in the order agents see it', async () => {
    const first = await openConversation(service.app);
    const second = await openConversation(service.app);
    await first.post({ text: 'Позовите, пожалуйста, оператора. Не могу сбросить пароль от личного кабинета.' });
    await second.post({ text: 'Позовите, пожалуйста, оператора. Не приходит код подтверждения.' });
    const read = async (conversation: typeof first) =>
      (await (
        await service.app.request(`/v1/conversations/${conversation.id}`, {
          headers: { authorization: `Bearer ${conversation.token}` },
        })
      ).json()) as { status: string; queue: { position: number; expectedWaitMinutes: number } | null };
    const one = await read(first);
    const two = await read(second);
    expect(one.status).toBe('waiting');
    expect(two.queue?.position).toBe((one.queue?.position ?? 0) + 1);
    expect(two.queue?.expectedWaitMinutes).toBeGreaterThan(one.queue?.expectedWaitMinutes ?? 0);

    const { tickets } = (await (await api('/v1/tickets', tokens.agent)).json()) as {
      tickets: Array<{ id: string; conversationId: string }>;
    };
    const ticket = tickets.find((entry) => entry.conversationId === first.id);
    expect(tickets.findIndex((entry) => entry.conversationId === first.id)).toBeLessThan(
      tickets.findIndex((entry) => entry.conversationId === second.id),
    );
    await api(`/v1/tickets/${ticket?.id}/claim`, tokens.agent, { method: 'POST' });
    expect((await read(first)).queue).toBeNull();
  });

  it('drafts a reply from the knowledge base for the ticket the customer asked a person about', async () => {
    const customer = await openConversation(service.app);
    await customer.post({ text: 'Соедините с человеком. Я забыл пароль от личного кабинета, как его сбросить?' });
    const { tickets } = (await (await api('/v1/tickets', tokens.agent)).json()) as {
      tickets: Array<{ id: string; conversationId: string; assigneeName: string | null }>;
    };
    const ticket = tickets.find((entry) => entry.conversationId === customer.id);
    const response = await api(`/v1/tickets/${ticket?.id}/suggestion`, tokens.agent);
    expect(response.status).toBe(200);
    const { suggestion } = (await response.json()) as {
      suggestion: { text: string; citations: Array<{ articleId: string }> } | null;
    };
    expect(suggestion?.citations.map((citation) => citation.articleId)).toEqual(['password-reset-ru']);
    expect(suggestion?.text).toContain('Забыли пароль?');
    expect(suggestion?.text).not.toMatch(/очереди|специалист/);
  });

  it('drafts from the part of an angry message that the knowledge base answers', async () => {
    const customer = await openConversation(service.app);
    await customer.post({
      text: 'Это уже третий раз!!! Интернет опять не работает, я в бешенстве, сколько можно издеваться над клиентами?!',
    });
    const { tickets } = (await (await api('/v1/tickets', tokens.agent)).json()) as {
      tickets: Array<{ id: string; conversationId: string }>;
    };
    const ticket = tickets.find((entry) => entry.conversationId === customer.id);
    const { suggestion } = (await (await api(`/v1/tickets/${ticket?.id}/suggestion`, tokens.agent)).json()) as {
      suggestion: { citations: Array<{ articleId: string }> } | null;
    };
    expect(suggestion?.citations.map((citation) => citation.articleId)).toEqual(['no-internet-ru']);
  });

  it('offers no suggestion when nothing in the knowledge base answers', async () => {
    const customer = await openConversation(service.app);
    await customer.post({ text: 'Позовите живого человека. Какая погода будет завтра на Марсе?' });
    const { tickets } = (await (await api('/v1/tickets', tokens.agent)).json()) as {
      tickets: Array<{ id: string; conversationId: string }>;
    };
    const ticket = tickets.find((entry) => entry.conversationId === customer.id);
    expect(await (await api(`/v1/tickets/${ticket?.id}/suggestion`, tokens.agent)).json()).toEqual({
      suggestion: null,
    });
  });

  it('names the signed-in agent', async () => {
    expect(await (await api('/v1/agent/me', tokens.agent)).json()).toMatchObject({
      agent: { name: 'Мария', role: 'agent' },
    });
    expect((await api('/v1/agent/me', 'not-a-token')).status).toBe(401);
  });
});

describe('lead data', () => {
  it('cuts a period into buckets whose counts add up to the whole period', async () => {
    const to = new Date(Date.now() + 60_000).toISOString();
    const from = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const whole = (await (await api(`/v1/metrics?${query}`, tokens.lead)).json()) as {
      conversations: number;
      tickets: number;
    };
    const series = (await (await api(`/v1/metrics/series?${query}&buckets=6`, tokens.lead)).json()) as {
      buckets: Array<{ conversations: number; tickets: number; period: { from: string; to: string } }>;
    };
    expect(series.buckets).toHaveLength(6);
    expect(whole.conversations).toBeGreaterThan(0);
    expect(series.buckets.reduce((sum, bucket) => sum + bucket.conversations, 0)).toBe(whole.conversations);
    expect(series.buckets.reduce((sum, bucket) => sum + bucket.tickets, 0)).toBe(whole.tickets);
    expect(series.buckets[0]?.period.from).toBe(new Date(from).toISOString());
    expect(series.buckets.at(-1)?.period.to).toBe(to);
    expect((await api(`/v1/metrics/series?${query}&buckets=0`, tokens.lead)).status).toBe(400);
    expect((await api(`/v1/metrics/series?${query}`, tokens.agent)).status).toBe(403);
  });

  it('lists eval runs newest first, skips unreadable ones and serves a run’s HTML report to leads only', async () => {
    const { runs: list } = (await (await api('/v1/evals', tokens.lead)).json()) as {
      runs: Array<{ id: string; metrics: { passRate: number }; gate: { passed: boolean } }>;
    };
    expect(list.map((run) => run.id)).toEqual(['2026-11-21T10-00-00-000Z', '2026-11-20T10-00-00-000Z']);
    expect(list[0]).toMatchObject({ metrics: { passRate: 0.4 }, gate: { passed: false } });
    const html = await api('/v1/evals/2026-11-20T10-00-00-000Z/report.html', tokens.lead);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toContain('run one');
    expect((await api('/v1/evals/2026-11-21T10-00-00-000Z/report.html', tokens.lead)).status).toBe(404);
    const escape = await api('/v1/evals/..%2Foutside/report.html', tokens.lead);
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('not a run');
    // Sandboxed without allow-same-origin: the report's own filter script runs, in an origin that reaches nothing.
    expect(html.headers.get('content-security-policy')).toMatch(/^sandbox allow-scripts; default-src 'none';/);
    expect(html.headers.get('content-security-policy')).not.toContain('allow-same-origin');
    expect((await api('/v1/evals', tokens.agent)).status).toBe(403);
  });
});
