// `firstline calibrate [--target 0.95] [--suite FILE|DIR] [--config .env]`: measures confidence against
// outcomes on the eval suites and writes the chosen HANDOFF_THRESHOLD into the env file. Runtime: Node.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseConfig } from '../../core/config/config.ts';
import { chooseThreshold, type ScoredOutcome } from '../../core/evals/calibrate.ts';
import { parseSuite } from '../../core/evals/suite.ts';
import { createEvalTarget } from '../../runtime/node/eval-target.ts';
import { openKnowledge } from '../../runtime/node/knowledge-service.ts';
import { UsageError } from '../usage-error.ts';

/** Sets KEY=value in an env file, replacing an existing line or appending one. */
export async function setEnvValue(path: string, key: string, value: string): Promise<void> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const line = `${key}=${value}`;
  const pattern = new RegExp(`^${key}=.*$`, 'm');
  await writeFile(path, pattern.test(text) ? text.replace(pattern, line) : `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`);
}

export async function calibrateCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({ args, options: { target: { type: 'string', default: '0.95' }, suite: { type: 'string', multiple: true }, config: { type: 'string', default: '.env' } }, strict: true });
  const target = Number(values.target);
  if (!(target > 0 && target <= 1)) throw new UsageError(`--target must be a share in (0, 1], got "${values.target}"`);
  const config = parseConfig(env);
  const knowledge = await openKnowledge(config);
  const evalTarget = await createEvalTarget({ ...config, HANDOFF_THRESHOLD: 0, ANSWER_THRESHOLD: 0 }, knowledge);
  const outcomes: ScoredOutcome[] = [];
  try {
    for (const file of values.suite ?? ['evals/retrieval.yaml', 'evals/out-of-scope.yaml']) {
      const suite = parseSuite(file, await readFile(file, 'utf8'));
      for (const entry of suite.cases) {
        const turn = entry.turns[0];
        if (turn === undefined || (turn.expect.articles === undefined && turn.expect.handoffReason !== 'low_confidence')) continue;
        const conversation = await evalTarget.open(entry.lang, `${suite.suite}/${entry.id}`);
        const reply = await evalTarget.post(conversation, turn.customer);
        if (reply === null || (reply.action === 'handoff' && reply.reasons[0] !== 'low_confidence')) continue;
        const top = (await evalTarget.rank(turn.customer, entry.lang ?? 'ru'))[0];
        outcomes.push({ confidence: reply.confidence, correct: turn.expect.articles?.includes(top ?? '') ?? false });
      }
    }
  } finally {
    await evalTarget.close();
  }
  const choice = chooseThreshold(outcomes, target);
  process.stdout.write(
    `${outcomes.length} cases: at HANDOFF_THRESHOLD=${choice.threshold.toFixed(2)} the bot answers ${(choice.coverage * 100).toFixed(1)} % of them with accuracy ${(choice.accuracy * 100).toFixed(1)} %${choice.met ? '' : ` (target ${(target * 100).toFixed(0)} % not reachable; best accuracy chosen)`}\n`,
  );
  await setEnvValue(values.config, 'HANDOFF_THRESHOLD', choice.threshold.toFixed(2));
  process.stdout.write(`wrote HANDOFF_THRESHOLD=${choice.threshold.toFixed(2)} to ${values.config}\n`);
  return 0;
}
