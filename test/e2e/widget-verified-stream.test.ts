// The chat widget in Chromium against the real service with a model that streams an invented price: the
// customer's screen never shows it, not even for a moment, while the verified sentences stream in.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

vi.setConfig({ testTimeout: 120_000 });

const REPLY =
  'Здравствуйте! Код подтверждения обычно приходит в течение минуты. Стоимость услуги составляет 1290 ₽ в месяц. Если SMS не пришло, подождите 60 секунд и нажмите «Отправить код повторно». Был рад помочь!';

let fake: FakeOpenAi;
let server: ServerProcess;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  fake.responder = (body) => {
    const user =
      ((body.messages as Array<{ role: string; content: string }> | undefined) ?? []).find(
        (message) => message.role === 'user',
      )?.content ?? '';
    if (!user.includes('<customer_message>')) return { kind: 'status', status: 500 };
    // Slowly, a few characters at a time, as a model writes: the widget would show the price mid-stream if it were sent.
    return {
      kind: 'content',
      content: JSON.stringify({
        citations: ['login-code-not-received-ru'],
        needsHuman: false,
        reason: '',
        confidence: 0.9,
        reply: REPLY,
      }),
      chunkSize: 6,
      pauseMs: 15,
    };
  };
  dataDir = await mkdtemp(join(tmpdir(), 'firstline-e2e-llm-'));
  server = await startServerProcess(
    {
      DATA_DIR: dataDir,
      SQLITE_SYNCHRONOUS: 'normal',
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: 'k',
      OPENAI_MODEL: 'fake-chat',
      LLM_TIMEOUT_MS: '20000',
    },
    120_000,
  );
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('chat widget with a model', () => {
  it('never puts an invented price on the screen while the verified reply streams in', async () => {
    const page = await browser.newPage({ locale: 'ru-RU' });
    // Record every state of the widget's text, from inside its shadow root, for the whole conversation.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = attach.call(this, init);
        new MutationObserver(() => seen.push(root.textContent ?? '')).observe(root, {
          subtree: true,
          childList: true,
          characterData: true,
        });
        return root;
      };
    });
    await page.goto(`${server.url}/chat`);
    const widget = page.locator('.firstline-widget');
    await widget.getByLabel('Ваше сообщение').fill('Не приходит код подтверждения по SMS');
    await widget.getByLabel('Ваше сообщение').press('Enter');
    const reply = widget.locator('li.msg.bot[data-action="answer"]');
    await expect.poll(() => reply.count(), { timeout: 30_000 }).toBe(1);
    const text = await reply.innerText();
    expect(text).toContain('подождите 60 секунд');
    expect(text).not.toContain('1290');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    // The reply arrived in pieces (the recording saw it grow), and no state of the screen ever held the price.
    expect(seen.filter((state) => state.includes('Код подтверждения обычно приходит')).length).toBeGreaterThan(1);
    expect(seen.filter((state) => state.includes('1290'))).toEqual([]);
    expect(fake.chatRequests.length).toBeGreaterThanOrEqual(1);
    await screenshot(page, '20-widget-verified-stream');
    await page.close();
  });
});
