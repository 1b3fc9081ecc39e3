// The agent console's working day in a real browser against the real service: errors beside the action that failed
// (kept through live updates, with the agent's text), read-only closed tickets, unread marks for the agent's own
// tickets, links to a ticket, one sign-in per browser, and the reply box beside the latest messages at 1280×800.
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
const tokens = { maria: '', ivan: '', lead: '' };

interface Chat {
  readonly conversationId: string;
  readonly token: string;
  readonly ticketId: string;
}

const addAgent = (name: string, role: string) => addAgentTo(dataDir, name, role);

const call = (path: string, token: string, body?: unknown) => staffRequest(server.url, path, token, body);

async function say(chat: Pick<Chat, 'conversationId' | 'token'>, text: string): Promise<void> {
  const response = await call(`/v1/conversations/${chat.conversationId}/messages`, chat.token, { text });
  expect(response.status).toBe(200);
}

/** A customer asks for a person; the ticket is claimed by `claimedBy` when given. */
async function handoff(problem: string, claimedBy?: string): Promise<Chat> {
  const created = (await (await fetch(`${server.url}/v1/conversations`, { method: 'POST' })).json()) as {
    id: string;
    token: string;
  };
  const chat = { conversationId: created.id, token: created.token };
  await say(chat, `${problem} Позовите оператора, пожалуйста.`);
  const { tickets } = (await (await call('/v1/tickets', tokens.maria)).json()) as {
    tickets: { id: string; conversationId: string }[];
  };
  const ticket = tickets.find((entry) => entry.conversationId === chat.conversationId);
  if (ticket === undefined) throw new Error(`no ticket for ${problem}`);
  if (claimedBy !== undefined) expect((await call(`/v1/tickets/${ticket.id}/claim`, claimedBy, {})).status).toBe(200);
  return { ...chat, ticketId: ticket.id };
}

const item = (id: string): Locator => page.locator(`.ticket-item[data-ticket-id="${id}"]`);
const transcript = (): Locator => page.locator('[data-testid="transcript"] li');
const replyBox = (): Locator => page.getByRole('textbox', { name: 'Ответ клиенту' });

/** Whether the element is wholly inside the window. */
function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firstline-console-'));
  [tokens.maria, tokens.ivan, tokens.lead] = await Promise.all([
    addAgent('Мария Петрова', 'agent'),
    addAgent('Иван Соколов', 'agent'),
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

describe('agent console', () => {
  let internet: Chat;

  it('opens a ticket from its link, with the latest messages and the reply box both in view at 1280×800', async () => {
    internet = await handoff('Не работает интернет третий день.', tokens.maria);
    for (let index = 1; index <= 8; index += 1) await say(internet, `Подробность номер ${index}: роутер мигает.`);
    await page.goto(`${server.url}/agent/tickets/${internet.ticketId}`);
    await page.getByText('Мария Петрова (agent)').waitFor();
    await expect.poll(() => transcript().count(), { timeout: 10_000 }).toBe(10);
    expect(await item(internet.ticketId).getAttribute('aria-current')).toBe('true');
    expect(new URL(page.url()).pathname).toBe(`/agent/tickets/${internet.ticketId}`);
    expect(await inViewport(transcript().last())).toBe(true);
    expect(await transcript().last().innerText()).toContain('Подробность номер 8');
    expect(await inViewport(replyBox())).toBe(true);
    // The transcript scrolls in its own box: the page itself does not.
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(true);
    await screenshot(page, '20-console-deep-link-layout');
  });

  it('keeps a failed reply and its error beside the reply box through live updates until a reply goes out', async () => {
    const tooLong = `Здравствуйте! ${'очень длинный ответ '.repeat(600)}`;
    await replyBox().fill(tooLong);
    await replyBox().press('Enter');
    const error = page.locator('[data-testid="reply-error"]');
    await error.getByRole('paragraph').waitFor({ timeout: 10_000 });
    expect(await error.innerText()).toMatch(/Не получилось/);
    // Beside the reply box, inside the same card.
    expect(await page.locator('.composer [data-testid="reply-error"]').count()).toBe(1);
    expect(await inViewport(error)).toBe(true);

    // A live event redraws the transcript: the error and the text stay.
    await say(internet, 'Алло, вы меня слышите?');
    await expect.poll(() => transcript().last().innerText(), { timeout: 10_000 }).toContain('Алло');
    await page.waitForTimeout(300);
    expect(await error.innerText()).toMatch(/Не получилось/);
    expect(await replyBox().inputValue()).toBe(tooLong);
    // The transcript stays at its newest message though the error took room from it.
    expect(await inViewport(transcript().last())).toBe(true);
    await screenshot(page, '21-console-reply-error-kept');

    // A reply that goes out clears the error and the box.
    await replyBox().fill('Здравствуйте! Проверяю вашу линию.');
    await replyBox().press('Enter');
    await page.locator('[data-testid="transcript"] li.agent').waitFor({ timeout: 10_000 });
    await expect.poll(() => error.innerText()).toBe('');
    expect(await replyBox().inputValue()).toBe('');

    // A failed note keeps its text beside the note form; the close button dismisses the error.
    await page.getByLabel('Заметка (клиент её не видит)').fill(`x${' заметка'.repeat(1500)}`);
    await page.getByRole('button', { name: 'Добавить заметку' }).click();
    const noteError = page.locator('[data-testid="note-error"]');
    await noteError.getByRole('paragraph').waitFor({ timeout: 10_000 });
    expect(await page.getByLabel('Заметка (клиент её не видит)').inputValue()).toMatch(/^x заметка/);
    await noteError.getByRole('button', { name: 'Скрыть' }).click();
    expect(await noteError.innerText()).toBe('');
  });

  it('marks a customer message in another of the agent’s tickets unread and says so in the title', async () => {
    const billing = await handoff('Списали деньги дважды за тариф.', tokens.maria);
    const other = await handoff('Вопрос по роумингу.', tokens.ivan);
    await item(billing.ticketId).waitFor({ timeout: 10_000 });
    const title = await page.title();
    await say(billing, 'Деньги так и не вернули!');
    await say(other, 'И ещё вопрос.');
    await item(billing.ticketId).locator('[data-testid="unread"]').waitFor({ timeout: 10_000 });
    expect(await page.title()).toMatch(/^\(1\) Новые сообщения — /);
    // Only the agent's own tickets are marked.
    expect(await item(other.ticketId).locator('[data-testid="unread"]').count()).toBe(0);
    await screenshot(page, '22-console-unread');

    await item(billing.ticketId).click();
    await expect.poll(() => transcript().last().innerText(), { timeout: 10_000 }).toContain('так и не вернули');
    expect(await item(billing.ticketId).locator('[data-testid="unread"]').count()).toBe(0);
    expect(await page.title()).toBe(title);
    // Choosing a ticket puts it in the address, so a reload opens it again.
    expect(new URL(page.url()).pathname).toBe(`/agent/tickets/${billing.ticketId}`);
    await page.reload();
    await expect.poll(() => transcript().last().innerText(), { timeout: 10_000 }).toContain('так и не вернули');
    // The open ticket's transcript follows the customer live.
    await say(billing, 'Жду ответа.');
    await expect.poll(() => transcript().last().innerText(), { timeout: 10_000 }).toContain('Жду ответа');
  });

  it('shows a resolved ticket read-only, without actions that cannot work', async () => {
    await page.goto(`${server.url}/agent/tickets/${internet.ticketId}`);
    await page.getByRole('button', { name: 'Решено', exact: true }).click();
    await page.locator('[data-testid="read-only-banner"]').waitFor({ timeout: 10_000 });
    for (const name of ['Решено', 'Передать в группу', 'Вернуть боту', 'Взять в работу', 'Отправить'])
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await replyBox().isVisible()).toBe(false);
    expect(await page.locator('[data-testid="actions-error"]').innerText()).toBe('');
    expect(await transcript().count()).toBeGreaterThan(10);
    await screenshot(page, '23-console-resolved-read-only');

    // Closed by a lead while the agent was typing: the text stays, though it can no longer be sent.
    const closing = await handoff('Не приходят СМС.', tokens.maria);
    await page.goto(`${server.url}/agent/tickets/${closing.ticketId}`);
    await replyBox().fill('Сейчас проверю');
    expect((await call('/v1/ticket-closures', tokens.lead, { ticketIds: [closing.ticketId] })).status).toBe(200);
    await page.locator('[data-testid="read-only-banner"]').waitFor({ timeout: 10_000 });
    expect(await replyBox().inputValue()).toBe('Сейчас проверю');
    expect(await page.getByRole('button', { name: 'Отправить', exact: true }).isDisabled()).toBe(true);
  });

  it('keeps the sign-in for every tab of the browser, and signing out in one signs out the others', async () => {
    const second = await context.newPage();
    await second.goto(`${server.url}/agent`);
    await second.getByText('Мария Петрова (agent)').waitFor({ timeout: 10_000 });
    expect(await second.getByLabel('Токен доступа').count()).toBe(0);
    await screenshot(second, '24-console-second-tab');
    await second.getByRole('button', { name: 'Выйти', exact: true }).click();
    await page.getByLabel('Токен доступа').waitFor({ timeout: 10_000 });
    await second.close();
  });
});
