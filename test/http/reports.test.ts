// The lead reports over a real HTTP server on 127.0.0.1 and a real SQLite file: tickets seeded through the
// customer and agent API in two consecutive weeks (Russian and English customers), then read back per agent and
// per group, as tickets behind a figure, as rating comments and as a CSV download.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import type { Agent } from '../../src/core/queue/ticket.ts';
import { testService, type TestService } from '../support/test-service.ts';

let now = Date.UTC(2026, 11, 2, 9, 0);
const setTime = (day: number, hour: number, minute = 0) => {
  now = Date.UTC(2026, 11, day, hour, minute);
};
const tokens = { maria: newToken(), ivan: newToken(), lead: newToken() };
const WEEK = 'from=2026-12-08&to=2026-12-15';

let service: TestService;
let server: ServerType;
let base = '';
let maria: Agent;
let ivan: Agent;
const tickets = { previous: '', rated: '', waiting: '' };

async function call(path: string, token?: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function ok<T>(path: string, token: string, body?: unknown): Promise<T> {
  const response = await call(path, token, body);
  expect(response.status, `${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A customer asks for a person; returns their conversation and the ticket it opened. */
async function handoff(text: string): Promise<{ id: string; token: string; ticketId: string }> {
  const created = await ok<{ id: string; token: string }>('/v1/conversations', '', {});
  await ok(`/v1/conversations/${created.id}/messages`, created.token, { text });
  const list = await ok<{ tickets: { id: string; conversationId: string }[] }>('/v1/tickets', tokens.maria);
  const ticket = list.tickets.find((entry) => entry.conversationId === created.id);
  if (ticket === undefined) throw new Error(`no ticket for "${text}"`);
  return { ...created, ticketId: ticket.id };
}

beforeAll(async () => {
  service = await testService(
    { RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000', RATE_LIMIT_ADDRESS_PER_MINUTE: '100000' },
    { now: () => new Date(now), deps: { clock: () => now } },
  );
  maria = await service.agents.addAgent('Мария', 'agent', tokens.maria);
  ivan = await service.agents.addAgent('=Ivan', 'agent', tokens.ivan);
  await service.agents.addAgent('Лида', 'lead', tokens.lead);
  server = serve({ fetch: service.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The week before: an English customer, answered by Maria in 10 min, resolved after 30 min, rated 5.
  setTime(2, 9);
  const before = await handoff('I want to talk to a human, please. My router keeps rebooting.');
  tickets.previous = before.ticketId;
  setTime(2, 9, 5);
  await ok(`/v1/tickets/${before.ticketId}/claim`, tokens.maria, {});
  setTime(2, 9, 10);
  await ok(`/v1/tickets/${before.ticketId}/messages`, tokens.maria, { text: 'Hello, let us check it.' });
  setTime(2, 9, 30);
  await ok(`/v1/tickets/${before.ticketId}/resolve`, tokens.maria, { resolution: 'solved' });
  setTime(2, 10);
  await ok(`/v1/conversations/${before.id}/rating`, before.token, { score: 5, comment: 'Great help' });

  // This week: a Russian customer, answered by Maria in 5 min, resolved after 20 min, rated 2 with a comment.
  setTime(9, 10);
  const rated = await handoff('Позовите оператора, пожалуйста. Не работает интернет.');
  tickets.rated = rated.ticketId;
  setTime(9, 10, 1);
  await ok(`/v1/tickets/${rated.ticketId}/claim`, tokens.maria, {});
  setTime(9, 10, 5);
  await ok(`/v1/tickets/${rated.ticketId}/messages`, tokens.maria, { text: 'Здравствуйте, проверяю.' });
  setTime(9, 10, 20);
  await ok(`/v1/tickets/${rated.ticketId}/resolve`, tokens.maria, { resolution: 'solved' });
  setTime(9, 11);
  await ok(`/v1/conversations/${rated.id}/rating`, rated.token, { score: 2, comment: 'Долго, "ответ" не помог' });

  // This week: an English customer nobody answers; Ivan claims it a day later and it stays open.
  setTime(10, 9);
  tickets.waiting = (await handoff('Can I speak to a person? I was charged twice.')).ticketId;
  setTime(11, 9);
  await ok(`/v1/tickets/${tickets.waiting}/claim`, tokens.ivan, {});
  setTime(16, 9);
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await service.close();
});

interface Figures {
  tickets: number;
  resolved: number;
  firstResponse: { median: number | null; p90: number | null; count: number };
  resolutionMedian: number | null;
  csat: { average: number | null; count: number };
  lowCsat: number;
  slaBreaches: number;
  backlog: number;
}
interface Report {
  by: string;
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  rows: { key: string; name: string; current: Figures; previous: Figures }[];
  total: { current: Figures; previous: Figures };
}

describe('performance per agent and per group', () => {
  it("reports each agent's week beside the week before", async () => {
    const report = await ok<Report>(`/v1/reports/performance?${WEEK}&by=agent`, tokens.lead);
    expect(report.period).toEqual({ from: '2026-12-08T00:00:00.000Z', to: '2026-12-15T00:00:00.000Z' });
    expect(report.previousPeriod).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z' });
    expect(report.rows.find((row) => row.key === maria.id)).toEqual({
      key: maria.id,
      name: 'Мария',
      current: {
        tickets: 1,
        resolved: 1,
        firstResponse: { median: 300, p90: 300, count: 1 },
        resolutionMedian: 1200,
        csat: { average: 2, count: 1 },
        lowCsat: 1,
        slaBreaches: 0,
        backlog: 0,
      },
      previous: {
        tickets: 1,
        resolved: 1,
        firstResponse: { median: 600, p90: 600, count: 1 },
        resolutionMedian: 1800,
        csat: { average: 5, count: 1 },
        lowCsat: 0,
        slaBreaches: 0,
        backlog: 0,
      },
    });
    expect(report.rows.find((row) => row.key === ivan.id)?.current).toMatchObject({ tickets: 1, backlog: 1 });
    expect(report.total.current).toMatchObject({ tickets: 2, resolved: 1, slaBreaches: 1, backlog: 1 });
  });

  it('reports per group with every ticket of the week counted once', async () => {
    const report = await ok<Report>(`/v1/reports/performance?${WEEK}&by=group`, tokens.lead);
    expect(report.by).toBe('group');
    const sum = (pick: (figures: Figures) => number) =>
      report.rows.reduce((total, row) => total + pick(row.current), 0);
    expect(sum((figures) => figures.tickets)).toBe(2);
    expect(sum((figures) => figures.slaBreaches)).toBe(1);
    expect(sum((figures) => figures.csat.count)).toBe(1);
  });

  it('takes ISO times as well as dates', async () => {
    const report = await ok<Report>(
      '/v1/reports/performance?from=2026-12-09T10:00:00%2B03:00&to=2026-12-09T12:00:00Z',
      tokens.lead,
    );
    expect(report.period).toEqual({ from: '2026-12-09T07:00:00.000Z', to: '2026-12-09T12:00:00.000Z' });
    expect(report.total.current.resolved).toBe(1);
  });
});

describe('the tickets behind a figure', () => {
  const ids = async (query: string) =>
    (await ok<{ tickets: { id: string }[] }>(`/v1/reports/tickets?${WEEK}&${query}`, tokens.lead)).tickets.map(
      (ticket) => ticket.id,
    );

  it('lists the tickets of each figure with their state now', async () => {
    expect(await ids('kpi=tickets')).toEqual([tickets.waiting, tickets.rated]);
    expect(await ids('kpi=resolved')).toEqual([tickets.rated]);
    expect(await ids('kpi=sla_breaches')).toEqual([tickets.waiting]);
    expect(await ids('kpi=backlog')).toEqual([tickets.waiting]);
    expect(await ids('kpi=low_csat')).toEqual([tickets.rated]);
    expect(await ids(`kpi=tickets&agent=${maria.id}`)).toEqual([tickets.rated]);
    const result = await ok<{ kpi: string; total: number; tickets: unknown[] }>(
      `/v1/reports/tickets?${WEEK}&kpi=resolved`,
      tokens.lead,
    );
    expect(result).toMatchObject({ kpi: 'resolved', total: 1 });
    expect(result.tickets[0]).toEqual({
      id: tickets.rated,
      createdAt: '2026-12-09T10:00:00.000Z',
      status: 'resolved',
      priority: expect.any(String),
      group: expect.any(String),
      assigneeName: 'Мария',
      firstResponseSeconds: 300,
      resolutionSeconds: 1200,
    });
  });
});

describe('rating comments', () => {
  it("lists the week's comments, newest first, with the ticket and the agent who resolved it", async () => {
    const result = await ok<{ comments: unknown[] }>(`/v1/reports/csat-comments?${WEEK}`, tokens.lead);
    expect(result.comments).toEqual([
      {
        score: 2,
        comment: 'Долго, "ответ" не помог',
        at: '2026-12-09T11:00:00.000Z',
        conversationId: expect.any(String),
        ticketId: tickets.rated,
        agent: { id: maria.id, name: 'Мария' },
      },
    ]);
    const both = await ok<{ comments: { comment: string }[] }>(
      '/v1/reports/csat-comments?from=2026-12-01&to=2026-12-15',
      tokens.lead,
    );
    expect(both.comments.map((entry) => entry.comment)).toEqual(['Долго, "ответ" не помог', 'Great help']);
  });
});

describe('CSV export', () => {
  it('downloads the per-agent table as an attachment, with formula-like names defused', async () => {
    const response = await call(`/v1/reports/performance.csv?${WEEK}&by=agent`, tokens.lead);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="performance-by-agent-2026-12-08-2026-12-15.csv"',
    );
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toMatch(/^agent_id,name,tickets,tickets_previous,resolved,/);
    expect(lines).toContain(`${maria.id},Мария,1,1,1,1,300,600,300,600,1200,1800,2,5,1,1,1,0,0,0,0,0`);
    expect(lines.find((line) => line.startsWith(ivan.id))).toMatch(new RegExp(`^${ivan.id},'=Ivan,1,0,`));
  });
});

describe('who may read reports, and what they must ask', () => {
  it('refuses agents with 403 and callers without a token with 401', async () => {
    const denied = await call(`/v1/reports/performance?${WEEK}`, tokens.maria);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: { code: expect.stringMatching(/^forbidden:/) } });
    expect((await call(`/v1/reports/performance.csv?${WEEK}`)).status).toBe(401);
  });

  it('answers 400 naming the field for a reversed, empty or over-long period', async () => {
    const cases: Array<[string, string]> = [
      ['from=2026-12-15&to=2026-12-08', 'bad_request:from'],
      ['from=2026-12-08&to=2026-12-08', 'bad_request:from'],
      ['from=2025-01-01&to=2026-01-03', 'bad_request:to'],
      ['from=yesterday&to=2026-12-08', 'bad_request:from'],
      ['from=2026-12-08', 'bad_request:to'],
    ];
    for (const [query, code] of cases) {
      const response = await call(`/v1/reports/performance?${query}`, tokens.lead);
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toEqual({ error: { code, message: expect.any(String) } });
    }
    const both = await call(`/v1/reports/tickets?${WEEK}&kpi=tickets&agent=a&group=b`, tokens.lead);
    expect(both.status).toBe(400);
  });
});
