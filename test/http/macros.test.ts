// The macros API on a real server (a child process on 127.0.0.1 with its own SQLite file): who may read and who may
// change macros, what a macro may hold, search by language and words, placeholders stored verbatim, and 404 for
// unknown ids.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { addAgentTo } from '../support/staff.ts';

interface MacroJson {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly lang: 'ru' | 'en';
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

let server: ServerProcess;
let dataDir: string;
const tokens = { agent: '', lead: '', admin: '' };

const addAgent = (name: string, role: string) => addAgentTo(dataDir, name, role);

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const list = async (query: string, token = tokens.agent) =>
  ((await call('GET', `/v1/macros?${query}`, token)).body as { macros: MacroJson[] }).macros;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firstline-macros-api-'));
  [tokens.agent, tokens.lead, tokens.admin] = await Promise.all([
    addAgent('Мария Петрова', 'agent'),
    addAgent('Ольга Лебедева', 'lead'),
    addAgent('Admin', 'admin'),
  ]);
  server = await startServerProcess({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'normal' });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('macros API', () => {
  it('lists the default macros of a language to agents', async () => {
    const ru = await list('lang=ru');
    const en = await list('lang=en');
    expect(ru.map((macro) => macro.lang)).toEqual(ru.map(() => 'ru'));
    expect(ru.map((macro) => macro.title)).toContain('Приветствие');
    expect(en.map((macro) => macro.title)).toContain('Greeting');
    expect((await list('')).length).toBe(ru.length + en.length);
  });

  it('lets a lead create a macro with placeholders stored verbatim, and an agent find it by words', async () => {
    const text = 'Здравствуйте, {{customer.name}}! Ваш номер обращения: {{ticket.id}}. С уважением, {{agent.name}}.';
    const created = await call('POST', '/v1/macros', tokens.lead, { title: '  Номер обращения  ', text, lang: 'ru' });
    expect(created.status).toBe(201);
    const macro = (created.body as { macro: MacroJson }).macro;
    expect(macro).toEqual({
      id: expect.any(String),
      title: 'Номер обращения',
      text,
      lang: 'ru',
      createdBy: expect.any(String),
      createdAt: macro.updatedAt,
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    // The title matches first; the default «Если повторится» mentions the request number in its text.
    const found = await list(`lang=ru&q=${encodeURIComponent('НОМЕР обращения')}`);
    expect(found[0]).toEqual(macro);
    expect(found.map((entry) => entry.id).slice(1)).toEqual(['default-ru-recurs']);
    expect(await list(`lang=ru&q=${encodeURIComponent('{{ticket.id}} уважением')}`)).toEqual([macro]);
    expect(await list(`lang=en&q=${encodeURIComponent('номер')}`)).toEqual([]);
  });

  it('lets a lead edit and an admin delete a macro; unknown ids are 404 not_found:macro', async () => {
    const { body } = await call('POST', '/v1/macros', tokens.lead, {
      title: 'Wait',
      text: 'One moment, please.',
      lang: 'en',
    });
    const id = (body as { macro: MacroJson }).macro.id;
    const edited = await call('PATCH', `/v1/macros/${id}`, tokens.lead, { text: 'One moment, {{customer.name}}.' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ macro: { id, title: 'Wait', text: 'One moment, {{customer.name}}.' } });
    expect(await call('DELETE', `/v1/macros/${id}`, tokens.admin)).toEqual({ status: 200, body: { deleted: true } });
    for (const [method, body] of [
      ['PATCH', { title: 'x' }],
      ['DELETE', undefined],
    ] as const) {
      const missing = await call(method, `/v1/macros/${id}`, tokens.lead, body);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ error: { code: 'not_found:macro', message: expect.any(String) } });
    }
  });

  it('refuses changes from agents with 403 and leaves the macros as they were', async () => {
    const before = await list('');
    const id = before[0]?.id ?? '';
    const attempts = [
      await call('POST', '/v1/macros', tokens.agent, { title: 'Mine', text: 'Hi', lang: 'en' }),
      await call('PATCH', `/v1/macros/${id}`, tokens.agent, { title: 'Mine' }),
      await call('DELETE', `/v1/macros/${id}`, tokens.agent),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(403);
      expect(attempt.body).toMatchObject({ error: { code: expect.stringMatching(/^forbidden:/) } });
    }
    expect(await list('')).toEqual(before);
  });

  it('validates titles, texts and languages', async () => {
    const cases: [unknown, string][] = [
      [{ title: '', text: 'Hi', lang: 'en' }, 'bad_request:title'],
      [{ title: 'x'.repeat(101), text: 'Hi', lang: 'en' }, 'bad_request:title'],
      [{ title: 'Hi', text: 'x'.repeat(4001), lang: 'en' }, 'bad_request:text'],
      [{ title: 'Hi', text: '', lang: 'en' }, 'bad_request:text'],
      [{ title: 'Hi', text: 'Hi' }, 'bad_request:lang'],
      [{ title: 'Hi', text: 'Hi', lang: 'de' }, 'bad_request:lang'],
    ];
    for (const [body, code] of cases) {
      const response = await call('POST', '/v1/macros', tokens.lead, body);
      expect({
        body,
        status: response.status,
        code: (response.body as { error: { code: string } }).error.code,
      }).toEqual({ body, status: 400, code });
    }
    const longest = await call('POST', '/v1/macros', tokens.lead, {
      title: 'x'.repeat(100),
      text: 'y'.repeat(4000),
      lang: 'en',
    });
    expect(longest.status).toBe(201);
  });
});
