// Validates the politeness grader and the emotion detector against the human-labelled development data in
// ../shared/data, on the part their weights were fitted on and on the part held out by text hash (see
// scripts/train-graders.ts). Not part of npm test: a clone has no ../shared. Usage: npm run validate:graders
import { politeness } from '../src/core/graders/politeness.ts';
import { detectEmotion } from '../src/core/handoff/emotion.ts';
import { binaryCounts } from '../src/core/ml/train-logistic.ts';
import { cedr, isHeldOut, paradetox, spearman, tydip } from './lib/shared-data.ts';

const results: string[] = [];
const splits = <T extends { text: string }>(rows: readonly T[]) =>
  [
    ['fitted', rows.filter((row) => !isHeldOut(row.text))],
    ['held out', rows.filter((row) => isHeldOut(row.text))],
    ['whole file', rows],
  ] as const;

for (const [split, rows] of splits(await tydip())) {
  const rho = spearman(
    rows.map((row) => politeness(row.text).score),
    rows.map((row) => row.score),
  );
  results.push(
    `| politeness vs human scores (TyDiP, en, ${split}) | Spearman ρ | ${rho.toFixed(3)} | ≥ 0.55 | ${rows.length} |`,
  );
}

for (const lang of ['ru', 'en'] as const) {
  let pairs = 0;
  let correct = 0;
  for (const pair of await paradetox(lang)) {
    const toxic = politeness(pair.toxic).score;
    for (const neutral of pair.neutral) {
      pairs += 1;
      if (politeness(neutral).score > toxic) correct += 1;
    }
  }
  results.push(
    `| neutral rewrite above toxic original (ParaDetox, ${lang}, never fitted on) | pairwise accuracy | ${(correct / pairs).toFixed(3)} | ≥ 0.90 | ${pairs} |`,
  );
}

for (const [split, rows] of splits(await cedr())) {
  const counts = binaryCounts(
    rows.map((row) => detectEmotion(row.text).label !== 'neutral'),
    rows.map((row) => row.escalation),
  );
  results.push(
    `| escalation emotions: sadness, fear, anger (CEDR, ru, ${split}) | F1 (P ${counts.precision.toFixed(3)}, R ${counts.recall.toFixed(3)}) | ${counts.f1.toFixed(3)} | ≥ 0.78 | ${rows.length} (${rows.filter((row) => row.none).length} without emotion) |`,
  );
}

process.stdout.write(`| measure | metric | value | target | rows |\n|---|---|---:|---:|---:|\n${results.join('\n')}\n`);
