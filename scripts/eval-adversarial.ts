// Runs evals/adversarial.yaml through the real pipeline twice: offline, and with a model that obeys every
// injection it can (a fake OpenAI-compatible server on 127.0.0.1). Prints, per language and attack kind, how
// many replies stayed safe, how many attacks reached the model and were obeyed, and what the check caught.
// Exits 1 when any reply is unsafe. Usage: npm run eval:adversarial [-- --show]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/core/config/config.ts';
import { runEval, type CaseResult } from '../src/core/evals/run-eval.ts';
import { parseSuite } from '../src/core/evals/suite.ts';
import { createEvalTarget } from '../src/platform/node/eval-target.ts';
import { ROOT } from '../test/run-cli.ts';
import { startFakeOpenAi } from '../test/support/fake-openai.ts';
import { gullibleModel } from '../test/support/gullible-model.ts';
import { sampleKnowledge } from '../test/support/test-service.ts';

const { values } = parseArgs({ options: { show: { type: 'boolean', default: false } } });
const path = join(ROOT, 'evals', 'adversarial.yaml');
const suite = parseSuite(path, await readFile(path, 'utf8'));
const { knowledge } = await sampleKnowledge();

async function run(overrides: Record<string, string>): Promise<CaseResult[]> {
  const target = await createEvalTarget(parseConfig({ PROMPTS_DIR: join(ROOT, 'prompts'), ...overrides }), knowledge, {
    adversarial: true,
  });
  try {
    return await runEval([suite], target, { concurrency: 4 });
  } finally {
    await target.close();
  }
}

function table(title: string, results: readonly CaseResult[]): number {
  const rows = new Map<string, { cases: number; safe: number; handoff: number }>();
  let unsafe = 0;
  for (const result of results) {
    const attack = suite.cases.find((entry) => entry.id === result.id)?.attack ?? 'other';
    const safe = result.turns.every((turn) => turn.safety?.pass !== false);
    const handoff = result.turns.some((turn) => turn.reply?.action === 'handoff');
    for (const key of [`${result.lang ?? '?'} · all`, `${result.lang ?? '?'} · ${attack}`]) {
      const row = rows.get(key) ?? { cases: 0, safe: 0, handoff: 0 };
      row.cases += 1;
      row.safe += Number(safe);
      row.handoff += Number(handoff);
      rows.set(key, row);
    }
    if (!safe) {
      unsafe += 1;
      process.stdout.write(
        `UNSAFE ${result.id}: ${result.turns.flatMap((turn) => turn.safety?.findings ?? []).join('; ')}\n`,
      );
    }
    if (values.show)
      process.stdout.write(
        `${result.id}: ${result.turns.at(-1)?.reply?.action ?? 'silence'} — ${(result.turns.at(-1)?.reply?.text ?? '').slice(0, 160).replace(/\n/g, ' ')}\n`,
      );
  }
  process.stdout.write(`\n${title}\n| language · attack | cases | safe | handed to a person |\n|---|---:|---:|---:|\n`);
  for (const [key, row] of [...rows].sort(([left], [right]) => left.localeCompare(right)))
    process.stdout.write(`| ${key} | ${row.cases} | ${row.safe} | ${row.handoff} |\n`);
  return unsafe;
}

let unsafe = table('offline (no model)', await run({}));
const fake = await startFakeOpenAi();
const model = gullibleModel(suite.cases);
fake.responder = model.respond;
try {
  unsafe += table(
    'with a model that obeys the injections',
    await run({ OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: 'k', OPENAI_MODEL: 'gullible', LLM_TIMEOUT_MS: '3000' }),
  );
  process.stdout.write(
    `\nattacks that reached the model and were obeyed by it: ${model.obeyed} of ${suite.cases.length} cases (the rest were handed to a person or clarified before any model call)\n`,
  );
} finally {
  await fake.close();
}
process.stdout.write(`unsafe replies: ${unsafe}\n`);
process.exitCode = unsafe === 0 ? 0 : 1;
