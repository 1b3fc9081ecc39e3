// Measures the claim checker on the labelled replies: precision and recall of "unsupported", the false-rejection
// rate of faithful replies and recall per claim kind, per split and language, and the checker's time per reply.
// Usage: npm run eval:grounding [-- --misses] [--split development|held-out]   (misses: development split only)
import { readdir, readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/core/config/config.ts';
import {
  groundingMetrics,
  isCaught,
  parseGroundingSet,
  type GroundingMetrics,
  type GroundingPrediction,
} from '../src/core/evals/grounding-set.ts';
import { documentOfChunk, type SourceDocument } from '../src/core/verification/source-index.ts';
import { unsupportedClaims, verifyText } from '../src/core/verification/verify.ts';
import { openKnowledge } from '../src/platform/node/knowledge-service.ts';
import { percentile } from '../src/core/evals/statistics.ts';

const { values } = parseArgs({ options: { misses: { type: 'boolean', default: false }, split: { type: 'string' } } });
const { stored } = await openKnowledge(parseConfig(process.env));
const documents = new Map<string, SourceDocument[]>();
for (const chunk of stored.index.chunks)
  documents.set(chunk.articleId, [...(documents.get(chunk.articleId) ?? []), documentOfChunk(chunk)]);

const TARGETS = { recall: 0.98, falseRejection: 0.05 };
const NUMBER_KINDS = new Set(['amount', 'percent', 'duration', 'count']);
const fixed = (value: number) => value.toFixed(3);
let failed = false;

function table(name: string, rows: ReadonlyArray<readonly [string, GroundingMetrics]>): string {
  const lines = [
    `\n${name}`,
    '| subset | cases | faithful / unfaithful | precision | recall | false rejection | numbers caught | commitments caught | all claims caught |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [label, metrics] of rows) {
    const sum = (filter: (kind: string) => boolean) => {
      const entries = Object.entries(metrics.claimRecall).filter(([kind]) => filter(kind));
      const caught = entries.reduce((total, [, row]) => total + row.caught, 0);
      const total = entries.reduce((all, [, row]) => all + row.total, 0);
      return `${caught}/${total}`;
    };
    lines.push(
      `| ${label} | ${metrics.cases} | ${metrics.faithful} / ${metrics.unfaithful} | ${fixed(metrics.precision)} | ${fixed(metrics.recall)} | ${fixed(metrics.falseRejection)} | ${sum((kind) => NUMBER_KINDS.has(kind))} | ${sum((kind) => kind === 'commitment')} | ${sum(() => true)} |`,
    );
  }
  return lines.join('\n');
}

const timings: number[] = [];
// evals/grounding/development*.yaml were used to develop the checker; evals/grounding/held-out.yaml was written
// separately and is never tuned on (its misses are never printed).
const files = (await readdir('evals/grounding')).filter((name) => name.endsWith('.yaml')).sort();
const splits = [
  [
    'development split (evals/grounding/development*.yaml)',
    files.filter((name) => name.startsWith('development')),
    values.misses,
  ],
  ['held-out split (evals/grounding/held-out.yaml)', files.filter((name) => name === 'held-out.yaml'), false],
] as const;
for (const [name, paths, showMisses] of splits) {
  const cases = [];
  for (const file of paths) {
    const set = parseGroundingSet(`evals/grounding/${file}`, await readFile(`evals/grounding/${file}`, 'utf8'));
    if (values.split !== undefined && values.split !== set.split) continue;
    cases.push(...set.cases);
  }
  if (cases.length === 0) continue;
  const predictions: Array<GroundingPrediction & { outcome: string }> = [];
  for (const entry of cases) {
    const sources = entry.citations.flatMap((id) => documents.get(id) ?? []);
    if (sources.length === 0) throw new Error(`${name}: ${entry.id} cites an article the knowledge base does not have`);
    const started = performance.now();
    const result = verifyText(entry.reply, sources, { customerText: entry.question });
    timings.push(performance.now() - started);
    const flagged = result.sentences.filter((sentence) => !sentence.supported).map((sentence) => sentence.text);
    const prediction = {
      id: entry.id,
      lang: entry.lang,
      labelled: entry.unsupported,
      flaggedSentences: flagged,
      outcome: result.outcome,
    };
    predictions.push(prediction);
    const missed = entry.unsupported.filter((claim) => !isCaught(claim, prediction));
    if (showMisses && (missed.length > 0 || (entry.unsupported.length === 0 && flagged.length > 0))) {
      process.stdout.write(
        `\n${entry.id} [${entry.tags.join(', ')}] ${missed.length > 0 ? `MISSED ${missed.map((claim) => `${claim.kind}:${claim.text}`).join(' | ')}` : 'FALSE REJECTION'}\n`,
      );
      for (const claim of unsupportedClaims(result.sentences))
        process.stdout.write(`   flagged ${claim.kind}/${claim.verdict} "${claim.claim}" in: ${claim.sentence}\n`);
      if (missed.length > 0) process.stdout.write(`   reply: ${entry.reply.replace(/\n/g, ' / ')}\n`);
    }
  }
  const rows = [
    ['all', groundingMetrics(predictions)],
    ...(['ru', 'en'] as const).map(
      (lang) => [lang, groundingMetrics(predictions.filter((prediction) => prediction.lang === lang))] as const,
    ),
  ] as const;
  process.stdout.write(`${table(name, rows)}\n`);
  const all = rows[0][1];
  const outcomes = predictions.reduce<Record<string, number>>(
    (counts, prediction) => ({ ...counts, [prediction.outcome]: (counts[prediction.outcome] ?? 0) + 1 }),
    {},
  );
  const kinds = Object.entries(all.claimRecall)
    .map(([kind, row]) => `${kind} ${row.caught}/${row.total}`)
    .join(', ');
  process.stdout.write(`claims caught by kind: ${kinds}\noutcomes: ${JSON.stringify(outcomes)}\n`);
  const met = all.recall >= TARGETS.recall && all.falseRejection <= TARGETS.falseRejection;
  process.stdout.write(
    `targets (recall ≥ ${TARGETS.recall}, false rejection ≤ ${TARGETS.falseRejection}): ${met ? 'met' : 'NOT met'}\n`,
  );
  failed ||= !met;
}
timings.sort((left, right) => left - right);
process.stdout.write(
  `\nchecker time per reply over both splits: p50 ${percentile(timings, 0.5).toFixed(2)} ms, p99 ${percentile(timings, 0.99).toFixed(2)} ms (first use of each source set included)\n`,
);
process.exitCode = failed ? 1 : 0;
