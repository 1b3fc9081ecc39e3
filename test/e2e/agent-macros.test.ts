// Canned responses and keyboard shortcuts in a real browser against the real service: `/` in the reply box lists the
// ticket's language's macros, Enter inserts one with its placeholders filled (the greeting stays grammatical without
// a name), Escape keeps the text; j/k move through the queue, ? shows the shortcuts, and no shortcut fires while the
// agent types; a lead adds a macro on /lead and an agent finds it. In Russian and in English.
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
const contexts: BrowserContext[] = [];
const tokens = { maria: '', ann: '', lead: '' };

interface Chat {
  readonly conversationId: string;
  readonly ticketId: string;
}

const addAgent = (name: string, role: string) => addAgentTo(dataDir, name, role);

const call = (path: string, token: string, body?: unknown) => staffRequest(server.url, path, token, body);

/** A customer (with or without a name) asks for a person; the ticket is claimed by `claimedBy` when given. */
async function handoff(lang: 'ru' | 'en', name: string | undefined, claimedBy?: string): Promise<Chat> {
  const customer = name === undefined ? {} : { name };
  const created = (await (
    await fetch(`${server.url}/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lang, customer }),
    })
  ).json()) as { id: string; token: string };
  const text =
    lang === 'ru'
      ? 'Не работает интернет. Позовите оператора, пожалуйста.'
      : 'My internet is down. I want to talk to a human, please.';
  expect((await call(`/v1/conversations/${created.id}/messages`, created.token, { text })).status).toBe(200);
  const { tickets } = (await (await call('/v1/tickets', tokens.lead)).json()) as {
    tickets: { id: string; conversationId: string }[];
  };
  const ticket = tickets.find((entry) => entry.conversationId === created.id);
  if (ticket === undefined) throw new Error(`no ticket for ${text}`);
  if (claimedBy !== undefined) expect((await call(`/v1/tickets/${ticket.id}/claim`, claimedBy, {})).status).toBe(200);
  return { conversationId: created.id, ticketId: ticket.id };
}

async function signedIn(path: string, locale: string, token: string, label: string, button: string, who: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.getByLabel(label).fill(token);
  await page.getByRole('button', { name: button }).click();
  await page.getByText(who).waitFor();
  return page;
}

const listbox = (page: Page): Locator => page.getByRole('listbox');
const transcriptCount = (page: Page) => page.locator('[data-testid="transcript"] li').count();

async function openTicket(page: Page, ticketId: string): Promise<void> {
  await page.goto(`${server.url}/agent/tickets/${ticketId}`);
  await expect
    .poll(() => page.locator(`.ticket-item[aria-current="true"]`).getAttribute('data-ticket-id'))
    .toBe(ticketId);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firstline-macros-e2e-'));
  [tokens.maria, tokens.ann, tokens.lead] = await Promise.all([
    addAgent('Мария Петрова', 'agent'),
    addAgent('Ann Smith', 'agent'),
    addAgent('Ольга Лебедева', 'lead'),
  ]);
  server = await startServerProcess({
    DATA_DIR: dataDir,
    SQLITE_SYNCHRONOUS: 'normal',
    HANDOFFS_PER_SOURCE_PER_HOUR: '1000',
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('canned responses and shortcuts in Russian', () => {
  let page: Page;
  let named: Chat;
  let nameless: Chat;
  const reply = () => page.getByRole('textbox', { name: 'Ответ клиенту' });

  beforeAll(async () => {
    named = await handoff('ru', 'Анна', tokens.maria);
    nameless = await handoff('ru', undefined, tokens.maria);
    page = await signedIn('/agent', 'ru-RU', tokens.maria, 'Токен доступа', 'Войти', 'Мария Петрова (agent)');
  });

  it('lists macros after "/" and inserts the chosen one with the names filled, without sending it', async () => {
    await openTicket(page, named.ticketId);
    const before = await transcriptCount(page);
    await reply().fill('');
    await reply().pressSequentially('/привет');
    await expect.poll(() => listbox(page).isVisible()).toBe(true);
    const option = page.getByRole('option', { name: /Приветствие/ });
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await reply().getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await screenshot(page, '60-console-macro-picker');
    await reply().press('Enter');
    expect(await reply().inputValue()).toBe(
      'Здравствуйте, Анна! Меня зовут Мария Петрова, я помогу Вам разобраться с вопросом.',
    );
    expect(await listbox(page).isVisible()).toBe(false);
    await page.waitForTimeout(300);
    expect(await transcriptCount(page)).toBe(before);
  });

  it('moves through the list with the arrows and inserts after the text already written', async () => {
    await reply().fill('Спасибо за ожидание. ');
    await reply().press('End');
    await reply().pressSequentially('/');
    await expect.poll(() => listbox(page).getByRole('option').count()).toBeGreaterThan(2);
    await reply().press('ArrowDown');
    const second = listbox(page).getByRole('option').nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    const title = (await second.locator('strong').innerText()).trim();
    await reply().press('Enter');
    const value = await reply().inputValue();
    expect(value.startsWith('Спасибо за ожидание. ')).toBe(true);
    expect(value).not.toContain('/');
    expect(value.length).toBeGreaterThan('Спасибо за ожидание. '.length + 10);
    expect(title.length).toBeGreaterThan(0);
  });

  it('closes the list with Escape and keeps the text', async () => {
    await reply().fill('');
    await reply().pressSequentially('Смотрите /завер');
    await expect.poll(() => listbox(page).isVisible()).toBe(true);
    await reply().press('Escape');
    expect(await listbox(page).isVisible()).toBe(false);
    expect(await reply().inputValue()).toBe('Смотрите /завер');
    // Typing on after Escape leaves the list closed; a click on an option of a new list inserts it.
    await reply().pressSequentially('ш');
    await page.waitForTimeout(300);
    expect(await listbox(page).isVisible()).toBe(false);
    await reply().fill('');
    await reply().pressSequentially('/рад помочь');
    await page.getByRole('option', { name: /Завершение/ }).click();
    expect(await reply().inputValue()).toContain('Был рад помочь!');
  });

  it('keeps the greeting grammatical when the customer gave no name', async () => {
    await openTicket(page, nameless.ticketId);
    await reply().fill('');
    await reply().pressSequentially('/привет');
    await page.getByRole('option', { name: /Приветствие/ }).waitFor();
    await reply().press('Enter');
    expect(await reply().inputValue()).toBe(
      'Здравствуйте! Меня зовут Мария Петрова, я помогу Вам разобраться с вопросом.',
    );
    await reply().fill('');
  });

  it('moves through the queue with j and k, focuses the boxes with r, n and e, and claims with c', async () => {
    const waiting = await handoff('ru', 'Пётр');
    // No ticket open: j starts at the top of the queue.
    await page.goto(`${server.url}/agent`);
    await page.getByText('Мария Петрова (agent)').waitFor();
    await expect.poll(() => page.locator('.ticket-item').count()).toBeGreaterThanOrEqual(3);
    const ids = await page
      .locator('.ticket-item')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.ticketId ?? ''));
    const current = () => page.locator('.ticket-item[aria-current="true"]').getAttribute('data-ticket-id');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await expect.poll(current).toBe(ids[0]);
    await page.keyboard.press('j');
    await expect.poll(current).toBe(ids[1]);
    await page.keyboard.press('k');
    await expect.poll(current).toBe(ids[0]);

    await openTicket(page, named.ticketId);
    await page.locator('h3#notes-title').click();
    await page.keyboard.press('r');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reply-text');
    // Typing in the reply box types: "j" is a letter there, not the next ticket.
    await page.keyboard.type('jk?');
    expect(await reply().inputValue()).toBe('jk?');
    expect(await current()).toBe(named.ticketId);
    expect(await page.getByRole('dialog').isVisible()).toBe(false);
    await reply().fill('');
    await page.locator('h3#notes-title').click();
    await page.keyboard.press('n');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('note-text');
    await page.locator('h3#notes-title').click();
    await page.keyboard.press('e');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('resolution');
    expect(await page.locator('[data-testid="transcript"] li').count()).toBeGreaterThan(0);
    // Still open: e only brings the agent to the control.
    expect(await page.locator('#resolution').isVisible()).toBe(true);

    await openTicket(page, waiting.ticketId);
    await page.locator('h3#notes-title').click();
    await page.keyboard.press('c');
    await expect
      .poll(
        async () =>
          (
            (await (await call(`/v1/tickets/${waiting.ticketId}`, tokens.lead)).json()) as {
              ticket: { assigneeName: string | null };
            }
          ).ticket.assigneeName,
      )
      .toBe('Мария Петрова');
  });

  it('shows and hides the shortcuts with ?', async () => {
    await page.locator('h3#notes-title').click();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Горячие клавиши' });
    await help.waitFor();
    expect(await help.innerText()).toContain('Следующее обращение в очереди');
    await screenshot(page, '61-console-shortcuts-help');
    await page.keyboard.press('?');
    expect(await help.isVisible()).toBe(false);
    await page.keyboard.press('?');
    await help.waitFor();
    await page.keyboard.press('Escape');
    expect(await help.isVisible()).toBe(false);
  });

  it('finds a macro a lead added on /lead', async () => {
    const lead = await signedIn('/lead', 'ru-RU', tokens.lead, 'Токен доступа', 'Войти', 'Ольга Лебедева (lead)');
    await lead.getByRole('heading', { name: 'Шаблоны ответов' }).waitFor();
    await expect.poll(() => lead.locator('.macro-item').count()).toBeGreaterThan(0);
    await lead.getByLabel('Название', { exact: true }).fill('Плановые работы');
    await lead
      .getByLabel('Текст', { exact: true })
      .fill('{{customer.name}}, сейчас идут плановые работы, связь вернётся к 18:00.');
    await lead.getByRole('button', { name: 'Добавить шаблон' }).click();
    await lead.locator('.macro-item', { hasText: 'Плановые работы' }).waitFor();
    await screenshot(lead, '62-lead-macros');

    await openTicket(page, named.ticketId);
    await reply().fill('');
    await reply().pressSequentially('/плановые');
    await page.getByRole('option', { name: /Плановые работы/ }).waitFor();
    await reply().press('Enter');
    expect(await reply().inputValue()).toBe('Анна, сейчас идут плановые работы, связь вернётся к 18:00.');
    await reply().fill('');

    // The lead deletes it; the agent no longer finds it.
    lead.once('dialog', (dialog) => void dialog.accept());
    await lead.getByRole('button', { name: 'Удалить: Плановые работы' }).click();
    await expect.poll(() => lead.locator('.macro-item', { hasText: 'Плановые работы' }).count()).toBe(0);
    await reply().pressSequentially('/плановые');
    await page.getByText('Подходящих шаблонов нет').waitFor();
    // Enter with nothing to insert sends no stray "/words" to the customer.
    const before = await transcriptCount(page);
    await reply().press('Enter');
    await page.waitForTimeout(300);
    expect(await reply().inputValue()).toBe('/плановые');
    expect(await transcriptCount(page)).toBe(before);
    await reply().fill('');
  });
});

describe('canned responses in English', () => {
  it('inserts the English greeting on an English ticket, and a lead edits an English macro', async () => {
    const chat = await handoff('en', 'Ann', tokens.ann);
    const page = await signedIn('/agent', 'en-GB', tokens.ann, 'Access token', 'Sign in', 'Ann Smith (agent)');
    await openTicket(page, chat.ticketId);
    const reply = page.getByRole('textbox', { name: 'Reply to the customer' });
    await reply.pressSequentially('/greet');
    await page.getByRole('option', { name: /Greeting/ }).waitFor();
    await reply.press('Enter');
    expect(await reply.inputValue()).toBe('Hello, Ann! My name is Ann Smith and I will help you sort this out.');
    await reply.fill('');
    await page.locator('h3#notes-title').click();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');

    const lead = await signedIn('/lead', 'en-GB', tokens.lead, 'Access token', 'Sign in', 'Ольга Лебедева (lead)');
    await lead.getByRole('heading', { name: 'Canned responses' }).waitFor();
    expect(await lead.locator('#macros-lang').inputValue()).toBe('en');
    await lead.locator('.macro-item', { hasText: 'Closing' }).waitFor();
    await lead.getByRole('button', { name: 'Edit: Closing' }).click();
    await lead.getByLabel('Text', { exact: true }).fill('Thanks, {{customer.name}}! Glad I could help!');
    await lead.getByRole('button', { name: 'Save' }).click();
    await lead.locator('.macro-item', { hasText: 'Thanks, {{customer.name}}! Glad I could help!' }).waitFor();

    await reply.pressSequentially('/closing');
    await page.getByRole('option', { name: /Closing/ }).waitFor();
    await reply.press('Enter');
    expect(await reply.inputValue()).toBe('Thanks, Ann! Glad I could help!');
  });
});
