// The chat widget in Chromium as customers reported it: a closed widget announces an agent's reply, the composer
// stays on a phone's screen, labels follow the language, errors are localized and an over-long message is kept.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addAgentTo } from '../support/staff.ts';
import { launchChromium, screenshot } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

vi.setConfig({ testTimeout: 60_000 });

const HANDOFF_QUESTION = 'Какой курс биткоина к тугрику на завтра?';

let server: ServerProcess;
let browser: Browser;
let dataDir: string;
let agentToken = '';
let site: Server;
let siteUrl = '';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firstline-e2e-widget-ux-'));
  agentToken = await addAgentTo(dataDir, 'Мария', 'agent');
  [server, browser] = await Promise.all([
    startServerProcess({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'normal' }, 120_000),
    launchChromium(),
  ]);
  // A shop page that embeds the floating widget; `/bare` declares no viewport, as some old sites do.
  site = createServer((request, response) => {
    const viewport =
      request.url === '/bare' ? '' : '<meta name="viewport" content="width=device-width, initial-scale=1">';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="ru"><head>${viewport}<title>Магазин</title></head><body><h1>Магазин «Комета»</h1><script src="${server.url}/widget.js" defer></script></body></html>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const address = site.address();
  siteUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
}, 180_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (site === undefined ? resolve() : site.close(() => resolve())));
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const staff = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function ask(widget: Locator, text: string): Promise<void> {
  const box = widget.locator('textarea#fl-input');
  await box.fill(text);
  await box.press('Enter');
}

/** The composer's box and the log's share of the panel, as the customer sees them now. */
function layout(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('.firstline-widget')?.shadowRoot;
    const box = (selector: string) => root?.querySelector(selector)?.getBoundingClientRect();
    const composer = box('form.composer');
    const panel = box('section.panel');
    const log = box('ol.log');
    return {
      composerTop: composer?.top ?? -1,
      composerBottom: composer?.bottom ?? Infinity,
      logShare: (log?.height ?? 0) / (panel?.height ?? 1),
      viewport: window.innerHeight,
      scrolled: window.scrollY,
    };
  });
}

describe('the chat widget for customers', () => {
  it('tells a customer who closed the widget about an agent’s reply: badge, preview and page title', async () => {
    const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1024, height: 768 } });
    await page.goto(siteUrl);
    const widget = page.locator('.firstline-widget');
    await widget.locator('button.launcher').click();
    await ask(widget, HANDOFF_QUESTION);
    await widget.locator('li.msg.bot[data-action="handoff"]').waitFor({ timeout: 20_000 });
    await widget.getByRole('button', { name: 'Закрыть чат' }).click();
    expect(await widget.locator('section.panel').isHidden()).toBe(true);

    const { tickets } = (await (await staff('/v1/tickets')).json()) as { tickets: Array<{ id: string }> };
    const id = tickets[0]?.id ?? '';
    expect((await staff(`/v1/tickets/${id}/claim`, 'POST')).status).toBe(200);
    const reply = 'Здравствуйте! Проверила Ваш вопрос, отвечаю.';
    expect((await staff(`/v1/tickets/${id}/messages`, 'POST', { text: reply })).status).toBe(200);

    const badge = widget.locator('button.launcher .badge');
    await expect.poll(() => badge.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await badge.innerText()).toBe('1');
    const preview = widget.locator('.preview');
    expect(await preview.innerText()).toContain(`Мария: ${reply}`);
    expect(await page.title()).toBe('(1) Новое сообщение');
    await screenshot(page, '31-widget-closed-unread');

    await preview.locator('.preview-text').click();
    expect(await widget.locator('section.panel').isVisible()).toBe(true);
    expect(await page.title()).toBe('Магазин');
    expect(await badge.isHidden()).toBe(true);
    expect(await preview.isHidden()).toBe(true);
    // The notice about the specialist agrees with any name.
    expect(await widget.locator('p.notice').innerText()).toBe('К чату подключился специалист: Мария.');
    await page.close();
  });

  it('keeps the composer on a phone’s screen, before and after the handoff notice', async () => {
    for (const [width, height] of [
      [360, 740],
      [320, 568],
    ] as const) {
      const page = await browser.newPage({ locale: 'ru-RU', viewport: { width, height } });
      await page.goto(`${server.url}/chat?lang=ru`);
      const widget = page.locator('.firstline-widget');
      await widget.locator('textarea#fl-input').waitFor();
      const before = await layout(page);
      expect(before.scrolled).toBe(0);
      expect(before.composerTop, `${width}×${height}`).toBeGreaterThanOrEqual(0);
      expect(before.composerBottom, `${width}×${height}`).toBeLessThanOrEqual(before.viewport);

      await ask(widget, HANDOFF_QUESTION);
      await widget.locator('p.notice').waitFor({ state: 'visible', timeout: 20_000 });
      const after = await layout(page);
      expect(after.composerBottom, `${width}×${height} with the notice`).toBeLessThanOrEqual(after.viewport);
      expect(after.composerTop).toBeGreaterThanOrEqual(0);
      expect(after.logShare, `${width}×${height} log share`).toBeGreaterThanOrEqual(0.38);
      await screenshot(page, `32-widget-phone-${width}x${height}`);
      await page.close();
    }
  });

  it('makes a page without a viewport tag readable on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${siteUrl}/bare`);
    await page.locator('.firstline-widget button.launcher').waitFor();
    expect(await page.evaluate(() => document.querySelectorAll('meta[name="viewport"]').length)).toBe(1);
    expect(await page.evaluate(() => window.innerWidth)).toBe(360);
    await context.close();
  });

  it('relabels what it rendered in Russian when the conversation switches to English', async () => {
    const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 420, height: 800 } });
    await page.goto(`${server.url}/chat?lang=ru`);
    const widget = page.locator('.firstline-widget');
    expect(await widget.locator('li.msg.welcome .who').innerText()).toBe('Бот');
    await ask(widget, 'hi, forgot my password for My Kometa. how do i reset it?');
    await widget.locator('li.msg.bot[data-action="answer"]').waitFor({ timeout: 20_000 });
    expect(await widget.locator('header h2').innerText()).toBe('Support');
    expect(await widget.locator('li.msg.customer .who').innerText()).toBe('You:');
    expect(await widget.locator('li.msg.welcome .who').innerText()).toBe('Bot');
    expect(await widget.locator('li.msg.welcome').innerText()).toContain('Type your question');
    expect(await widget.locator('li.msg.bot nav').first().innerText()).toMatch(/^Articles: /);
    await screenshot(page, '33-widget-relabelled-en');
    await page.close();
  });

  it('says a refusal in Russian, keeps the code for support and keeps the text', async () => {
    const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 420, height: 800 } });
    await page.route('**/v1/conversations/*/messages', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'rate_limited:address', message: 'too many requests from this address; retry later' },
        }),
      }),
    );
    await page.goto(`${server.url}/chat?lang=ru`);
    const widget = page.locator('.firstline-widget');
    const text = 'Как сменить тариф?';
    await ask(widget, text);
    const error = widget.locator('div.error');
    await error.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await error.innerText()).toContain('Слишком много сообщений подряд');
    expect(await error.innerText()).not.toMatch(/too many/i);
    expect(await error.getAttribute('title')).toBe('Код ошибки: rate_limited:address (429)');
    expect(await widget.locator('textarea#fl-input').inputValue()).toBe(text);
    await screenshot(page, '34-widget-localized-429');
    await page.close();
  });

  it('counts characters near the limit and keeps an over-long message instead of sending it', async () => {
    const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 420, height: 800 } });
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/messages')) posted.push(request.url());
    });
    await page.goto(`${server.url}/chat?lang=ru`);
    const widget = page.locator('.firstline-widget');
    const box = widget.locator('textarea#fl-input');
    const counter = widget.locator('p.counter');
    await box.fill('а'.repeat(3000));
    expect(await counter.isHidden()).toBe(true);
    const text = 'а'.repeat(4001);
    await box.fill(text);
    expect(await counter.innerText()).toBe('4001 из 4000');
    await box.press('Enter');
    const error = widget.locator('div.error');
    await error.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await error.innerText()).toContain('Сообщение слишком длинное: 4001 из 4000 символов');
    expect(await error.getByRole('button').count()).toBe(0);
    expect(await box.inputValue()).toBe(text);
    expect(await widget.locator('li.msg.customer').count()).toBe(0);
    await screenshot(page, '35-widget-over-limit');
    await box.press('Backspace');
    expect(await error.isHidden()).toBe(true);
    expect(posted).toEqual([]);
    await page.close();
  });
});
