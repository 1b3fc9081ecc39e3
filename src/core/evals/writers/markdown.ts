// The eval report as Markdown (pull-request comments, CI summaries). Runtime: any.
import type { EvalReport } from '../report.ts';
import { differenceLines, headline, num, rejectedModelAnswers } from './format.ts';

export function toMarkdown(report: EvalReport): string {
  const lines = [`## Firstline eval: ${report.gate.passed ? '✅ pass' : '❌ fail'}`, ''];
  if (!report.gate.passed) lines.push('**Regressions and failures**', '', ...report.gate.failures.map((failure) => `- ${failure}`), '');
  if (report.comparison !== undefined) {
    const broken = report.comparison.cases.filter((entry) => entry.change === 'pass→fail');
    lines.push(`**Against baseline** (${report.baseline?.prompts ?? ''}): ${report.comparison.mcnemar.failToPass} fixed, ${broken.length} broken, McNemar p = ${num(report.comparison.mcnemar.pValue)}`, '');
    const differs = differenceLines(report);
    if (differs.length > 0) lines.push('**What differs**', '', ...differs.map((line) => `- ${line}`), '');
    lines.push('| metric | Δ | 95% CI |', '|---|---:|---|', ...Object.entries(report.comparison.deltas).map(([name, interval]) => `| ${name} | ${interval.delta >= 0 ? '+' : ''}${num(interval.delta)} | ${num(interval.low)} … ${num(interval.high)} |`), '');
    if (broken.length > 0) lines.push('| case | change | politeness Δ | accuracy Δ |', '|---|---|---:|---:|', ...broken.map((entry) => `| ${entry.suite}/${entry.id} | ${entry.change} | ${num(entry.politenessDelta)} | ${num(entry.accuracyDelta)} |`), '');
    if (report.comparison.nicerButWrong.length > 0) lines.push(`**Nicer but wrong:** ${report.comparison.nicerButWrong.join(', ')}`, '');
  }
  lines.push('| metric | value |', '|---|---|', ...headline(report.metrics).map(([name, value]) => `| ${name} | ${value} |`), '');
  const checker = Object.entries(report.checker?.candidate ?? {});
  if (checker.length > 0) {
    lines.push('**Claim check on the labelled grounding sets**', '', '| split | replies | precision | recall | false rejection | baseline recall / false rejection |', '|---|---:|---:|---:|---:|---|');
    for (const [split, metrics] of checker) {
      const then = report.checker?.baseline?.[split];
      lines.push(`| ${split} | ${metrics.cases} | ${num(metrics.precision)} | ${num(metrics.recall)} | ${num(metrics.falseRejection)} | ${then === undefined ? 'n/a' : `${num(then.recall)} / ${num(then.falseRejection)}`} |`);
    }
    lines.push('');
  }
  const rejected = rejectedModelAnswers(report);
  if (rejected.length > 0) lines.push(`<details><summary>${rejected.length} model answers rejected or wrong</summary>`, '', ...rejected.slice(0, 200).map((entry) => `- \`${entry.case}\` ${entry.outcome}: ${entry.why}`), '', '</details>', '');
  const failed = report.cases.filter((entry) => !entry.passed);
  if (failed.length > 0) lines.push(`<details><summary>${failed.length} failing cases</summary>`, '', ...failed.slice(0, 200).map((entry) => `- \`${entry.suite}/${entry.id}\`${entry.mustPass ? ' (must pass)' : ''}: ${entry.reasons.join('; ')}`), '', '</details>', '');
  return lines.join('\n');
}

