// Customer identity from the host page to the agent's sidebar, in Chromium against the real service: a shop page
// names its customer in the widget's script tag (signed with IDENTITY_SECRET) or through `Firstline.identify`, the
// customer asks for a person, and the agent sees the "verified" badge, the attributes, the page the customer was on
// and their earlier conversation, beside a transcript and reply box that keep their room at 1280×800.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { identityHash } from '../../src/core/conversation/identity.ts';
import { addAgentTo } from '../support/staff.ts';
import { launchChromium, screenshot } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

vi.setConfig({ testTimeout: 60_000 });

const SECRET = 'shop-backend-secret-5d1c7e0a9b';
const ASK_FOR_PERSON = 'Не проходит оплата картой. Позовите оператора, пожалуйста.';

let server: ServerProcess;
let browser: Browser;
let dataDir: string;
let agentToken = '';
let agent: BrowserContext;
let console_: Page;
let site: Server;
let siteUrl = '';

interface TicketRow {
  readonly id: string;
  readonly status: string;
  readonly customer: { readonly id?: string };
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The shop's pages: `/account/billing` names the customer in data-* attributes; `/js-api` queues an identify call. */
async function shopPage(path: string): Promise<string> {
  const widget = `${server.url}/widget.js`;
  if (path.startsWith('/account/billing')) {
    const attributes = JSON.stringify({ plan: 'Optima', account: 'ACC-1001', note: '<b>VIP</b>' });
    return `<script src="${widget}" data-user-id="crm-42" data-user-name="Анна Петрова" data-user-email="anna@example.com" data-user-hash="${await identityHash(SECRET, 'crm-42')}" data-user-attributes="${escapeAttribute(attributes)}" defer></script>`;
  }
  if (path.startsWith('/js-api')) {
    const user = {
      id: 'crm-77',
      name: 'Boris Ivanov',
      email: 'boris@example.com',
      attributes: { plan: 'Maximum' },
      hash: await identityHash(SECRET, 'crm-77'),
    };
    return `<script>window.Firstline = window.Firstline || { q: [], identify: function (user) { this.q.push(['identify', user]); } };
Firstline.identify(${JSON.stringify(user)});</script><script src="${widget}" defer></script>`;
  }
  return `<script src="${widget}" defer></script>`;
}

async function staff(path: string, method = 'GET', body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function waitingTicketOf(customerId: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const { tickets } = (await (await staff('/v1/tickets')).json()) as { tickets: TicketRow[] };
        found = tickets.find((entry) => entry.customer.id === customerId && entry.status === 'waiting')?.id;
        return found !== undefined;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return found ?? '';
}

/** A customer on `path` of the shop opens the widget and asks for a person; the ticket that opens. */
async function customerAsksForPerson(path: string, customerId: string, beforeAsking?: (page: Page) => Promise<void>) {
  const customer = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1024, height: 768 } });
  const page = await customer.newPage();
  await page.goto(`${siteUrl}${path}`);
  await beforeAsking?.(page);
  const widget = page.locator('.firstline-widget');
  await widget.locator('button.launcher').click();
  const box = widget.locator('textarea#fl-input');
  await box.fill(ASK_FOR_PERSON);
  await box.press('Enter');
  await widget.locator('li.msg.bot[data-action="handoff"]').waitFor({ timeout: 20_000 });
  const ticketId = await waitingTicketOf(customerId);
  await customer.close();
  return ticketId;
}

const sidebar = (): Locator => console_.locator('[data-testid="customer-context"]');

/** Whether the element is wholly inside the window. */
function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  });
}

async function openTicket(ticketId: string): Promise<void> {
  expect((await staff(`/v1/tickets/${ticketId}/claim`, 'POST')).status).toBe(200);
  await console_.goto(`${server.url}/agent/tickets/${ticketId}`);
  await sidebar().locator('[data-testid="identity-badge"]').waitFor({ timeout: 10_000 });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firstline-e2e-context-'));
  agentToken = await addAgentTo(dataDir, 'Мария', 'agent');
  [server, browser] = await Promise.all([
    startServerProcess(
      {
        DATA_DIR: dataDir,
        SQLITE_SYNCHRONOUS: 'normal',
        IDENTITY_SECRET: SECRET,
        HANDOFFS_PER_SOURCE_PER_HOUR: '1000',
      },
      120_000,
    ),
    launchChromium(),
  ]);
  site = createServer((request, response) => {
    void shopPage(request.url ?? '/').then((scripts) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="ru"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Магазин</title></head><body><h1>Магазин «Комета»</h1>${scripts}</body></html>`,
      );
    });
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const address = site.address();
  siteUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  agent = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
  console_ = await agent.newPage();
  await console_.goto(`${server.url}/agent`);
  await console_.getByLabel('Токен доступа').fill(agentToken);
  await console_.getByRole('button', { name: 'Войти' }).click();
  await console_.getByText('Мария (agent)').waitFor();
}, 180_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (site === undefined ? resolve() : site.close(() => resolve())));
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('customer context for agents', () => {
  it('shows a customer named by the script tag as verified, with attributes, page and an earlier conversation', async () => {
    // Last week Anna wrote from the same signed-in account; her request was solved and she rated it.
    const earlier = (await (
      await fetch(`${server.url}/v1/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customer: { id: 'crm-42', userHash: await identityHash(SECRET, 'crm-42') } }),
      })
    ).json()) as { id: string; token: string };
    const customerCall = (path: string, body: unknown) =>
      fetch(`${server.url}/v1/conversations/${earlier.id}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${earlier.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await customerCall('/messages', { text: ASK_FOR_PERSON })).status).toBe(200);
    const earlierTicket = await waitingTicketOf('crm-42');
    expect((await staff(`/v1/tickets/${earlierTicket}/claim`, 'POST')).status).toBe(200);
    expect((await staff(`/v1/tickets/${earlierTicket}/resolve`, 'POST', { resolution: 'solved' })).status).toBe(200);
    expect((await customerCall('/rating', { score: 5 })).status).toBe(201);

    const ticketId = await customerAsksForPerson('/account/billing?invoice=7', 'crm-42');
    await openTicket(ticketId);
    expect(await sidebar().locator('[data-testid="identity-badge"]').innerText()).toBe('Подтверждён');
    const text = await sidebar().innerText();
    for (const shown of ['Анна Петрова', 'anna@example.com', 'crm-42', 'Optima', 'ACC-1001', 'RU', 'web'])
      expect(text).toContain(shown);
    // The host page's data is text, never markup.
    expect(text).toContain('<b>VIP</b>');
    expect(await sidebar().locator('b').count()).toBe(0);
    const pageLink = sidebar().locator('a.page-link');
    expect(await pageLink.getAttribute('href')).toBe(`${siteUrl}/account/billing?invoice=7`);
    expect(await pageLink.getAttribute('rel')).toBe('noopener noreferrer');
    const previous = sidebar().locator('[data-testid="previous-conversations"] li');
    expect(await previous.count()).toBe(1);
    expect(await previous.locator('a').getAttribute('href')).toBe(`/agent/tickets/${earlierTicket}`);
    expect(await previous.innerText()).toContain('solved');
    expect(await previous.innerText()).toContain('5/5');

    // Beside the sidebar the latest message and the reply box stay in view, and the page itself does not scroll.
    expect(await inViewport(sidebar().locator('[data-testid="identity-badge"]'))).toBe(true);
    expect(await inViewport(console_.locator('[data-testid="transcript"] li').last())).toBe(true);
    expect(await inViewport(console_.getByRole('textbox', { name: 'Ответ клиенту' }))).toBe(true);
    expect(await console_.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(true);
    await screenshot(console_, '40-console-customer-context');

    await previous.locator('a').click();
    await expect.poll(() => new URL(console_.url()).pathname).toBe(`/agent/tickets/${earlierTicket}`);
  });

  it('takes the customer from Firstline.identify called before the widget loads', async () => {
    const ticketId = await customerAsksForPerson('/js-api', 'crm-77');
    await openTicket(ticketId);
    expect(await sidebar().locator('[data-testid="identity-badge"]').innerText()).toBe('Подтверждён');
    const text = await sidebar().innerText();
    for (const shown of ['Boris Ivanov', 'boris@example.com', 'crm-77', 'Maximum']) expect(text).toContain(shown);
    expect(await sidebar().locator('[data-testid="previous-conversations"]').count()).toBe(0);
  });

  it('takes the customer from Firstline.identify called after the widget loaded, unverified without a hash', async () => {
    const ticketId = await customerAsksForPerson('/plain', 'crm-90', async (page) => {
      await page.locator('.firstline-widget').waitFor({ state: 'attached' });
      await page.evaluate(() => {
        const host = window as unknown as { Firstline?: { identify?: (user: unknown) => void } };
        host.Firstline?.identify?.({ id: 'crm-90', name: 'Guest Claim', attributes: { plan: 'Start' } });
      });
    });
    await openTicket(ticketId);
    expect(await sidebar().locator('[data-testid="identity-badge"]').innerText()).toBe('Не подтверждён');
    expect(await sidebar().innerText()).toContain('Guest Claim');
    expect(await sidebar().locator('a.page-link').getAttribute('href')).toBe(`${siteUrl}/plain`);
  });

  it('shows a page that is not an http(s) address as text, never as a link', async () => {
    const opened = (await (
      await fetch(`${server.url}/v1/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customer: { id: 'crm-js' }, page: 'javascript:alert(document.cookie)' }),
      })
    ).json()) as { id: string; token: string };
    const asked = await fetch(`${server.url}/v1/conversations/${opened.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${opened.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: ASK_FOR_PERSON }),
    });
    expect(asked.status).toBe(200);
    await openTicket(await waitingTicketOf('crm-js'));
    expect(await sidebar().innerText()).toContain('javascript:alert(document.cookie)');
    expect(await sidebar().locator('a.page-link').count()).toBe(0);
    expect(await sidebar().locator('a[href^="javascript:"]').count()).toBe(0);
  });
});
