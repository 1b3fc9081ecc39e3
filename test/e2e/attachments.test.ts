// Files both ways in Chromium against the real service, in Russian and in English: the customer attaches a PNG in the
// widget (and is told at once, in their language, when a file is of the wrong type), the agent sees it inline in the
// console and replies with a PDF, and the customer gets a link with its name and size.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addAgentTo } from '../support/staff.ts';
import { launchChromium, screenshot } from '../support/browser.ts';
import { pdfDocument, pngImage } from '../support/sample-files.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

vi.setConfig({ testTimeout: 60_000 });

let server: ServerProcess;
let browser: Browser;
let dataDir: string;
let agentToken = '';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firstline-e2e-attachments-'));
  agentToken = await addAgentTo(dataDir, 'Мария', 'agent');
  [server, browser] = await Promise.all([
    startServerProcess({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'normal', HANDOFFS_PER_SOURCE_PER_HOUR: '1000' }),
    launchChromium(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const staff = (path: string, method = 'GET') =>
  fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${agentToken}` } });

const CASES = [
  {
    lang: 'ru',
    handoff: 'Позовите оператора, пожалуйста, роутер не работает.',
    caption: 'Вот что на экране',
    wrongType: 'нельзя прикрепить',
    attach: 'Прикрепить файл (изображение или PDF)',
    send: 'Отправить',
    pdfName: 'Инструкция.pdf',
  },
  {
    lang: 'en',
    handoff: 'I want to talk to a human, please. My router keeps rebooting.',
    caption: 'This is what the screen shows',
    wrongType: 'cannot be attached',
    attach: 'Attach a file (image or PDF)',
    send: 'Send',
    pdfName: 'Guide.pdf',
  },
] as const;

describe('attachments in the widget and the console', () => {
  for (const entry of CASES) {
    it(`carries a screenshot to the agent and a PDF back to the customer (${entry.lang})`, async () => {
      const customer = await browser.newPage({ locale: `${entry.lang}-RU`, viewport: { width: 480, height: 800 } });
      await customer.goto(`${server.url}/chat?lang=${entry.lang}`);
      const widget = customer.locator('.firstline-widget');
      const box = widget.locator('textarea#fl-input');
      await box.fill(entry.handoff);
      await box.press('Enter');
      await widget.locator('p.notice').waitFor({ state: 'visible', timeout: 20_000 });
      const stored = await customer.evaluate(() =>
        Object.entries(localStorage).find(([key]) => key.startsWith('firstline:conversation:')),
      );
      const conversationId = (JSON.parse(stored?.[1] ?? '{}') as { id?: string }).id;
      const { tickets } = (await (await staff('/v1/tickets')).json()) as {
        tickets: Array<{ id: string; conversationId: string }>;
      };
      const ticket = tickets.find((candidate) => candidate.conversationId === conversationId);
      if (ticket === undefined) throw new Error('no ticket');
      expect((await staff(`/v1/tickets/${ticket.id}/claim`, 'POST')).status).toBe(200);

      // A file of the wrong type is refused at once, in the customer's language; the paperclip is labelled.
      const attach = widget.getByRole('button', { name: entry.attach });
      await attach.focus();
      const fileInput = widget.locator('input[type="file"]');
      await fileInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
      await expect.poll(() => widget.locator('.error').innerText()).toContain(entry.wrongType);

      await fileInput.setInputFiles({
        name: 'screen.png',
        mimeType: 'image/png',
        buffer: Buffer.from(pngImage(40, 30)),
      });
      await widget.locator('.pending-files li').filter({ hasText: 'screen.png' }).waitFor();
      await box.fill(entry.caption);
      await box.press('Enter');
      const ownImage = widget.locator('li.msg.customer img.attachment-image[alt="screen.png"]');
      await ownImage.waitFor({ timeout: 20_000 });
      await expect.poll(() => widget.locator('.pending-files li').count()).toBe(0);

      const agentContext = await browser.newContext({
        locale: `${entry.lang}-RU`,
        viewport: { width: 1280, height: 800 },
      });
      await agentContext.addInitScript((token) => localStorage.setItem('firstline:agent-token', token), agentToken);
      const agent = await agentContext.newPage();
      await agent.goto(`${server.url}/agent/tickets/${ticket.id}?lang=${entry.lang}`);
      const image = agent.locator('[data-testid="transcript"] li.customer img.attachment-image[alt="screen.png"]');
      await image.waitFor({ timeout: 20_000 });
      await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(40);
      await screenshot(agent, `60-console-attachment-${entry.lang}`);

      await agent
        .locator('.composer input[type="file"]')
        .setInputFiles({ name: entry.pdfName, mimeType: 'application/pdf', buffer: Buffer.from(pdfDocument()) });
      await agent.locator('.composer .pending-files li').filter({ hasText: entry.pdfName }).waitFor();
      await agent.locator('.composer').getByRole('button', { name: entry.send, exact: true }).click();
      await agent.locator('[data-testid="transcript"] li.agent a.attachment.file').waitFor({ timeout: 20_000 });

      const link = widget.locator('li.msg.agent a.attachment.file');
      await link.waitFor({ timeout: 20_000 });
      expect(await link.innerText()).toMatch(new RegExp(`^${entry.pdfName.replace('.', '\\.')} \\(\\d+ (B|Б)\\)$`));
      expect(await link.getAttribute('download')).toBe(entry.pdfName);
      await screenshot(customer, `61-widget-attachment-${entry.lang}`);
      await agentContext.close();
      await customer.close();
    });
  }
});
