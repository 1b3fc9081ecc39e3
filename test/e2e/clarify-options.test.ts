// The chat widget in Chromium against the real service: a clarifying question shows its options as quick-reply
// buttons; pressing one (here from the keyboard) answers the original question from that option's article.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

vi.setConfig({ testTimeout: 120_000 });

let server: ServerProcess;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firstline-e2e-clarify-'));
  server = await startServerProcess({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'normal' }, 120_000);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('clarifying question in the chat widget', () => {
  it('offers the options as buttons and answers from the one pressed, with its citation', async () => {
    const page = await browser.newPage({ locale: 'ru-RU' });
    await page.goto(`${server.url}/chat`);
    const widget = page.locator('.firstline-widget');
    await widget.getByLabel('Ваше сообщение').fill('роутер');
    await widget.getByLabel('Ваше сообщение').press('Enter');
    const clarify = widget.locator('li.msg.bot[data-action="clarify"]');
    await expect.poll(() => clarify.count(), { timeout: 30_000 }).toBe(1);
    // The numbered list stays in the text for text-only clients; the buttons repeat it.
    expect(await clarify.innerText()).toContain('2. Как настроить Wi-Fi роутер и сменить пароль от вайфая');
    const group = clarify.getByRole('group', { name: 'Выберите вариант' });
    const buttons = group.getByRole('button');
    await expect.poll(() => buttons.count()).toBe(3);
    const wifi = group.getByRole('button', {
      name: 'Вариант 2: Как настроить Wi-Fi роутер и сменить пароль от вайфая',
    });
    await screenshot(page, '21-widget-clarify-options');

    await wifi.focus();
    await wifi.press('Enter');
    const answer = widget.locator('li.msg.bot[data-action="answer"]');
    await expect.poll(() => answer.count(), { timeout: 30_000 }).toBe(1);
    expect(await answer.innerText()).toContain('192.168.0.1');
    const source = answer.getByRole('navigation', { name: 'Статьи' }).getByRole('link');
    expect(await source.getAttribute('href')).toContain('/kb/wifi-setup-ru');
    // The customer's message is the option's label; the buttons are gone once used.
    expect(await widget.locator('li.msg.customer').last().innerText()).toContain('Как настроить Wi-Fi роутер');
    expect(await widget.locator('.options').count()).toBe(0);
    await screenshot(page, '22-widget-clarify-answered');
    await page.close();
  });

  it('drops the buttons when the customer types instead, and reads "1" as the first option', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${server.url}/chat`);
    const widget = page.locator('.firstline-widget');
    const input = widget.locator('textarea');
    await input.fill('router');
    await input.press('Enter');
    const clarify = widget.locator('li.msg.bot[data-action="clarify"]');
    await expect.poll(() => clarify.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => widget.locator('.options button').count()).toBe(3);
    await input.fill('1');
    await input.press('Enter');
    const answer = widget.locator('li.msg.bot[data-action="answer"]');
    await expect.poll(() => answer.count(), { timeout: 30_000 }).toBe(1);
    expect(await answer.locator('nav a').getAttribute('href')).toContain('/kb/wifi-setup-en');
    expect(await widget.locator('.options').count()).toBe(0);
    await page.close();
  });
});
