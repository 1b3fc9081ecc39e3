// Trains the handoff detectors (request for a person, emotion, sensitive topic) from evals/detectors/train*.jsonl
// and writes src/core/handoff/intent-weights.json; reports cross-validated and held-out figures per language.
// Usage: npm run train:detectors [-- --check]   (--check: train and report, write nothing)
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { intentFeatures } from '../src/core/handoff/intent-features.ts';
import { combine, ruleIntents } from '../src/core/handoff/intent-rules.ts';
import { INTENTS, type Intent } from '../src/core/handoff/intent.ts';
import {
  binaryCounts,
  crossValidatedProbabilities,
  trainLogistic,
  type Example,
  type TrainOptions,
} from '../src/core/ml/train-logistic.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const OUT = 'src/core/handoff/intent-weights.json';

const lineSchema = z.object({
  text: z.string().min(1),
  lang: z.enum(['ru', 'en']),
  label: z.enum(['none', ...INTENTS]),
});

type Labelled = z.infer<typeof lineSchema>;

async function read(path: string): Promise<Labelled[]> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, index) => {
    const parsed = lineSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${index + 1}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}

/** Precision matters most for a request for a person (a false one hands a simple question to the queue). */
const MIN_PRECISION: Record<Intent, number> = { human_request: 0.97, emotion: 0.9, sensitive: 0.9 };
const BETA: Record<Intent, number> = { human_request: 1, emotion: 0.5, sensitive: 0.5 };
const OPTIONS: TrainOptions = { l2: 1e-4, epochs: 300, learningRate: 0.1, minCount: 2, maxWeights: 2500 };

/**
 * The threshold whose decisions have the best F-score with precision at or above `minPrecision` (the best
 * F-score if none has). β below 1 weighs precision more: a false emotion or sensitive handoff sends a simple
 * question to the queue.
 */
function chooseThresholdFor(
  decide: (threshold: number) => boolean[],
  labels: readonly boolean[],
  minPrecision: number,
  beta: number,
): number {
  let best: { threshold: number; score: number; precise: boolean } | undefined;
  for (let step = 20; step <= 99; step += 1) {
    const counts = binaryCounts(decide(step / 100), labels);
    const precise = counts.precision >= minPrecision;
    const score =
      counts.precision + counts.recall === 0
        ? 0
        : ((1 + beta * beta) * counts.precision * counts.recall) / (beta * beta * counts.precision + counts.recall);
    if (best === undefined || (precise && !best.precise) || (precise === best.precise && score > best.score))
      best = { threshold: step / 100, score, precise };
  }
  return best?.threshold ?? 0.5;
}

const TRAIN_FILES = [
  'evals/detectors/train.jsonl',
  'evals/detectors/train-2.jsonl',
  'evals/detectors/train-3.jsonl',
  'evals/detectors/train-4.jsonl',
];
const train = (await Promise.all(TRAIN_FILES.map(read))).flat();
const features = train.map((entry) => intentFeatures(entry.text));
const rules = train.map((entry) => ruleIntents(entry.text));
const models: Record<string, unknown> = {};
for (const intent of INTENTS) {
  const examples: Example[] = train.map((entry, index) => ({
    features: features[index] as Map<string, number>,
    label: entry.label === intent,
  }));
  const folds = crossValidatedProbabilities(examples, OPTIONS);
  const labels = examples.map((example) => example.label);
  // The threshold is chosen for the decision the service makes (rules and model together), on out-of-fold scores.
  const decide = (threshold: number) =>
    folds.map((value, index) => combine(intent, rules[index]?.has(intent) ?? false, value, threshold));
  const threshold = chooseThresholdFor(decide, labels, MIN_PRECISION[intent], BETA[intent]);
  const model = { ...trainLogistic(examples, OPTIONS), threshold };
  models[intent] = model;
  const report = (name: string, predicted: boolean[]) =>
    (['ru', 'en'] as const)
      .map((lang) => {
        const index = train
          .map((entry, position) => (entry.lang === lang ? position : -1))
          .filter((position) => position >= 0);
        const counts = binaryCounts(
          index.map((position) => predicted[position] === true),
          index.map((position) => labels[position] === true),
        );
        return `${lang} P ${counts.precision.toFixed(3)} R ${counts.recall.toFixed(3)}`;
      })
      .join(', ') + ` (${name})`;
  process.stdout.write(
    `${intent}: threshold ${threshold.toFixed(2)}, ${Object.keys(model.weights).length} weights; cross-validated on train: ${report(
      'rules',
      rules.map((found) => found.has(intent)),
    )}; ${report(
      'model',
      folds.map((value) => value >= threshold),
    )}; ${report('service', decide(threshold))}\n`,
  );
}

const weights = { trainedOn: TRAIN_FILES.join(', '), examples: train.length, models };
if (!values.check) {
  await writeFile(OUT, `${JSON.stringify(weights)}\n`);
  process.stdout.write(`wrote ${OUT} (${((await readFile(OUT)).length / 1024).toFixed(0)} KB)\n`);
}
process.stdout.write(`\nheld-out split (evals/detectors/held-out.jsonl), per language: run npm run eval:detectors\n`);
