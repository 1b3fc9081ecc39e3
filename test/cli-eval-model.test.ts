// `firstline eval` with a model (a scripted OpenAI-compatible server on 127.0.0.1): a worse prompt cannot hide
// behind the offline fallback, every model call is counted and cached, and repeats are one case.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.ts';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.ts';

let directory: string;
let fake: FakeOpenAi;
let pricey: string;

const GROUNDED =
  'Здравствуйте! Код подтверждения обычно приходит в течение минуты. Если SMS не пришло, подождите 60 секунд и нажмите «Отправить код повторно». Был рад помочь!';
const INVENTED = 'Здравствуйте! Повторная отправка кода стоит 49 ₽, обычно это занимает до 15 минут. Был рад помочь!';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'firstline-cli-eval-model-'));
  fake = await startFakeOpenAi();
  // The model follows its prompt: told it may add typical prices, it invents them.
  fake.responder = (body) => {
    const messages = (body.messages as Array<{ role: string; content: string }> | undefined) ?? [];
    const all = messages.map((message) => message.content).join('\n');
    if (all.includes('You grade one reply'))
      return {
        kind: 'content',
        content: JSON.stringify({
          politeness: {
            greeting: 1,
            acknowledgement: 1,
            empathy: null,
            apology: null,
            respect: 1,
            formalYou: 1,
            structure: 1,
            closing: 1,
          },
          factuality: all.includes('49 ₽') ? 0 : 1,
          unsupported: [],
          reason: 'graded',
        }),
      };
    if (all.includes('You summarise a customer-support conversation'))
      return {
        kind: 'content',
        content: JSON.stringify({
          problem: 'Клиент просит оператора.',
          botSaid: [],
          customerAnswered: [],
          openQuestions: [],
        }),
      };
    return {
      kind: 'content',
      content: JSON.stringify({
        citations: ['login-code-not-received-ru'],
        needsHuman: false,
        reason: '',
        confidence: 0.9,
        reply: all.includes('typical prices') ? INVENTED : GROUNDED,
      }),
    };
  };
  pricey = join(directory, 'prompts-pricey');
  await cp(join(ROOT, 'prompts'), pricey, { recursive: true });
  const system = join(pricey, 'answer-system.md');
  await writeFile(
    system,
    (await readFile(system, 'utf8')).replace(
      'Rules of truth:',
      'Rules of truth:\n- You may add typical prices and timings for services when it helps the customer.',
    ),
  );
});
afterAll(async () => {
  await fake.close();
  await rm(directory, { recursive: true, force: true });
});

const llm = () => ({
  INDEX_DIR: join(directory, 'index'),
  KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
  OPENAI_BASE_URL: fake.baseUrl,
  OPENAI_API_KEY: 'k',
  OPENAI_MODEL: 'fake-chat',
});
const QUESTIONS = [
  'не приходит код подтверждения',
  'не приходит смс с кодом',
  'код подтверждения не пришел',
  'не получаю код для входа',
  'смс с кодом не приходит уже полчаса',
  'почему не приходит код',
  'код для входа не пришел на телефон',
  'не приходит смска с кодом',
  'код по смс не приходит',
  'не могу получить код подтверждения',
];

async function suite(name: string, lines: readonly string[]): Promise<string> {
  const path = join(directory, `${name}.yaml`);
  await writeFile(path, `suite: ${name}\ncases:\n${lines.join('\n')}\n`);
  return path;
}

interface Report {
  gate: { passed: boolean; failures: string[] };
  metrics: {
    cases: number;
    runs: number;
    modelAnswers: {
      answers: number;
      verified: number;
      replaced: number;
      acceptance: number;
      ownAccuracy: number | null;
    };
  };
  comparison: {
    mcnemar: { passToFail: number; failToPass: number; pValue: number };
    deltas: Record<string, { delta: number; low: number; high: number }>;
    regressions: string[];
  };
  usage: { calls: number; cacheHits: number };
}
const read = async (out: string) => JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;

describe('firstline eval with a model', () => {
  it('fails a prompt whose model answers the check has to replace, though the delivered replies grade better', async () => {
    const path = await suite(
      'pricey',
      QUESTIONS.map(
        (question, index) =>
          `  - { id: q${index}, lang: ru, turns: [{ customer: "${question}", expect: { action: answer, forbidden: ["49 ₽"] } }] }`,
      ),
    );
    const out = join(directory, 'pricey');
    const result = await runCli(
      [
        'eval',
        '--suite',
        path,
        '--prompts',
        pricey,
        '--baseline',
        join(ROOT, 'prompts'),
        '--out',
        out,
        '--format',
        'json,md',
        '--no-cache',
      ],
      llm(),
    );
    const report = await read(out);
    // What the customers got was the offline answer, which the rule graders like better than the model's short
    // replies: by delivered replies alone the worse prompt would look like an improvement...
    expect(report.comparison.mcnemar.passToFail).toBe(0);
    // ...but the model's answers were all thrown away, and its own answers were wrong.
    expect(report.metrics.modelAnswers).toMatchObject({
      answers: 10,
      verified: 0,
      replaced: 10,
      acceptance: 0,
      ownAccuracy: 0,
    });
    expect(report.comparison.deltas.modelAcceptance?.delta).toBe(-1);
    expect(report.comparison.regressions.join('; ')).toMatch(/modelAcceptance dropped by 1\.000/);
    expect(result.code).toBe(1);
    const markdown = await readFile(join(out, 'report.md'), 'utf8');
    expect(markdown).toMatch(
      /model answers accepted as written \| 0\.0 % of 10 \(repaired 0, replaced by the offline answer 10\)/,
    );
    expect(markdown).toMatch(/10 model answers rejected or wrong/);
    expect(markdown).toMatch(/`pricey\/q0` replaced: amount «49 ₽».*own answer: forbidden "49 ₽" present/);
  });

  it('counts and caches every model call, answers, summaries and the judge, so a warm re-run makes none', async () => {
    const path = await suite('warm', [
      '  - { id: code, lang: ru, turns: [{ customer: "не приходит код подтверждения" }] }',
      '  - { id: human, lang: ru, turns: [{ customer: "позовите оператора, пожалуйста" }] }',
      '  - { id: later, lang: ru, turns: [{ customer: "не приходит смс с кодом" }, { customer: "позовите человека" }] }',
    ]);
    const cache = join(directory, 'cache');
    const first = join(directory, 'warm-1');
    const requestsBefore = fake.chatRequests.length;
    await runCli(['eval', '--suite', path, '--out', first, '--format', 'json', '--cache', cache], llm());
    const made = fake.chatRequests.length - requestsBefore;
    const cold = await read(first);
    // Every request the server saw is in the count: answers, handoff summaries and the judge.
    expect(cold.usage.calls).toBe(made);
    expect(
      fake.chatRequests
        .slice(requestsBefore)
        .some((request) => JSON.stringify(request).includes('You summarise a customer-support conversation')),
    ).toBe(true);

    const second = join(directory, 'warm-2');
    const before = fake.chatRequests.length;
    await runCli(['eval', '--suite', path, '--out', second, '--format', 'json', '--cache', cache], llm());
    expect(fake.chatRequests.length).toBe(before);
    expect((await read(second)).usage).toMatchObject({ calls: 0, cacheHits: made });
  });

  it('treats the repeats of a case as one case: it passes only if every repeat passes, and the test counts cases', async () => {
    const path = await suite('repeats', [
      '  - { id: code, lang: ru, turns: [{ customer: "не приходит код подтверждения", expect: { action: answer } }] }',
      '  - { id: human, lang: ru, turns: [{ customer: "позовите оператора", expect: { action: handoff } }] }',
    ]);
    const out = join(directory, 'repeats');
    await runCli(['eval', '--suite', path, '--repeat', '3', '--out', out, '--format', 'json', '--no-cache'], llm());
    const report = await read(out);
    expect(report.metrics).toMatchObject({ cases: 2, runs: 6 });
  });

  it('judges with its own model when JUDGE_* is set, gates on its scores and reports them per criterion with its agreement', async () => {
    const judge = await startFakeOpenAi();
    try {
      judge.responder = () => ({
        kind: 'content',
        content: JSON.stringify({
          politeness: {
            greeting: 1,
            acknowledgement: 0.5,
            empathy: null,
            apology: null,
            respect: 1,
            formalYou: 1,
            structure: 1,
            closing: 1,
          },
          factuality: 0.6,
          unsupported: ['a claim'],
          reason: 'strict judge',
        }),
      });
      const path = join(directory, 'judged.yaml');
      await writeFile(
        path,
        `suite: judged\njudge: { factuality: 0.8 }\ncases:\n  - { id: code, lang: ru, turns: [{ customer: "не приходит код подтверждения", expect: { action: answer } }] }\n`,
      );
      const out = join(directory, 'judged');
      const answersBefore = fake.chatRequests.length;
      const result = await runCli(['eval', '--suite', path, '--out', out, '--format', 'json,md,html', '--no-cache'], {
        ...llm(),
        JUDGE_MODEL: 'judge-large',
        JUDGE_BASE_URL: judge.baseUrl,
      });
      expect(judge.chatRequests.map((request) => request.model)).toEqual(['judge-large']);
      expect(
        fake.chatRequests
          .slice(answersBefore)
          .every((request) => !JSON.stringify(request).includes('You grade one reply')),
      ).toBe(true);
      expect(result.code).toBe(1);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
        gate: { failures: string[] };
        metrics: {
          judge: {
            criteria: Record<string, number>;
            factuality: number;
            agreement: { politeness: { compared: number } };
          };
        };
      };
      expect(report.gate.failures).toContain('judge factuality 0.600 is below 0.8');
      expect(report.metrics.judge).toMatchObject({
        factuality: 0.6,
        criteria: { greeting: 1, acknowledgement: 0.5, closing: 1 },
        agreement: { politeness: { compared: 1 } },
      });
      for (const file of ['report.md', 'report.html'])
        expect(await readFile(join(out, file), 'utf8')).toMatch(/acknowledgement 0\.500/);
    } finally {
      await judge.close();
    }
  });

  it('runs a matrix of prompt versions × models from the eval settings file and compares every cell with the first', async () => {
    const path = await suite(
      'matrix',
      QUESTIONS.slice(0, 6).map(
        (question, index) =>
          `  - { id: q${index}, lang: ru, turns: [{ customer: "${question}", expect: { action: answer } }] }`,
      ),
    );
    const config = join(directory, 'firstline.eval.yaml');
    await writeFile(
      config,
      `settings:\n  ANSWER_THRESHOLD: 0.6\nmatrix:\n  prompts: [${JSON.stringify(join(ROOT, 'prompts'))}, ${JSON.stringify(pricey)}]\n  models: [fake-chat, { model: fake-chat-2, name: second }]\n`,
    );
    const out = join(directory, 'matrix');
    const result = await runCli(
      ['eval', '--suite', path, '--config', config, '--out', out, '--format', 'json,md', '--no-cache'],
      llm(),
    );
    const summary = JSON.parse(await readFile(join(out, 'matrix.json'), 'utf8')) as {
      cells: Array<{
        cell: number;
        label: string;
        delta: { passToFail: number } | null;
        acceptance: number | null;
        gate: boolean;
      }>;
    };
    expect(summary.cells.map((cell) => cell.label)).toEqual([
      `${join(ROOT, 'prompts')} × fake-chat × ${join(ROOT, 'knowledge')}`,
      `${join(ROOT, 'prompts')} × second × ${join(ROOT, 'knowledge')}`,
      `${pricey} × fake-chat × ${join(ROOT, 'knowledge')}`,
      `${pricey} × second × ${join(ROOT, 'knowledge')}`,
    ]);
    expect(summary.cells[0]).toMatchObject({ delta: null, acceptance: 1, gate: true });
    expect(summary.cells.slice(2).every((cell) => cell.acceptance === 0 && !cell.gate)).toBe(true);
    expect(result.code).toBe(1);
    expect(await readFile(join(out, 'matrix.md'), 'utf8')).toContain('| 1 | ');
    const cell = JSON.parse(await readFile(join(out, 'cell-3', 'report.json'), 'utf8')) as {
      configuration: { candidate: { promptVersions: Record<string, string> }; baseline: { source: string } };
    };
    expect(cell.configuration.candidate.promptVersions).toMatchObject({
      'answer-system': '3',
      'answer-user': '3',
      judge: '1',
    });
    expect(fake.chatRequests.some((request) => request.model === 'fake-chat-2')).toBe(true);
  });
});
