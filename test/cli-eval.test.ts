import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.ts';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.ts';

let directory: string;
let fake: FakeOpenAi;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'firstline-cli-eval-'));
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
  await rm(directory, { recursive: true, force: true });
});

const env = () => ({ INDEX_DIR: join(directory, 'index'), KNOWLEDGE_DIR: join(ROOT, 'knowledge') });

async function suite(name: string, cases: string): Promise<string> {
  const path = join(directory, `${name}.yaml`);
  await writeFile(path, `suite: ${name}\ncases:\n${cases}`);
  return path;
}

describe('firstline eval', () => {
  it('writes all five report formats and passes the gate when every must-pass case passes', async () => {
    const path = await suite(
      'gate-pass',
      [
        '  - { id: human, lang: ru, mustPass: true, turns: [{ customer: "позовите оператора", expect: { action: handoff, handoffReason: human_request } }] }',
        '  - { id: code, lang: ru, turns: [{ customer: "не приходит код подтверждения", expect: { action: answer, articles: [login-code-not-received-ru], facts: ["60 секунд"] } }] }',
      ].join('\n'),
    );
    const out = join(directory, 'pass');
    const result = await runCli(['eval', '--suite', path, '--out', out], env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/gate\s+PASS/);
    expect((await readdir(out)).sort()).toEqual([
      'report.html',
      'report.json',
      'report.junit.xml',
      'report.md',
      'summary.json',
    ]);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
      metrics: Record<string, Record<string, unknown>>;
      cases: Array<Record<string, unknown>>;
    };
    expect(Object.keys(report.metrics.retrieval ?? {})).toEqual(expect.arrayContaining(['hitAt1', 'hitAt5', 'mrr']));
    expect(report.metrics.politeness).toHaveProperty('mean');
    expect(Object.keys(report.metrics.accuracy ?? {})).toEqual(expect.arrayContaining(['factRecall', 'groundedness']));
    expect(Object.keys(report.metrics.handoff ?? {})).toEqual(expect.arrayContaining(['precision', 'recall', 'f1']));
    expect(Object.keys(report.metrics.calibration ?? {})).toEqual(expect.arrayContaining(['ece', 'brier']));
    expect(report.metrics).toHaveProperty('passRate', 1);
    expect(report.cases.map((entry) => [entry.id, entry.passed])).toEqual([
      ['human', true],
      ['code', true],
    ]);
    expect(await readFile(join(out, 'report.junit.xml'), 'utf8')).toContain(
      '<testcase classname="gate-pass" name="code">',
    );
  });

  it('fails the gate with exit code 1 when a must-pass case fails, and says which', async () => {
    const path = await suite(
      'gate-fail',
      '  - { id: dollar, lang: ru, mustPass: true, turns: [{ customer: "какой курс доллара завтра?", expect: { action: answer } }] }',
    );
    const result = await runCli(
      ['eval', '--suite', path, '--out', join(directory, 'fail'), '--format', 'json,md'],
      env(),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('gate');
    expect(await readFile(join(directory, 'fail', 'report.md'), 'utf8')).toContain(
      'must-pass case gate-fail/dollar failed',
    );
    const annotated = await runCli(
      ['eval', '--suite', path, '--out', join(directory, 'fail'), '--format', 'github'],
      env(),
    );
    expect(annotated.code).toBe(1);
    expect(annotated.stdout).toContain('::error title=Firstline eval gate::must-pass case gate-fail/dollar failed');
    expect(annotated.stdout).toContain(
      `::error file=${path},title=gate-fail/dollar (must pass)::expected answer, got handoff`,
    );
  });

  it('names the file, case and field of a bad suite', async () => {
    const path = await suite('bad', '  - { id: broken, turns: [{ customer: "hi", expect: { action: dance } }] }');
    const result = await runCli(['eval', '--suite', path], env());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.yaml: case broken: field "turns\.0\.expect\.action"/);
  });

  it('compares a changed prompt with its baseline case by case and gates on a significant regression', async () => {
    const polite =
      'Здравствуйте! Понимаю Ваш вопрос. Код подтверждения обычно приходит в течение минуты. Спасибо за обращение, был рад помочь!';
    const curt = 'Код подтверждения обычно приходит в течение минуты.';
    fake.responder = (body) => {
      const system = JSON.stringify(body.messages ?? '');
      if (system.includes('You grade one reply')) {
        const rude = system.includes(`REPLY TO GRADE:\\n${curt}`);
        return {
          kind: 'content',
          content: JSON.stringify({
            politeness: {
              greeting: rude ? 0 : 1,
              acknowledgement: rude ? 0 : 1,
              empathy: null,
              apology: null,
              respect: 1,
              formalYou: 1,
              structure: 1,
              closing: rude ? 0 : 1,
            },
            factuality: 1,
            unsupported: [],
            reason: 'graded',
          }),
        };
      }
      return {
        kind: 'content',
        content: JSON.stringify({
          reply: system.includes('House style') ? polite : curt,
          citations: ['login-code-not-received-ru'],
          confidence: 0.9,
          needsHuman: false,
        }),
      };
    };
    const questions = [
      'не приходит код подтверждения',
      'не приходит смс с кодом',
      'код подтверждения не пришел',
      'не получаю код для входа',
      'смс с кодом не приходит уже полчаса',
      'где мой код подтверждения',
      'почему не приходит код',
      'код для входа не пришел на телефон',
      'не приходит смска с кодом',
      'жду код подтверждения',
      'код по смс не приходит',
      'не могу получить код подтверждения',
    ];
    const path = await suite(
      'prompts',
      questions
        .map((question, index) => `  - { id: q${index}, lang: ru, turns: [{ customer: "${question}" }] }`)
        .join('\n'),
    );
    const changed = join(directory, 'prompts-changed');
    await cp(join(ROOT, 'prompts'), changed, { recursive: true });
    const system = await readFile(join(changed, 'answer-system.md'), 'utf8');
    await writeFile(join(changed, 'answer-system.md'), system.replace('House style (always):', 'Style:'));
    const llm = { ...env(), OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: 'k', OPENAI_MODEL: 'fake-chat' };

    const worse = await runCli(
      [
        'eval',
        '--suite',
        path,
        '--prompts',
        changed,
        '--baseline',
        join(ROOT, 'prompts'),
        '--out',
        join(directory, 'worse'),
        '--format',
        'json,md',
        '--no-cache',
      ],
      llm,
    );
    expect(worse.code).toBe(1);
    const report = JSON.parse(await readFile(join(directory, 'worse', 'report.json'), 'utf8')) as {
      metrics: { politeness: { judgeMean: number }; accuracy: { judgeFactuality: number } };
      baseline: { metrics: { politeness: { judgeMean: number } } };
      comparison: {
        mcnemar: { passToFail: number; pValue: number };
        regressions: string[];
        cases: Array<{ change: string }>;
      };
    };
    expect(report.metrics.politeness.judgeMean).toBeCloseTo(0.5, 1);
    expect(report.baseline.metrics.politeness.judgeMean).toBeGreaterThan(0.9);
    expect(report.metrics.accuracy.judgeFactuality).toBe(1);
    expect(report.comparison.mcnemar.passToFail).toBeGreaterThanOrEqual(10);
    expect(report.comparison.mcnemar.pValue).toBeLessThan(0.01);
    expect(report.comparison.regressions.join(' ')).toMatch(/politeness dropped/);
    expect(await readFile(join(directory, 'worse', 'report.md'), 'utf8')).toMatch(/\| prompts\/q0 \| pass→fail \|/);

    const better = await runCli(
      [
        'eval',
        '--suite',
        path,
        '--prompts',
        join(ROOT, 'prompts'),
        '--baseline',
        changed,
        '--out',
        join(directory, 'better'),
        '--format',
        'json',
        '--cache',
        join(directory, 'cache'),
      ],
      llm,
    );
    expect(better.code).toBe(0);
    const first = JSON.parse(await readFile(join(directory, 'better', 'report.json'), 'utf8')) as {
      usage: { calls: number; cacheHits: number; promptTokens: number; completionTokens: number };
    };
    expect(first.usage.calls).toBeGreaterThanOrEqual(20);
    expect(first.usage.promptTokens).toBeGreaterThan(first.usage.completionTokens);

    const requestsBefore = fake.chatRequests.length;
    const again = await runCli(
      [
        'eval',
        '--suite',
        path,
        '--prompts',
        join(ROOT, 'prompts'),
        '--baseline',
        changed,
        '--out',
        join(directory, 'again'),
        '--format',
        'json',
        '--cache',
        join(directory, 'cache'),
      ],
      llm,
    );
    expect(again.code).toBe(0);
    expect(fake.chatRequests.length).toBe(requestsBefore);
    const second = JSON.parse(await readFile(join(directory, 'again', 'report.json'), 'utf8')) as {
      usage: { calls: number; cacheHits: number };
    };
    expect(second.usage).toMatchObject({ calls: 0, cacheHits: first.usage.calls + first.usage.cacheHits });
    fake.responder = undefined;
  });
});

describe('firstline eval --baseline as a whole configuration', () => {
  it('compares an edited knowledge base with the knowledge of a git ref, names the files that differ and shows the flips', async () => {
    const edited = join(directory, 'edited-kb');
    await cp(join(ROOT, 'knowledge'), edited, { recursive: true });
    const article = join(edited, 'account', 'login-code-not-received-ru.md');
    await writeFile(
      article,
      (await readFile(article, 'utf8'))
        .replaceAll('SMS-код действует 5 минут', 'SMS-код действует 10 минут')
        .replaceAll('через 60 секунд', 'через 90 секунд')
        .replaceAll('подождите 60 секунд', 'подождите 90 секунд'),
    );
    const path = await suite(
      'kb-edit',
      [
        '  - { id: wait, lang: ru, turns: [{ customer: "не приходит код подтверждения, сколько ждать?", expect: { action: answer, facts: ["60 секунд"] } }] }',
        '  - { id: valid, lang: ru, turns: [{ customer: "сколько действует смс код для входа?", expect: { action: answer, facts: ["5 минут"] } }] }',
        '  - { id: human, lang: ru, turns: [{ customer: "позовите оператора", expect: { action: handoff } }] }',
      ].join('\n'),
    );
    const out = join(directory, 'kb-edit');
    const result = await runCli(
      ['eval', '--suite', path, '--knowledge', edited, '--baseline', 'HEAD', '--out', out, '--format', 'json,md'],
      env(),
    );
    expect(result.stderr).toBe('');
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
      comparison: {
        mcnemar: { passToFail: number; failToPass: number; pValue: number };
        deltas: Record<string, unknown>;
        cases: Array<{ id: string; change: string }>;
      };
      configuration: {
        baseline: { source: string };
        differences: { files: Array<{ path: string; change: string }>; settings: unknown[]; model: unknown };
      };
    };
    expect(report.configuration.baseline.source).toMatch(/^git HEAD \([0-9a-f]{12}\)$/);
    expect(report.configuration.differences.files.filter((file) => file.path.startsWith('knowledge/'))).toEqual([
      { path: 'knowledge/account/login-code-not-received-ru.md', change: 'changed' },
    ]);
    expect(report.comparison.mcnemar.passToFail).toBeGreaterThanOrEqual(1);
    expect(report.comparison.cases.filter((entry) => entry.change === 'pass→fail').map((entry) => entry.id)).toContain(
      'wait',
    );
    expect(Object.keys(report.comparison.deltas)).toContain('passRate');
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('knowledge/account/login-code-not-received-ru.md');
    // The baseline's extracted tree and the edited knowledge's index are gone.
    expect(
      (await readdir(tmpdir())).filter(
        (name) => name.startsWith('firstline-baseline-') || name.startsWith('firstline-eval-index-'),
      ),
    ).toEqual([]);
  });

  it('refuses a comparison where nothing differs, or where only prompts differ and no model reads them (exit 2)', async () => {
    const path = await suite(
      'same',
      '  - { id: human, lang: ru, turns: [{ customer: "позовите оператора", expect: { action: handoff } }] }',
    );
    const tree = join(directory, 'same-tree');
    await cp(join(ROOT, 'knowledge'), join(tree, 'knowledge'), { recursive: true });
    await cp(join(ROOT, 'prompts'), join(tree, 'prompts'), { recursive: true });
    const identical = await runCli(
      ['eval', '--suite', path, '--baseline', tree, '--out', join(directory, 'same'), '--format', 'json'],
      env(),
    );
    expect(identical.code).toBe(2);
    expect(identical.stderr).toContain('nothing differs between the candidate and the baseline');
    const system = join(tree, 'prompts', 'answer-system.md');
    await writeFile(system, (await readFile(system, 'utf8')).replace('No slang.', 'No slang at all.'));
    const promptsOnly = await runCli(
      ['eval', '--suite', path, '--baseline', tree, '--out', join(directory, 'same'), '--format', 'json'],
      env(),
    );
    expect(promptsOnly.code).toBe(2);
    expect(promptsOnly.stderr).toContain('only prompts differ');
    const allowed = await runCli(
      [
        'eval',
        '--suite',
        path,
        '--baseline',
        tree,
        '--allow-identical',
        '--out',
        join(directory, 'same'),
        '--format',
        'json',
      ],
      env(),
    );
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain('warning: only prompts differ');
  });
});
