// Stored XSS through the web UI, in real Chromium: script payloads in everything a customer or a staff member
// writes that a page shows (customer messages, hence the ticket summary; the customer profile; agent replies, notes
// and names), rendered by the widget on /chat and embedded on a site without a script policy, the agent console and
// the lead dashboard. Nothing may run, nothing may become markup or a javascript: link, and each payload must show
// as the text it is.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeArticleSource } from '../../src/adapters/fs/knowledge-article-source.ts';
import { uiAssets } from '../../src/adapters/http/ui-bundle.ts';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { ROOT } from '../run-cli.ts';
import { launchChromium, screenshot } from '../support/browser.ts';
import { sampleKnowledge, testService, type TestService } from '../support/test-service.ts';
import { GENEROUS_LIMITS, handedOff, type HandedOff } from './support.ts';
import { pdfDocument, pngImage } from '../support/sample-files.ts';

const PAYLOADS = {
  img: '<img src=x onerror=window.__xss=1>',
  script: '<script>window.__xss=1</script>',
  svg: '"><svg onload=window.__xss=1>',
  url: 'javascript:window.__xss=1',
  markdown: '[click me](javascript:window.__xss=1)',
} as const;
const ALL = Object.values(PAYLOADS);

const AGENT_NAME = `${PAYLOADS.img} Mallory`;
const LEAD_NAME = `${PAYLOADS.svg} Lena`;
const FIRST_MESSAGE = `I want to talk to a human about my bill ${PAYLOADS.img} ${PAYLOADS.script}`;
/** Hostile file names: an image the customer sends, a PDF the agent sends back. */
const IMAGE_NAME = `${PAYLOADS.img}.png`;
const PDF_NAME = `${PAYLOADS.svg}.pdf`;
const CUSTOMER = { id: 'crm-xss', name: PAYLOADS.script, plan: PAYLOADS.svg, email: 'mallory@example.com' };

/**
 * Markup a payload would leave if it were parsed as HTML, in the page and every open shadow root: inline event
 * handler attributes, javascript: URLs, scripts that mention the marker, and the payloads' own elements. The page's
 * script policy would block the handlers, so the markup itself is the finding.
 */
const INJECTED_MARKUP = `(() => {
  const found = [];
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) {
        const value = element.getAttribute(name) ?? '';
        if (/^on/i.test(name)) found.push(element.tagName + '[' + name + '="' + value + '"]');
        if (/javascript:/i.test(value)) found.push(element.tagName + '[' + name + '="' + value + '"]');
      }
      if (element.tagName === 'SCRIPT' && /__xss/.test(element.textContent ?? '')) found.push('script: ' + element.textContent);
      if (element.tagName === 'IMG' && element.getAttribute('src') === 'x') found.push('img[src=x]');
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return found;
})()`;

/** Records script-policy violations: a blocked inline handler means markup got into the page. */
const RECORD_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) => {
  (window.__violations = window.__violations || []).push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sample);
});`;

let service: TestService;
let http: ServerType;
let url = '';
let browser: Browser;
let victim: HandedOff;
const tokens = { agent: newToken(), lead: newToken() };

function listen(): Promise<ServerType> {
  return new Promise((resolve) => {
    const instance = serve({ fetch: service.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(instance));
  });
}

async function api(path: string, token: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

beforeAll(async () => {
  const { knowledge } = await sampleKnowledge();
  let buildError: unknown;
  service = await testService(GENEROUS_LIMITS, {
    deps: {
      uiAsset: uiAssets((error) => (buildError = error)),
      articles: knowledgeArticleSource(join(ROOT, 'knowledge'), knowledge.stored.snapshot.manifest.articles, 262_144),
    },
  });
  if (buildError !== undefined) throw buildError;
  http = await listen();
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const agent = await service.agents.addAgent(AGENT_NAME, 'agent', tokens.agent);
  await service.agents.addAgent(LEAD_NAME, 'lead', tokens.lead);

  victim = await handedOff(service, FIRST_MESSAGE, CUSTOMER);
  for (const payload of ALL)
    await api(`/v1/conversations/${victim.conversationId}/messages`, victim.token, { text: payload });
  await service.agents.claim(victim.ticketId, agent);
  for (const payload of ALL) {
    await api(`/v1/tickets/${victim.ticketId}/messages`, tokens.agent, { text: `reply ${payload}` });
    await api(`/v1/tickets/${victim.ticketId}/notes`, tokens.agent, { text: `note ${payload}` });
  }
  const image = await service.attachments.upload({
    conversationId: victim.conversationId,
    name: IMAGE_NAME,
    content: pngImage(8, 8),
    uploadedBy: 'customer',
  });
  await api(`/v1/conversations/${victim.conversationId}/messages`, victim.token, {
    text: 'a file',
    attachmentIds: [image.id],
  });
  const pdf = await service.attachments.upload({
    conversationId: victim.conversationId,
    name: PDF_NAME,
    content: pdfDocument(),
    uploadedBy: 'agent',
  });
  await api(`/v1/tickets/${victim.ticketId}/messages`, tokens.agent, { text: 'a document', attachmentIds: [pdf.id] });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (http === undefined ? resolve() : http.close(() => resolve())));
  await service?.close();
});

async function newPage(storage?: {
  origin: string;
  conversation: HandedOff;
}): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
  await context.addInitScript(RECORD_VIOLATIONS);
  if (storage !== undefined) {
    const key = JSON.stringify(`firstline:conversation:${url}`);
    const value = JSON.stringify(
      JSON.stringify({ id: storage.conversation.conversationId, token: storage.conversation.token }),
    );
    await context.addInitScript(
      `if (location.origin === ${JSON.stringify(storage.origin)}) localStorage.setItem(${key}, ${value});`,
    );
  }
  return { page: await context.newPage(), context };
}

/** Every payload shows as text somewhere among `selector`'s elements (waiting for the page to draw it). */
async function expectShownAsText(page: Page, selector: string, texts: readonly string[]): Promise<void> {
  for (const text of texts) {
    await expect
      .poll(() => page.locator(selector, { hasText: text }).count(), {
        message: `"${text}" shown in ${selector}`,
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
  }
}

async function expectInert(page: Page, where: string): Promise<void> {
  expect(await page.evaluate<unknown>('window.__xss'), `${where}: a payload ran`).toBeUndefined();
  expect(await page.evaluate<string[]>(INJECTED_MARKUP), `${where}: payload markup in the DOM`).toEqual([]);
  expect(await page.evaluate<unknown>('window.__violations ?? []'), `${where}: script-policy violations`).toEqual([]);
}

async function signIn(page: Page, path: string, token: string): Promise<void> {
  await page.goto(`${url}${path}?lang=en`);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('hostile text in the data the pages render', () => {
  it('reached the ticket summary, so the console test covers it', async () => {
    const details = (await api(`/v1/tickets/${victim.ticketId}`, tokens.agent)) as {
      ticket: { summary: { problem: string } };
    };
    expect(details.ticket.summary.problem).toContain(PAYLOADS.img);
  });
});

describe('the customer widget', () => {
  it('shows customer messages, agent replies and the agent name on /chat as text, live ones too', async () => {
    const { page, context } = await newPage({ origin: url, conversation: victim });
    try {
      await page.goto(`${url}/chat?lang=en`);
      await expectShownAsText(page, '.firstline-widget li.msg.customer', [FIRST_MESSAGE, ...ALL]);
      await expectShownAsText(
        page,
        '.firstline-widget li.msg.agent',
        ALL.map((payload) => `reply ${payload}`),
      );
      await expectShownAsText(page, '.firstline-widget li.msg.agent .who', [AGENT_NAME]);
      await expectShownAsText(page, '.firstline-widget a.attachment.file', [PDF_NAME]);
      await page.locator(`.firstline-widget img.attachment-image[alt="${IMAGE_NAME}"]`).waitFor();

      // Arriving live through the feed, and typed into the composer.
      await api(`/v1/tickets/${victim.ticketId}/messages`, tokens.agent, { text: `live ${PAYLOADS.svg}` });
      await expectShownAsText(page, '.firstline-widget li.msg.agent', [`live ${PAYLOADS.svg}`]);
      const composer = page.locator('.firstline-widget textarea');
      await composer.fill(`typed ${PAYLOADS.img}`);
      await composer.press('Enter');
      await expectShownAsText(page, '.firstline-widget li.msg.customer', [`typed ${PAYLOADS.img}`]);
      await expectInert(page, '/chat');
      await screenshot(page, 'security-xss-widget');
    } finally {
      await context.close();
    }
  });

  it('stays inert embedded on a site that has no script policy of its own', async () => {
    const site: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1><script src="${url}/widget.js" defer></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const { page, context } = await newPage({ origin: siteUrl, conversation: victim });
    try {
      await page.goto(siteUrl);
      await page.locator('.firstline-widget button.launcher').click();
      await expectShownAsText(page, '.firstline-widget li.msg.customer', ALL);
      await expectShownAsText(page, '.firstline-widget li.msg.agent', [
        AGENT_NAME,
        ...ALL.map((payload) => `reply ${payload}`),
      ]);
      await expectInert(page, 'embedded widget');
    } finally {
      await context.close();
      await new Promise<void>((resolve) => site.close(() => resolve()));
    }
  });
});

describe('the agent console', () => {
  it('shows the summary, transcript, notes, queue and agent name as text, and a hostile ticket arriving live', async () => {
    const { page, context } = await newPage();
    try {
      await signIn(page, '/agent', tokens.agent);
      await expectShownAsText(page, '.me', [`${AGENT_NAME} (agent)`]);
      await expectShownAsText(page, '.ticket-item', [PAYLOADS.img]);
      await page.locator('.ticket-item', { hasText: PAYLOADS.img }).first().click();
      await expectShownAsText(page, '[data-testid="summary"]', [PAYLOADS.img]);
      await expectShownAsText(page, '[data-testid="transcript"] li.customer', [FIRST_MESSAGE, ...ALL]);
      await expectShownAsText(page, '[data-testid="transcript"] li.agent', [
        AGENT_NAME,
        ...ALL.map((payload) => `reply ${payload}`),
      ]);
      await expectShownAsText(
        page,
        '.card.notes li',
        ALL.map((payload) => `${AGENT_NAME}: note ${payload}`),
      );
      await expectShownAsText(page, '[data-testid="transcript"] a.attachment.file', [PDF_NAME]);
      await page.locator(`[data-testid="transcript"] img.attachment-image[alt="${IMAGE_NAME}"]`).waitFor();

      const arriving = await handedOff(service, `Please get me a human operator ${PAYLOADS.svg}`);
      expect(arriving.ticketId).not.toBe(victim.ticketId);
      await expectShownAsText(page, '.ticket-item', [PAYLOADS.svg]);
      await expectInert(page, '/agent');
      await screenshot(page, 'security-xss-agent-console');
    } finally {
      await context.close();
    }
  });
});

describe('the lead dashboard', () => {
  it('shows the lead name as text and runs nothing', async () => {
    const { page, context } = await newPage();
    try {
      await signIn(page, '/lead', tokens.lead);
      await page.locator('[data-testid="kpis"]').waitFor({ timeout: 10_000 });
      await expectShownAsText(page, '.me', [`${LEAD_NAME} (lead)`]);
      await expectInert(page, '/lead');
      await screenshot(page, 'security-xss-lead-dashboard');
    } finally {
      await context.close();
    }
  });
});
