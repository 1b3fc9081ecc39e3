// `firstline calibrate [--target 0.95] [--suite FILE ...] [--config .env] [--force]`: runs the labelled suites
// through the real pipeline with the confidence thresholds at zero, labels an answer correct only when it passes
// its checks, chooses HANDOFF_THRESHOLD on two thirds of the cases, reports it on the other third, and writes
// it into the env file, unless it would exceed ANSWER_THRESHOLD. Runtime: Node.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseConfig } from '../../core/config/config.ts';
import {
  atThreshold,
  chooseThreshold,
  riskCoverageTable,
  splitOutcomes,
  type CaseOutcome,
} from '../../core/evals/calibrate.ts';
import { runEval } from '../../core/evals/run-eval.ts';
import { parseSuite } from '../../core/evals/suite.ts';
import { createEvalTarget } from '../../platform/node/eval-target.ts';
import { openKnowledge } from '../../platform/node/knowledge-service.ts';
import { UsageError } from '../usage-error.ts';

/** Sets KEY=value in an env file, replacing an existing line or appending one. */
export async function setEnvValue(path: string, key: string, value: string): Promise<void> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const line = `${key}=${value}`;
  const pattern = new RegExp(`^${key}=.*$`, 'm');
  await writeFile(
    path,
    pattern.test(text)
      ? text.replace(pattern, line)
      : `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`,
  );
}

const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)} %`);

export async function calibrateCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      target: { type: 'string', default: '0.95' },
      suite: { type: 'string', multiple: true },
      config: { type: 'string', default: '.env' },
      force: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const target = Number(values.target);
  if (!(target > 0 && target <= 1)) throw new UsageError(`--target must be a share in (0, 1], got "${values.target}"`);
  const config = parseConfig(env);
  const suites = await Promise.all(
    (values.suite ?? ['evals/retrieval.yaml', 'evals/answers.yaml', 'evals/out-of-scope.yaml']).map(async (file) =>
      parseSuite(file, await readFile(file, 'utf8')),
    ),
  );
  const knowledge = await openKnowledge(config);
  const evalTarget = await createEvalTarget({ ...config, HANDOFF_THRESHOLD: 0, ANSWER_THRESHOLD: 0 }, knowledge);
  const outcomes: CaseOutcome[] = [];
  try {
    for (const result of await runEval(suites, evalTarget, { concurrency: 4 })) {
      const turn = result.turns[0];
      // Confidence decides between answering and handing off for lack of it; other handoffs are not its call.
      if (
        turn?.reply == null ||
        (turn.reply.action === 'handoff' && turn.reply.reasons[0] !== 'low_confidence') ||
        turn.reply.action === 'clarify'
      )
        continue;
      const shouldAnswer =
        turn.expect.action === undefined ? turn.expect.articles !== undefined : turn.expect.action === 'answer';
      // Correct only if answering was right and the delivered answer passes its checks (facts, article, grounding).
      const correct =
        shouldAnswer &&
        turn.reply.action === 'answer' &&
        turn.actionOk &&
        (turn.accuracy?.pass ?? true) &&
        (turn.expect.articles === undefined || turn.expect.articles.some((id) => turn.reply?.citations.includes(id)));
      outcomes.push({
        id: `${result.suite}/${result.id}`,
        confidence: turn.reply.confidence,
        correct: shouldAnswer ? correct : false,
      });
    }
  } finally {
    await evalTarget.close();
  }
  const { fit, report } = splitOutcomes(outcomes);
  const choice = chooseThreshold(fit, target);
  const heldOut = atThreshold(report, choice.threshold);
  process.stdout.write(
    `risk–coverage on the ${fit.length} fitting cases (the threshold is chosen here):\n  threshold  coverage  accuracy\n`,
  );
  for (const row of riskCoverageTable(fit))
    process.stdout.write(
      `  ${row.threshold.toFixed(2)}       ${pct(row.coverage).padStart(7)}   ${pct(row.accuracy).padStart(7)}\n`,
    );
  process.stdout.write(
    `chosen HANDOFF_THRESHOLD=${choice.threshold.toFixed(2)}: on the fitting cases the bot answers ${pct(choice.coverage)} with accuracy ${pct(choice.accuracy)}${choice.met ? '' : ` (target ${pct(target)} not reachable; best accuracy chosen)`}\n` +
      `on the ${report.length} cases kept apart it answers ${pct(heldOut.coverage)} with accuracy ${pct(heldOut.accuracy)}\n`,
  );
  if (choice.threshold > config.ANSWER_THRESHOLD && !values.force) {
    process.stderr.write(
      `firstline calibrate: HANDOFF_THRESHOLD=${choice.threshold.toFixed(2)} would exceed ANSWER_THRESHOLD=${config.ANSWER_THRESHOLD}: the bot would hand off messages it is sure enough to answer and never ask a clarifying question. Nothing written; lower the target, raise ANSWER_THRESHOLD, or pass --force.\n`,
    );
    return 1;
  }
  await setEnvValue(values.config, 'HANDOFF_THRESHOLD', choice.threshold.toFixed(2));
  process.stdout.write(`wrote HANDOFF_THRESHOLD=${choice.threshold.toFixed(2)} to ${values.config}\n`);
  return 0;
}
