// The lead's Reports section in a real browser against the real service: a date range, the agent's row with its
// change against the previous period, a figure opening the tickets behind it with links into the agent console,
// customers' comments as text, and the CSV download. In Russian and in English.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { addAgentTo } from '../support/staff.ts';

vi.setConfig({ testTimeout: 60_000 });

let server: ServerProcess;
let browser: Browser;
let dataDir: string;
const tokens = { maria: '', lead: '' };
let resolvedTicket = '';

const addAgent = (name: string, role: string) => addAgentTo(dataDir, name, role);

async function call(path: string, token: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return response;
}

/** A customer asks for a person; returns the conversation and its ticket. */
async function handoff(text: string): Promise<{ id: string; token: string; ticketId: string }> {
  const created = (await (await fetch(`${server.url}/v1/conversations`, { method: 'POST' })).json()) as {
    id: string;
    token: string;
  };
  await call(`/v1/conversations/${created.id}/messages`, created.token, { text });
  const { tickets } = (await (await call('/v1/tickets', tokens.maria)).json()) as {
    tickets: { id: string; conversationId: string }[];
  };
  const ticket = tickets.find((entry) => entry.conversationId === created.id);
  if (ticket === undefined) throw new Error(`no ticket for ${text}`);
  return { ...created, ticketId: ticket.id };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firstline-lead-reports-'));
  [tokens.maria, tokens.lead] = await Promise.all([
    addAgent('Мария Петрова', 'agent'),
    addAgent('Ольга Лебедева', 'lead'),
  ]);
  server = await startServerProcess({
    DATA_DIR: dataDir,
    SQLITE_SYNCHRONOUS: 'normal',
    HANDOFFS_PER_SOURCE_PER_HOUR: '1000',
  });
  const solved = await handoff('Позовите оператора, пожалуйста. Не работает интернет.');
  resolvedTicket = solved.ticketId;
  await call(`/v1/tickets/${solved.ticketId}/claim`, tokens.maria, {});
  await call(`/v1/tickets/${solved.ticketId}/messages`, tokens.maria, { text: 'Здравствуйте, проверяю линию.' });
  await call(`/v1/tickets/${solved.ticketId}/resolve`, tokens.maria, { resolution: 'solved' });
  await call(`/v1/conversations/${solved.id}/rating`, solved.token, {
    score: 2,
    comment: '<img src=x onerror=alert(1)> долго ждал',
  });
  await handoff('I want to talk to a human, please. I was charged twice.');
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function signedIn(locale: string, tokenLabel: string, signIn: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/lead`);
  await page.getByLabel(tokenLabel).fill(tokens.lead);
  await page.getByRole('button', { name: signIn }).click();
  await page.getByText('Ольга Лебедева (lead)').waitFor();
  return page;
}

const day = (offset: number) => {
  const time = new Date(Date.now() + offset * 86_400_000);
  return `${time.getFullYear()}-${String(time.getMonth() + 1).padStart(2, '0')}-${String(time.getDate()).padStart(2, '0')}`;
};

describe('lead reports', () => {
  it("shows the agent's row for a chosen range, opens the tickets behind a figure and downloads the CSV", async () => {
    const page = await signedIn('ru-RU', 'Токен доступа', 'Войти');
    await page.getByRole('heading', { name: 'Отчёты' }).waitFor();
    expect(await page.locator('#report-from').inputValue()).toBe(day(-6));
    expect(await page.locator('#report-to').inputValue()).toBe(day(0));
    await page.locator('#report-from').fill(day(-1));
    await page.locator('#report-to').fill(day(0));
    await page.getByRole('button', { name: 'Показать' }).click();

    const agents = page.locator('[data-testid="report-agents"]');
    const row = agents.locator('tbody tr', { hasText: 'Мария Петрова' });
    await row.waitFor();
    const resolved = row.locator('button[data-kpi="resolved"]');
    expect(await resolved.innerText()).toBe('1');
    // Nothing the week before: the change reads as new, in words as well as in colour.
    expect(await row.locator('.change').first().innerText()).toContain('новое');
    expect(await agents.locator('tfoot tr').innerText()).toContain('Все');
    await page.locator('[data-testid="report-groups"] tbody tr').first().waitFor();

    // The customer's comment is shown as text, never as markup.
    const comment = page.locator('[data-testid="report-comments"] .comment-text');
    await comment.waitFor();
    expect(await comment.innerText()).toBe('<img src=x onerror=alert(1)> долго ждал');
    expect(await page.locator('[data-testid="report-comments"] img').count()).toBe(0);

    await resolved.click();
    const drill = page.locator('[data-testid="report-drill"]');
    await drill.locator('tbody tr').first().waitFor();
    expect(await drill.locator('h3').innerText()).toBe('Решено: Мария Петрова');
    const link = drill.locator(`a[href="/agent/tickets/${resolvedTicket}"]`);
    expect(await link.count()).toBe(1);
    expect(await drill.locator('tbody tr').innerText()).toContain('решено');

    // The backlog of everyone: the unanswered English ticket.
    await page.locator('[data-testid="report-agents"] tfoot button[data-kpi="backlog"]').click();
    await expect.poll(() => drill.locator('h3').innerText()).toBe('Открыто на конец: Все');
    expect(await drill.locator('tbody tr').count()).toBe(1);
    await screenshot(page, '40-lead-reports');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[data-csv="agent"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^performance-by-agent-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^agent_id,name,tickets,tickets_previous,/);
    expect(csv).toContain('Мария Петрова,1,0,1,0,');

    await page.locator('[data-testid="report-drill"] button', { hasText: 'Закрыть' }).click();
    await resolved.click();
    await link.click();
    await page.waitForURL(`**/agent/tickets/${resolvedTicket}`);
    await page.context().close();
  });

  it('speaks English to an English browser and refuses a reversed range before asking the server', async () => {
    const page = await signedIn('en-GB', 'Access token', 'Sign in');
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
    await page.getByRole('heading', { name: 'By agent' }).waitFor();
    await page.locator('[data-testid="report-agents"] tbody tr', { hasText: 'Мария Петрова' }).waitFor();
    expect(await page.locator('[data-testid="report-agents"] thead').innerText()).toContain('First response, median');
    await page.locator('#report-from').fill(day(1));
    await page.locator('#report-to').fill(day(0));
    await page.getByRole('button', { name: 'Show' }).click();
    await expect
      .poll(() => page.locator('.reports .alert').innerText())
      .toBe('Choose a start date on or before the end date, at most 366 days apart.');
    await page.context().close();
  });
});
