// The eval report a team lead opens after a comparison, in Chromium on a laptop-sized screen: the verdict and
// why first, the flips side by side with their diff, working filters and search, charts with axes, no network.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT, runCli } from '../run-cli.ts';
import { launchChromium, screenshot } from '../support/browser.ts';

vi.setConfig({ testTimeout: 120_000 });

let directory: string;
let browser: Browser;
let report: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'firstline-report-'));
  // The baseline is the shipped knowledge; the candidate changes the code's waiting time in one article.
  const baseline = join(directory, 'baseline');
  await cp(join(ROOT, 'knowledge'), join(baseline, 'knowledge'), { recursive: true });
  const edited = join(directory, 'edited');
  await cp(join(ROOT, 'knowledge'), edited, { recursive: true });
  const article = join(edited, 'account', 'login-code-not-received-ru.md');
  await writeFile(article, (await readFile(article, 'utf8')).replaceAll('60 секунд', '90 секунд'));
  const suite = join(directory, 'lead.yaml');
  await writeFile(
    suite,
    [
      'suite: lead',
      'cases:',
      '  - { id: wait, lang: ru, tags: [account], mustPass: true, turns: [{ customer: "не приходит код подтверждения, сколько ждать?", expect: { action: answer, facts: ["60 секунд"] } }] }',
      '  - { id: human, lang: ru, tags: [handoff], turns: [{ customer: "позовите оператора", expect: { action: handoff, handoffReason: human_request } }] }',
      '  - { id: reset, lang: en, tags: [account], turns: [{ customer: "how do I reset my password", expect: { action: answer, articles: [password-reset-en], icontains: "password" } }] }',
      '  - { id: dollar, lang: ru, tags: [out-of-scope], turns: [{ customer: "какой курс доллара завтра?", expect: { action: handoff, handoffReason: low_confidence } }] }',
    ].join('\n'),
  );
  const out = join(directory, 'out');
  const result = await runCli(
    ['eval', '--suite', suite, '--knowledge', edited, '--baseline', baseline, '--out', out, '--format', 'html,json'],
    { INDEX_DIR: join(directory, 'index') },
  );
  if (result.code !== 1)
    throw new Error(`expected the gate to fail (a must-pass case breaks): ${result.stdout}${result.stderr}`);
  report = join(out, 'report.html');
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await rm(directory, { recursive: true, force: true });
});

describe('eval report', () => {
  it('puts the verdict, its reasons and the flips first, side by side with the diff, and filters the cases', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${report}`);
    await expect.poll(() => page.locator('.verdict').innerText()).toBe('FAIL');
    expect(await page.locator('.why').innerText()).toContain('must-pass case lead/wait failed');
    // What differs, then the broken case with both replies and what changed between them.
    expect(await page.locator('body').innerText()).toContain('changed knowledge/account/login-code-not-received-ru.md');
    const flip = page.locator('section.flip').first();
    expect(await flip.locator('h3').innerText()).toContain('broken: lead/wait');
    expect(await flip.locator('.side h4').allInnerTexts()).toEqual(['baseline', 'candidate']);
    expect(await flip.locator('.diff ins').first().innerText()).toContain('90');
    expect(await flip.locator('.diff del').first().innerText()).toContain('60');
    expect(await flip.locator('.reasons').last().innerText()).toContain('missing fact "60 секунд"');
    // Statistics, charts with axes and thresholds, the handoff tables; "n/a" where a measure has no data.
    expect(await page.locator('body').innerText()).toMatch(/McNemar exact p = /);
    expect(await page.locator('svg.chart').innerHTML()).toContain('coverage: share of scored cases answered');
    expect(await page.locator('svg.chart .mark.handoff').count()).toBe(2);
    expect(await page.locator('svg.chart').innerHTML()).toContain('HANDOFF_THRESHOLD 0.40');
    expect(await page.locator('h2', { hasText: 'Handoffs' }).count()).toBe(1);
    expect(await page.locator('table', { hasText: 'expected ↓ / got →' }).count()).toBe(1);
    // The filters: the failing case alone at first (the gate failed), then everything, then a search.
    const visible = () => page.locator('details.case:not([hidden])').count();
    expect(await visible()).toBe(1);
    await page.selectOption('select[name="status"]', 'all');
    expect(await visible()).toBe(4);
    await page.selectOption('select[name="lang"]', 'en');
    expect(await visible()).toBe(1);
    await page.selectOption('select[name="lang"]', '');
    await page.fill('input[name="q"]', 'курс доллара');
    expect(await visible()).toBe(1);
    await page.fill('input[name="q"]', '');
    await page.selectOption('select[name="status"]', 'flipped');
    expect(await visible()).toBe(1);
    // Readable on a laptop: nothing wider than the screen; and nothing fetched from anywhere.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    await page.selectOption('select[name="status"]', 'all');
    await screenshot(page, '30-eval-report');
    await page.close();
  });
});
