// The web UI in a real browser against the real service on 127.0.0.1: the widget, the agent console and the
// lead dashboard, with screenshots of the key moments in test-artifacts/screenshots.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { runCli } from '../run-cli.ts';
import { addAgentTo } from '../support/staff.ts';

vi.setConfig({ testTimeout: 120_000 });

let server: ServerProcess;
let browser: Browser;
let dataDir: string;
let evalDir: string;
const tokens: Record<'maria' | 'ivan' | 'lead', string> = { maria: '', ivan: '', lead: '' };

const addAgent = (name: string, role: string) => addAgentTo(dataDir, name, role);

async function signIn(page: Page, path: string, token: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.getByLabel('Токен доступа').fill(token);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/** What the widget's composer holds focus on, through its shadow root. */
function focusedInWidget(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.querySelector('.firstline-widget');
    const active = host?.shadowRoot?.activeElement;
    return active === null || active === undefined
      ? `outside:${document.activeElement?.tagName ?? ''}`
      : `${active.tagName.toLowerCase()}${active.className === '' ? '' : `.${active.className}`}`;
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firstline-e2e-'));
  evalDir = join(dataDir, 'evals');
  tokens.maria = await addAgent('Мария Петрова', 'agent');
  tokens.ivan = await addAgent('Иван Соколов', 'agent');
  tokens.lead = await addAgent('Ольга Лебедева', 'lead');
  const evalRun = await runCli(
    ['eval', '--suite', 'evals/answers.yaml', '--format', 'json,html', '--out', join(evalDir, 'answers-run')],
    { DATA_DIR: dataDir },
  );
  if (!existsSync(join(evalDir, 'answers-run', 'report.json')))
    throw new Error(`eval run wrote no report: ${evalRun.stdout}${evalRun.stderr}`);
  server = await startServerProcess(
    { DATA_DIR: dataDir, EVAL_RESULTS_DIR: evalDir, SQLITE_SYNCHRONOUS: 'normal' },
    120_000,
  );
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('customer chat widget', () => {
  it('answers a Russian question with a citation link, streams into the page and survives a reload on a phone-sized screen', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${server.url}/chat`);
    const widget = page.locator('.firstline-widget');
    await widget
      .getByLabel('Ваше сообщение')
      .fill('Добрый вечер. Не могу зайти в личный кабинет, пароль не помню. Как его сбросить?');
    await widget.getByLabel('Ваше сообщение').press('Enter');
    const reply = widget.locator('li.msg.bot[data-action="answer"]');
    await expect.poll(() => reply.count(), { timeout: 15_000 }).toBe(1);
    const text = await reply.innerText();
    expect(text).toMatch(/Здравствуйте|Добр/);
    expect(text).toMatch(/сбросить/);
    const link = reply.locator('nav a');
    expect(await link.getAttribute('href')).toBe(`${server.url}/kb/password-reset-ru`);
    await screenshot(page, '01-widget-answer-ru');

    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    await page.reload();
    await expect.poll(() => widget.locator('li.msg').count(), { timeout: 10_000 }).toBe(2);
    expect(await widget.locator('li.msg.customer').innerText()).toContain('пароль не помню');

    const article = await context.newPage();
    await article.goto(`${server.url}/kb/password-reset-ru`);
    expect(await article.locator('h1').innerText()).not.toBe('');
    expect(await article.locator('ol li').count()).toBeGreaterThan(1);
    await screenshot(article, '02-article-page');
    await context.close();
  });
});

describe('handoff to an agent, live on both sides', () => {
  let customer: BrowserContext;
  let maria: BrowserContext;
  let ivan: BrowserContext;

  afterAll(async () => {
    await Promise.all([customer?.close(), maria?.close(), ivan?.close()]);
  });

  it('hands an angry customer to an agent who claims, replies and resolves; the customer sees it all live and rates', async () => {
    maria = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const agent = await maria.newPage();
    await signIn(agent, '/agent', tokens.maria);
    await agent.getByText('Мария Петрова (agent)').waitFor();
    const queueBefore = await agent.locator('.ticket-item').count();

    customer = await browser.newContext({ viewport: { width: 420, height: 800 }, locale: 'ru-RU' });
    const chat = await customer.newPage();
    await chat.goto(`${server.url}/chat`);
    const widget = chat.locator('.firstline-widget');
    const angry =
      'Это уже третий раз!!! Интернет опять не работает, я в бешенстве, сколько можно издеваться над клиентами?!';
    await widget.getByLabel('Ваше сообщение').fill(angry);
    await widget.getByRole('button', { name: 'Отправить' }).click();
    const notice = widget.locator('p.notice');
    await notice.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await notice.innerText()).toMatch(/в очереди/);
    expect(await widget.locator('li.msg.bot[data-action="handoff"]').count()).toBe(1);
    // Screen readers hear the queue once: in the bot's reply (the live log), not again from the notice.
    expect(await widget.locator('li.msg.bot[data-action="handoff"]').innerText()).toMatch(/очеред/);
    expect(await notice.getAttribute('aria-live')).toBe('off');
    await screenshot(chat, '03-widget-handoff-notice');

    // The ticket appears in the agent's queue without a reload.
    const item = agent.locator('.ticket-item', { hasText: 'Интернет опять не работает' });
    await item.waitFor({ timeout: 10_000 });
    expect(await agent.locator('.ticket-item').count()).toBe(queueBefore + 1);
    expect(await item.locator('.badge.reason').getAttribute('data-reason')).toBe('emotion');
    await screenshot(agent, '04-agent-queue-live');

    // A second agent has the same ticket open.
    ivan = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const second = await ivan.newPage();
    await signIn(second, '/agent', tokens.ivan);
    await second.locator('.ticket-item', { hasText: 'Интернет опять не работает' }).click();
    await second.getByRole('button', { name: 'Взять в работу' }).waitFor();

    await item.click();
    const summary = agent.locator('[data-testid="summary"]');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Интернет опять не работает');
    expect(await summary.locator('[data-reason]').first().getAttribute('data-reason')).toBe('emotion');
    expect(await summary.innerText()).toContain('эмоции');
    // Each bot reply in the transcript says who wrote it (no model here: the knowledge base).
    expect(
      await agent.locator('[data-testid="transcript"] li.bot [data-testid="provenance"]').first().innerText(),
    ).toBe('ответ из базы знаний');
    await agent.getByRole('button', { name: 'Взять в работу' }).click();
    await agent.getByRole('textbox', { name: 'Ответ клиенту' }).waitFor();
    await screenshot(agent, '05-agent-ticket-summary');

    // The second agent sees at once that the ticket is taken.
    const banner = second.locator('[data-testid="claimed-banner"]');
    await banner.waitFor({ timeout: 5_000 });
    expect(await banner.innerText()).toContain('Мария Петрова');
    expect(await second.getByRole('button', { name: 'Взять в работу' }).count()).toBe(0);
    expect(await second.getByRole('textbox', { name: 'Ответ клиенту' }).isVisible()).toBe(false);
    await screenshot(second, '06-second-agent-sees-claim');

    // The customer sees who joined, then the agent's reply, live.
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('Мария Петрова');
    expect(await notice.getAttribute('aria-live')).toBe('polite');
    // The customer writes while the agent is typing: the transcript updates, the agent's text and focus stay.
    const replyBox = agent.getByRole('textbox', { name: 'Ответ клиенту' });
    await replyBox.click();
    await replyBox.pressSequentially('Здравствуйте');
    await widget.getByLabel('Ваше сообщение').fill('Алло, тут кто-нибудь есть?');
    await widget.getByLabel('Ваше сообщение').press('Enter');
    await expect
      .poll(() => agent.locator('[data-testid="transcript"] li.customer').count(), { timeout: 10_000 })
      .toBe(2);
    expect(await replyBox.inputValue()).toBe('Здравствуйте');
    expect(await agent.evaluate(() => document.activeElement?.id)).toBe('reply-text');
    await replyBox.fill('');
    await agent.getByRole('button', { name: 'Предложить ответ' }).click();
    await expect
      .poll(() => agent.getByRole('textbox', { name: 'Ответ клиенту' }).inputValue(), { timeout: 10_000 })
      .toMatch(/интернет|роутер/i);
    const answer = 'Здравствуйте! Меня зовут Мария, я уже проверяю Вашу линию. Приношу извинения за неудобства.';
    await agent.getByRole('textbox', { name: 'Ответ клиенту' }).fill(answer);
    await agent.getByRole('textbox', { name: 'Ответ клиенту' }).press('Enter');
    const live = widget.locator('li.msg.agent');
    await live.waitFor({ timeout: 10_000 });
    expect(await live.innerText()).toContain('Мария Петрова');
    expect(await live.innerText()).toContain('проверяю Вашу линию');
    await screenshot(chat, '07-widget-agent-reply-live');

    await agent.locator('[data-testid="transcript"] li.agent').waitFor();
    await agent.getByRole('button', { name: 'Решено', exact: true }).click();
    await expect
      .poll(() => agent.locator('.ticket-item', { hasText: 'Интернет опять не работает' }).count(), { timeout: 10_000 })
      .toBe(0);

    // After resolve, the customer rates.
    const rating = widget.locator('form.rating');
    await rating.waitFor({ state: 'visible', timeout: 10_000 });
    await rating.getByLabel('5 из 5').check();
    await rating.getByLabel('Комментарий (необязательно)').fill('Спасибо, быстро помогли');
    await screenshot(chat, '08-widget-rating');
    await rating.getByRole('button', { name: 'Отправить оценку' }).click();
    await rating.getByText('Спасибо за оценку!').waitFor({ timeout: 10_000 });
  });
});

describe('lead dashboard', () => {
  it('shows the conversations, the handoff and the rating in its KPIs, charts them and lists the eval run', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1400 }, locale: 'ru-RU' });
    const page = await context.newPage();
    const whoAmI: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/v1/agent/me') whoAmI.push(request.url());
    });
    await page.goto(`${server.url}/lead`);
    await page.getByLabel('Токен доступа').fill(tokens.lead);
    // An impatient double click signs in once.
    await page.getByRole('button', { name: 'Войти' }).dblclick();
    const kpis = page.locator('[data-testid="kpis"]');
    await kpis.waitFor({ timeout: 10_000 });
    expect(whoAmI).toHaveLength(1);
    const value = (name: string) => kpis.locator(`[data-kpi="${name}"]`).innerText();
    await expect.poll(() => value('conversations'), { timeout: 10_000 }).toMatch(/\b2\b/);
    expect(await value('tickets')).toMatch(/\b1\b/);
    expect(await value('csat')).toMatch(/5[.,]0/);
    await expect.poll(() => page.locator('.chart canvas').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
    const runs = page.locator('[data-testid="eval-runs"] tbody tr');
    await runs.first().waitFor();
    expect(await runs.count()).toBe(1);
    await screenshot(page, '09-lead-dashboard');
    await context.close();
  });
});

describe('widget embedded on another site', () => {
  let site: Server;
  let siteUrl = '';

  beforeAll(async () => {
    site = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Kometa shop</h1><p><a href="#plans">Plans</a></p><script src="${server.url}/widget.js" defer></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const address = site.address();
    siteUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });

  afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

  it('works with the keyboard alone: open, ask, reach the citation, close back to the launcher', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(siteUrl);
    await page.locator('.firstline-widget').locator('button.launcher').waitFor();
    for (let step = 0; step < 5 && !(await focusedInWidget(page)).includes('launcher'); step += 1)
      await page.keyboard.press('Tab');
    expect(await focusedInWidget(page)).toBe('button.launcher');
    await page.keyboard.press('Enter');
    expect(await focusedInWidget(page)).toBe('textarea');
    await page.keyboard.type('hi, forgot my password for My Kometa. how do i reset it?');
    await page.keyboard.press('Enter');
    const reply = page.locator('.firstline-widget li.msg.bot[data-action="answer"]');
    await reply.waitFor({ timeout: 15_000 });
    expect(await reply.innerText()).toMatch(/Hello|Hi\b|Good/);
    // Back from the message box: the attach button beside it, then the reply's citation.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInWidget(page)).toBe('button.attach');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInWidget(page)).toBe('a');
    const href = await page.evaluate(
      () =>
        (document.querySelector('.firstline-widget')?.shadowRoot?.activeElement as HTMLAnchorElement | null)?.href ??
        '',
    );
    expect(href).toBe(`${server.url}/kb/password-reset-en`);
    await screenshot(page, '10-widget-embedded-keyboard');
    const contrast = await page.evaluate(() => {
      const root = document.querySelector('.firstline-widget')?.shadowRoot;
      const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) =>
        [r, g, b]
          .map((channel) => channel / 255)
          .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
          .reduce((sum, c, index) => sum + c * [0.2126, 0.7152, 0.0722][index]!, 0);
      const background = (element: Element | null): number[] => {
        for (let node = element; node !== null; node = node.parentElement) {
          const color = rgb(getComputedStyle(node).backgroundColor);
          if (color.length === 3 || (color[3] ?? 0) > 0) return color.slice(0, 3);
        }
        return [255, 255, 255];
      };
      return [
        'header h2',
        '.state',
        'li.msg.customer',
        'li.msg.bot',
        'li.msg.bot .who',
        'nav a',
        '.hint',
        'button.primary',
        'textarea',
      ].map((selector) => {
        const element = root?.querySelector(selector) ?? null;
        const [light, dark] = [
          luminance(rgb(element === null ? '' : getComputedStyle(element).color)),
          luminance(background(element)),
        ].sort((a, b) => b - a);
        return { selector, ratio: element === null ? 0 : (light! + 0.05) / (dark! + 0.05) };
      });
    });
    for (const entry of contrast) expect(entry.ratio, entry.selector).toBeGreaterThanOrEqual(4.5);
    await page.keyboard.press('Escape');
    expect(await focusedInWidget(page)).toBe('button.launcher');
    expect(await page.locator('.firstline-widget section.panel').isHidden()).toBe(true);
    await context.close();
  });
});

describe('flood control in the agent console', () => {
  it('shows a lead the tickets grouped as a flood and closes them in two presses; agents see the mark only', async () => {
    const open = async () => {
      const response = await fetch(`${server.url}/v1/conversations`, { method: 'POST' });
      const { id, token } = (await response.json()) as { id: string; token: string };
      const posted = await fetch(`${server.url}/v1/conversations/${id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ text: 'Из роутера идёт дым и пахнет гарью!' }),
      });
      expect(posted.status).toBe(200);
    };
    for (let index = 0; index < 4; index += 1) await open();
    const grouped = async () => {
      const response = await fetch(`${server.url}/v1/tickets?flood=true`, {
        headers: { authorization: `Bearer ${tokens.lead}` },
      });
      return ((await response.json()) as { tickets: unknown[] }).tickets.length;
    };
    const count = await grouped();
    expect(count).toBeGreaterThanOrEqual(3);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const agentPage = await context.newPage();
    await signIn(agentPage, '/agent', tokens.maria);
    await expect.poll(() => agentPage.locator('.badge.flood').count(), { timeout: 10_000 }).toBe(count);
    expect(await agentPage.locator('[data-testid="flood-panel"]').isVisible()).toBe(false);

    const lead = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const page = await lead.newPage();
    await signIn(page, '/agent', tokens.lead);
    const panel = page.locator('[data-testid="flood-panel"]');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await panel.innerText()).toContain(String(count));
    await screenshot(page, '12-flood-panel');
    await panel.getByRole('button', { name: 'Закрыть сгруппированные' }).click();
    await panel.getByRole('button', { name: `Закрыть ${count} сгруппированных обращений без ответа?` }).click();
    await panel.waitFor({ state: 'hidden', timeout: 10_000 });
    expect(await grouped()).toBe(0);
    await expect.poll(() => agentPage.locator('.badge.flood').count(), { timeout: 10_000 }).toBe(0);
    await Promise.all([context.close(), lead.close()]);
  });
});
