// The inbox in a real browser against the real service: views (mine, unassigned, closed) and search kept in the
// address, reopening a resolved conversation to write to the customer again, a lead assigning a ticket, and the
// agent's presence — in Russian and English.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { addAgentTo, staffRequest } from '../support/staff.ts';

vi.setConfig({ testTimeout: 60_000 });

let server: ServerProcess;
let browser: Browser;
let dataDir: string;
let context: BrowserContext;
let page: Page;
const tokens = { maria: '', lead: '' };

interface Chat {
  readonly conversationId: string;
  readonly token: string;
  readonly ticketId: string;
}

const addAgent = (name: string, role: string) => addAgentTo(dataDir, name, role);

const call = (path: string, token: string, body?: unknown) => staffRequest(server.url, path, token, body);

/** A customer asks for a person in `lang`; the ticket is claimed by `claimedBy` when given. */
async function handoff(text: string, lang: 'ru' | 'en', claimedBy?: string): Promise<Chat> {
  const created = (await (
    await fetch(`${server.url}/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lang }),
    })
  ).json()) as { id: string; token: string };
  const chat = { conversationId: created.id, token: created.token };
  expect((await call(`/v1/conversations/${chat.conversationId}/messages`, chat.token, { text })).status).toBe(200);
  const { tickets } = (await (await call('/v1/tickets', tokens.lead)).json()) as {
    tickets: { id: string; conversationId: string }[];
  };
  const ticket = tickets.find((entry) => entry.conversationId === chat.conversationId);
  if (ticket === undefined) throw new Error(`no ticket for ${text}`);
  if (claimedBy !== undefined) expect((await call(`/v1/tickets/${ticket.id}/claim`, claimedBy, {})).status).toBe(200);
  return { ...chat, ticketId: ticket.id };
}

const items = (): Locator => page.locator('.ticket-item');
/** A parameter of the page's address as the page itself has it (the view keeps its choice there). */
const addressParam = (name: string) => page.evaluate((key) => new URLSearchParams(location.search).get(key), name);
const shownIds = () =>
  items().evaluateAll((elements) => elements.map((element) => element.getAttribute('data-ticket-id')));
const team = async () =>
  ((await (await call('/v1/agents', tokens.lead)).json()) as { agents: Array<{ name: string; presence: string }> })
    .agents;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firstline-inbox-'));
  [tokens.maria, tokens.lead] = await Promise.all([
    addAgent('Мария Петрова', 'agent'),
    addAgent('Ольга Лебедева', 'lead'),
  ]);
  server = await startServerProcess({
    DATA_DIR: dataDir,
    SQLITE_SYNCHRONOUS: 'normal',
    HANDOFFS_PER_SOURCE_PER_HOUR: '1000',
  });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
  page = await context.newPage();
  await page.goto(`${server.url}/agent`);
  await page.getByLabel('Токен доступа').fill(tokens.maria);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByText('Мария Петрова (agent)').waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the inbox', () => {
  let payment: Chat;
  let roaming: Chat;

  it('says the agent is online once signed in, and away when chosen', async () => {
    await expect
      .poll(async () => (await team()).find((agent) => agent.name === 'Мария Петрова')?.presence, { timeout: 10_000 })
      .toBe('online');
    await page.getByLabel('Статус').selectOption({ label: 'Нет на месте' });
    await expect
      .poll(async () => (await team()).find((agent) => agent.name === 'Мария Петрова')?.presence, { timeout: 10_000 })
      .toBe('away');
    await page.getByLabel('Статус').selectOption({ label: 'В сети' });
  });

  it('shows mine, unassigned and searched tickets, keeping the choice in the address', async () => {
    payment = await handoff('Не проходит оплата картой. Позовите оператора, пожалуйста.', 'ru', tokens.maria);
    roaming = await handoff('I need a human about roaming charges abroad, please.', 'en');
    await expect
      .poll(shownIds, { timeout: 10_000 })
      .toEqual(expect.arrayContaining([payment.ticketId, roaming.ticketId]));

    await page.getByLabel('Список').selectOption({ label: 'Мои' });
    await expect.poll(shownIds, { timeout: 10_000 }).toEqual([payment.ticketId]);
    expect(await addressParam('view')).toBe('mine');
    await page.getByLabel('Список').selectOption({ label: 'Без исполнителя' });
    await expect.poll(shownIds, { timeout: 10_000 }).toEqual([roaming.ticketId]);
    await page.getByLabel('Список').selectOption({ label: 'Открытые' });
    // By group: nothing went to billing; first-line has both.
    await page.locator('#inbox-group').selectOption('billing');
    await page.getByText('Ничего не найдено.').waitFor({ timeout: 10_000 });
    expect(await addressParam('group')).toBe('billing');
    await page.locator('#inbox-group').selectOption('first-line');
    await expect
      .poll(shownIds, { timeout: 10_000 })
      .toEqual(expect.arrayContaining([payment.ticketId, roaming.ticketId]));
    await page.locator('#inbox-group').selectOption('');

    await page.getByLabel('Поиск').fill('roaming');
    await expect.poll(shownIds, { timeout: 10_000 }).toEqual([roaming.ticketId]);
    expect(await addressParam('q')).toBe('roaming');
    await screenshot(page, '30-console-search');
    // A reload keeps the search.
    await page.reload();
    await expect.poll(shownIds, { timeout: 10_000 }).toEqual([roaming.ticketId]);
    expect(await page.getByLabel('Поиск').inputValue()).toBe('roaming');
    await page.getByLabel('Поиск').fill('ничего такого нет');
    await page.getByText('Ничего не найдено.').waitFor({ timeout: 10_000 });
    await page.getByLabel('Поиск').fill('');
    await expect.poll(shownIds, { timeout: 10_000 }).toEqual(expect.arrayContaining([payment.ticketId]));
  });

  it('reopens a resolved conversation from the closed view, and the customer gets the reply', async () => {
    expect((await call(`/v1/tickets/${payment.ticketId}/resolve`, tokens.maria, { resolution: 'solved' })).status).toBe(
      200,
    );
    await page.getByLabel('Список').selectOption({ label: 'Закрытые' });
    await expect.poll(shownIds, { timeout: 10_000 }).toContain(payment.ticketId);
    await page.locator(`.ticket-item[data-ticket-id="${payment.ticketId}"]`).click();
    await page.locator('[data-testid="read-only-banner"]').waitFor({ timeout: 10_000 });
    await screenshot(page, '31-console-closed-view');
    await page.getByRole('button', { name: 'Открыть снова', exact: true }).click();
    const reply = page.getByRole('textbox', { name: 'Ответ клиенту' });
    await reply.waitFor({ state: 'visible', timeout: 10_000 });
    await reply.fill('Здравствуйте! Я снова открыла Ваше обращение: проверю платёж ещё раз.');
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect
      .poll(
        async () => {
          const conversation = (await (
            await call(`/v1/conversations/${payment.conversationId}`, payment.token)
          ).json()) as {
            status: string;
            messages: Array<{ role: string; text: string }>;
          };
          return [conversation.status, conversation.messages.at(-1)?.role];
        },
        { timeout: 10_000 },
      )
      .toEqual(['assigned', 'agent']);
    await page.getByLabel('Список').selectOption({ label: 'Открытые' });
  });

  it('shows the agent what the first line collected while the customer waited', async () => {
    const created = (await (
      await fetch(`${server.url}/v1/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lang: 'ru' }),
      })
    ).json()) as { id: string; token: string };
    const post = (text: string) =>
      call(`/v1/conversations/${created.id}/messages`, created.token, { text }).then((response) => response.json());
    await post('Как перенести интернет на новый адрес при переезде?');
    await post('Заявка на переезд не отправляется. Позовите оператора, пожалуйста.');
    await post('Счёт 123 456 789');
    const { tickets } = (await (await call('/v1/tickets', tokens.lead)).json()) as {
      tickets: { id: string; conversationId: string }[];
    };
    const ticket = tickets.find((entry) => entry.conversationId === created.id);
    await page.goto(`${server.url}/agent/tickets/${ticket?.id ?? ''}`);
    const intake = page.locator('[data-testid="intake"]');
    await intake.waitFor({ timeout: 10_000 });
    expect(await intake.innerText()).toContain('Лицевой счёт: 123456789');
    expect(await intake.innerText()).toContain('Адрес: ещё не прислал(а)');
    // Nobody was named by the page: the sidebar says so rather than "not verified".
    const badge = page.locator('[data-testid="identity-badge"]');
    await expect.poll(() => badge.innerText(), { timeout: 10_000 }).toBe('Аноним: страница не сообщила, кто это');
    await screenshot(page, '33-console-intake');
  });

  it('lets a lead assign a waiting ticket to an agent, in English', async () => {
    const lead = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })
    ).newPage();
    await lead.goto(`${server.url}/agent/tickets/${roaming.ticketId}?lang=en`);
    await lead.getByLabel('Access token').fill(tokens.lead);
    await lead.getByRole('button', { name: 'Sign in' }).click();
    const assignee = lead.getByLabel('Assign to');
    await assignee.waitFor({ timeout: 10_000 });
    // The page's language (`?lang=en`) is not taken for a language filter.
    expect(await lead.getByLabel('Language', { exact: true }).inputValue()).toBe('');
    const options = await assignee.locator('option').allInnerTexts();
    expect(options).toContain('Мария Петрова: 1 open, Online');
    await assignee.selectOption({ label: 'Мария Петрова: 1 open, Online' });
    await screenshot(lead, '32-console-assign');
    await lead.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect
      .poll(
        async () =>
          (
            (await (await call(`/v1/tickets/${roaming.ticketId}`, tokens.lead)).json()) as {
              ticket: { assigneeName: string };
            }
          ).ticket.assigneeName,
        { timeout: 10_000 },
      )
      .toBe('Мария Петрова');
    // Maria's "mine" view has it now.
    await page.getByLabel('Список').selectOption({ label: 'Мои' });
    await expect.poll(shownIds, { timeout: 10_000 }).toEqual(expect.arrayContaining([roaming.ticketId]));
    await lead.close();
  });

  it('signs out everywhere else: another browser is asked to sign in again, this one keeps working', async () => {
    const other = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' })
    ).newPage();
    await other.goto(`${server.url}/agent`);
    await other.getByLabel('Токен доступа').fill(tokens.maria);
    await other.getByRole('button', { name: 'Войти' }).click();
    await other.getByText('Мария Петрова (agent)').waitFor({ timeout: 10_000 });

    await page.getByRole('button', { name: 'Выйти на всех устройствах' }).click();
    await page.getByRole('button', { name: 'Точно? Нажмите ещё раз' }).click();
    const shown = page.locator('[data-testid="new-token"]');
    await shown.waitFor({ timeout: 10_000 });
    const token = await shown.innerText();
    expect(token).not.toBe(tokens.maria);
    await screenshot(page, '34-console-signed-out-everywhere');
    expect((await call('/v1/agent/me', tokens.maria)).status).toBe(401);
    tokens.maria = token;

    await other.reload();
    await other.getByLabel('Токен доступа').waitFor({ timeout: 10_000 });
    await page.reload();
    await page.getByText('Мария Петрова (agent)').waitFor({ timeout: 10_000 });
    expect(await page.getByLabel('Токен доступа').count()).toBe(0);
    await other.close();
  });
});
