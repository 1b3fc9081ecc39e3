// Typing indicators in Chromium against the real service, in Russian and in English: the assignee typing in the
// console shows "<name> is typing…" in the customer's widget until the reply arrives, and the customer typing in the
// widget shows "Customer is typing…" beside the open ticket's transcript.
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

async function addAgent(name: string): Promise<string> {
  return addAgentTo(dataDir, name, 'agent');
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firstline-e2e-typing-'));
  server = await startServerProcess({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'normal' }, 120_000);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const CASES = [
  {
    lang: 'ru',
    locale: 'ru-RU',
    agent: 'Мария',
    handoff: 'Позовите оператора, пожалуйста. Не работает интернет.',
    messageLabel: 'Ваше сообщение',
    tokenLabel: 'Токен доступа',
    signIn: 'Войти',
    replyLabel: 'Ответ клиенту',
    agentTyping: 'Специалист Мария печатает…',
    customerTyping: 'Клиент печатает…',
  },
  {
    lang: 'en',
    locale: 'en-US',
    agent: 'Maria',
    handoff: 'I want to talk to a human, please. My router keeps rebooting.',
    messageLabel: 'Your message',
    tokenLabel: 'Access token',
    signIn: 'Sign in',
    replyLabel: 'Reply to the customer',
    agentTyping: 'Maria is typing…',
    customerTyping: 'Customer is typing…',
  },
] as const;

describe('typing indicators', () => {
  for (const language of CASES) {
    it(`shows each side the other typing (${language.lang})`, async () => {
      const token = await addAgent(language.agent);
      const staff = (path: string, method = 'GET') =>
        fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });

      const customer = await browser.newPage({ locale: language.locale, viewport: { width: 420, height: 800 } });
      await customer.goto(`${server.url}/chat?lang=${language.lang}`);
      const widget = customer.locator('.firstline-widget');
      const box = widget.getByLabel(language.messageLabel);
      await box.fill(language.handoff);
      await box.press('Enter');
      await expect.poll(() => widget.locator('li.msg.bot[data-action="handoff"]').count(), { timeout: 30_000 }).toBe(1);
      const { tickets } = (await (await staff('/v1/tickets?status=waiting')).json()) as {
        tickets: Array<{ id: string }>;
      };
      const ticketId = tickets[0]?.id ?? '';
      expect((await staff(`/v1/tickets/${ticketId}/claim`, 'POST')).status).toBe(200);
      // The widget learns that a person took the conversation (its name is in the notice).
      await expect.poll(() => widget.locator('.notice').innerText(), { timeout: 15_000 }).toContain(language.agent);

      const context = await browser.newContext({ locale: language.locale, viewport: { width: 1280, height: 800 } });
      const desk = await context.newPage();
      await desk.goto(`${server.url}/agent?lang=${language.lang}`);
      await desk.getByLabel(language.tokenLabel).fill(token);
      await desk.getByRole('button', { name: language.signIn }).click();
      await desk.getByText(`${language.agent} (agent)`).waitFor();
      await desk.goto(`${server.url}/agent/tickets/${ticketId}?lang=${language.lang}`);
      const reply = desk.getByRole('textbox', { name: language.replyLabel });
      await reply.waitFor();

      // The agent types: the customer sees who, once, in a polite live region.
      const agentTyping = widget.locator('.agent-typing');
      expect(await agentTyping.isHidden()).toBe(true);
      await reply.pressSequentially('Здравствуйте');
      await expect.poll(() => agentTyping.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await agentTyping.innerText()).toBe(language.agentTyping);
      expect(await agentTyping.getAttribute('aria-live')).toBe('polite');
      await screenshot(customer, `62-widget-agent-typing-${language.lang}`);

      // The customer types: the open ticket says so beside its transcript.
      const customerTyping = desk.locator('.transcript-card .customer-typing');
      await box.pressSequentially('One more thing');
      await expect.poll(() => customerTyping.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await customerTyping.innerText()).toBe(language.customerTyping);
      await screenshot(desk, `63-console-customer-typing-${language.lang}`);

      // The reply arrives: the indicator goes; the customer clearing the box stops theirs.
      await reply.press('Enter');
      await expect.poll(() => widget.locator('li.msg.agent').count(), { timeout: 15_000 }).toBe(1);
      expect(await agentTyping.isHidden()).toBe(true);
      await box.fill('');
      await box.dispatchEvent('input');
      await expect.poll(() => customerTyping.isHidden(), { timeout: 10_000 }).toBe(true);
      await context.close();
      await customer.close();
    });
  }
});
