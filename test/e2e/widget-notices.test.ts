// The chat widget in Chromium while a customer waits for a person: a new angry message is acknowledged in the
// conversation (re-triage), and a specialist handing the conversation back to the bot is said there too.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addAgentTo } from '../support/staff.ts';
import { launchChromium, screenshot } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

vi.setConfig({ testTimeout: 120_000 });

let server: ServerProcess;
let browser: Browser;
let dataDir: string;
let agentToken = '';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firstline-e2e-notices-'));
  agentToken = await addAgentTo(dataDir, 'Мария', 'agent');
  server = await startServerProcess({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'normal' }, 120_000);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const staff = (path: string, method = 'GET') =>
  fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${agentToken}` } });

describe('notices in the chat widget', () => {
  it('acknowledges a waiting customer’s new message and says when the bot is back', async () => {
    const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 420, height: 800 } });
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    await page.goto(`${server.url}/chat`);
    const widget = page.locator('.firstline-widget');
    const box = widget.getByLabel('Ваше сообщение');
    await box.fill('Какой курс биткоина к тугрику на завтра?');
    await box.press('Enter');
    await expect.poll(() => widget.locator('li.msg.bot[data-action="handoff"]').count(), { timeout: 30_000 }).toBe(1);

    // Every message says when it was written.
    const stamped = widget.locator('li.msg.customer time.at');
    expect(await stamped.first().getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await stamped.first().innerText()).toMatch(/\d{1,2}:\d{2}/);
    await box.fill('Да вы издеваетесь?! Безобразие!!! Позовите человека!');
    await box.press('Enter');
    const notes = widget.locator('li.msg.system');
    await expect.poll(() => notes.count(), { timeout: 30_000 }).toBe(1);
    expect(await notes.first().innerText()).toMatch(/добавил это к Вашему обращению/);
    await screenshot(page, '25-widget-retriage-notice');

    const { tickets } = (await (await staff('/v1/tickets')).json()) as {
      tickets: Array<{ id: string; priority: string }>;
    };
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.priority).not.toBe('low');
    const id = tickets[0]?.id ?? '';
    expect((await staff(`/v1/tickets/${id}/claim`, 'POST')).status).toBe(200);
    expect((await staff(`/v1/tickets/${id}/release`, 'POST')).status).toBe(200);
    await expect.poll(() => notes.count(), { timeout: 30_000 }).toBe(2);
    expect(await notes.last().innerText()).toMatch(/Специалист вернул наш разговор мне/);
    // Nothing the page loads is missing (it used to ask for /favicon.ico).
    expect(missing).toEqual([]);
    await page.close();
  });
});
