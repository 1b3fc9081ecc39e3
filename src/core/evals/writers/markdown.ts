// The eval report as Markdown (pull-request comments, CI summaries). Runtime: any.
import type { Comparison } from '../compare.ts';
import type { EvalReport } from '../report.ts';
import { differenceLines, headline, num, rejectedModelAnswers } from './format.ts';

/** A Markdown table row. */
const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;

function comparisonLines(report: EvalReport, comparison: Comparison): string[] {
  const lines: string[] = [];
  const broken = comparison.cases.filter((entry) => entry.change === 'pass→fail');
  const { mcnemar } = comparison;
  lines.push(
    `**Against baseline** (${report.baseline?.prompts ?? ''}): ` +
      `${mcnemar.failToPass} fixed, ${broken.length} broken, McNemar p = ${num(mcnemar.pValue)}`,
    '',
  );
  const differs = differenceLines(report);
  if (differs.length > 0) lines.push('**What differs**', '', ...differs.map((line) => `- ${line}`), '');
  const deltas = Object.entries(comparison.deltas).map(([name, interval]) =>
    row([
      name,
      `${interval.delta >= 0 ? '+' : ''}${num(interval.delta)}`,
      `${num(interval.low)} … ${num(interval.high)}`,
    ]),
  );
  lines.push('| metric | Δ | 95% CI |', '|---|---:|---|', ...deltas, '');
  if (broken.length > 0) {
    const rows = broken.map((entry) =>
      row([`${entry.suite}/${entry.id}`, entry.change, num(entry.politenessDelta), num(entry.accuracyDelta)]),
    );
    lines.push('| case | change | politeness Δ | accuracy Δ |', '|---|---|---:|---:|', ...rows, '');
  }
  if (comparison.nicerButWrong.length > 0)
    lines.push(`**Nicer but wrong:** ${comparison.nicerButWrong.join(', ')}`, '');
  return lines;
}

function checkerLines(report: EvalReport): string[] {
  const checker = Object.entries(report.checker?.candidate ?? {});
  if (checker.length === 0) return [];
  const lines = [
    '**Claim check on the labelled grounding sets**',
    '',
    '| split | replies | precision | recall | false rejection | baseline recall / false rejection |',
    '|---|---:|---:|---:|---:|---|',
  ];
  for (const [split, metrics] of checker) {
    const then = report.checker?.baseline?.[split];
    const baseline = then === undefined ? 'n/a' : `${num(then.recall)} / ${num(then.falseRejection)}`;
    lines.push(
      row([split, metrics.cases, num(metrics.precision), num(metrics.recall), num(metrics.falseRejection), baseline]),
    );
  }
  lines.push('');
  return lines;
}

/** A collapsed list: its summary, then the items (at most 200). */
const details = (summary: string, items: readonly string[]) => [
  `<details><summary>${summary}</summary>`,
  '',
  ...items.slice(0, 200),
  '',
  '</details>',
  '',
];

export function toMarkdown(report: EvalReport): string {
  const lines = [`## Firstline eval: ${report.gate.passed ? '✅ pass' : '❌ fail'}`, ''];
  if (!report.gate.passed)
    lines.push('**Regressions and failures**', '', ...report.gate.failures.map((failure) => `- ${failure}`), '');
  if (report.comparison !== undefined) lines.push(...comparisonLines(report, report.comparison));
  lines.push(
    '| metric | value |',
    '|---|---|',
    ...headline(report.metrics).map(([name, value]) => row([name, value])),
    '',
  );
  lines.push(...checkerLines(report));
  const rejected = rejectedModelAnswers(report);
  if (rejected.length > 0) {
    const items = rejected.map((entry) => `- \`${entry.case}\` ${entry.outcome}: ${entry.why}`);
    lines.push(...details(`${rejected.length} model answers rejected or wrong`, items));
  }
  const failed = report.cases.filter((entry) => !entry.passed);
  if (failed.length > 0) {
    const items = failed.map(
      (entry) => `- \`${entry.suite}/${entry.id}\`${entry.mustPass ? ' (must pass)' : ''}: ${entry.reasons.join('; ')}`,
    );
    lines.push(...details(`${failed.length} failing cases`, items));
  }
  return lines.join('\n');
}
