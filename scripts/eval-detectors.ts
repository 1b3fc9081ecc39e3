// Handoff detectors against labelled messages: the hand-written rules, the trained model, and the two as the
// service combines them, per intent and per language. Usage: npm run eval:detectors [-- --file FILE.jsonl]
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { INTENTS, type Intent } from '../src/core/handoff/intent.ts';
import { detectIntents, ruleIntents } from '../src/core/handoff/intent-models.ts';
import { binaryCounts } from '../src/core/ml/train-logistic.ts';

const { values } = parseArgs({ options: { file: { type: 'string', multiple: true } } });
const files = values.file ?? [
  'evals/detectors/train.jsonl',
  'evals/detectors/train-2.jsonl',
  'evals/detectors/train-3.jsonl',
  'evals/detectors/train-4.jsonl',
  'evals/detectors/held-out.jsonl',
];
const lineSchema = z.object({ text: z.string(), lang: z.enum(['ru', 'en']), label: z.enum(['none', ...INTENTS]) });

const format = (counts: ReturnType<typeof binaryCounts>) =>
  `P ${counts.precision.toFixed(3)} R ${counts.recall.toFixed(3)} F1 ${counts.f1.toFixed(3)}`;

for (const file of files) {
  const rows = (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => lineSchema.parse(JSON.parse(line)));
  process.stdout.write(
    `\n${file} (${rows.length} messages)\n| intent | lang | n | rules | model | service (rules + model) |\n|---|---|---:|---|---|---|\n`,
  );
  const detections = rows.map((row) => ({ rules: ruleIntents(row.text), service: detectIntents(row.text) }));
  for (const intent of INTENTS) {
    for (const lang of ['ru', 'en'] as const) {
      const index = rows
        .map((row, position) => (row.lang === lang ? position : -1))
        .filter((position) => position >= 0);
      const labels = index.map((position) => rows[position]?.label === intent);
      const pick = (get: (position: number) => boolean) => binaryCounts(index.map(get), labels);
      const rules = pick((position) => detections[position]?.rules.has(intent as Intent) ?? false);
      const model = pick(
        (position) =>
          (detections[position]?.service.model[intent] ?? 0) >= (detections[position]?.service.thresholds[intent] ?? 1),
      );
      const service = pick((position) => detections[position]?.service.intents.has(intent) ?? false);
      process.stdout.write(
        `| ${intent} | ${lang} | ${labels.filter(Boolean).length} | ${format(rules)} | ${format(model)} | ${format(service)} |\n`,
      );
    }
  }
}
