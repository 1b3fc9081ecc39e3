// The eval report: one object rendered as JSON, Markdown, self-contained HTML, JUnit XML and a terminal table. Runtime: any.
import type { Comparison } from './compare.ts';
import { evalMetrics, type EvalMetrics } from './eval-metrics.ts';
import type { CaseResult } from './run-eval.ts';
import type { Usage } from '../reply/usage-meter.ts';

export interface CaseSummary {
  readonly id: string;
  readonly suite: string;
  readonly lang: string | undefined;
  readonly tags: readonly string[];
  readonly mustPass: boolean;
  readonly repeat: number;
  readonly passed: boolean;
  readonly scores: { readonly politeness: number | null; readonly accuracy: number | null; readonly handoff: number };
  readonly reasons: readonly string[];
  readonly turns: CaseResult['turns'];
}

export interface EvalReport {
  readonly createdAt: string;
  readonly seconds: number;
  readonly suites: readonly string[];
  readonly prompts: string;
  readonly metrics: EvalMetrics;
  readonly breakdown: Readonly<Record<string, { readonly cases: number; readonly passRate: number; readonly politeness: number; readonly factRecall: number }>>;
  readonly cases: readonly CaseSummary[];
  readonly baseline?: { readonly prompts: string; readonly metrics: EvalMetrics; readonly cases: readonly CaseSummary[] } | undefined;
  readonly comparison?: Comparison | undefined;
  readonly gate: { readonly passed: boolean; readonly failures: readonly string[] };
  /** Model calls, cache hits, tokens and estimated cost (all zero offline). */
  readonly usage: Usage;
}

const average = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);

export function summarizeCase(entry: CaseResult): CaseSummary {
  return {
    id: entry.id,
    suite: entry.suite,
    lang: entry.lang,
    tags: entry.tags,
    mustPass: entry.mustPass,
    repeat: entry.repeat,
    passed: entry.passed,
    scores: {
      politeness: average(entry.turns.flatMap((turn) => (turn.politeness === null ? [] : [turn.politeness.score]))),
      accuracy: average(entry.turns.flatMap((turn) => (turn.accuracy === null ? [] : [turn.accuracy.score]))),
      handoff: entry.turns.filter((turn) => turn.actionOk).length / Math.max(1, entry.turns.length),
    },
    reasons: entry.turns.flatMap((turn) => turn.reasons),
    turns: entry.turns,
  };
}

export function buildReport(input: { cases: readonly CaseResult[]; suites: readonly string[]; prompts: string; seconds: number; createdAt: string; baseline?: { prompts: string; cases: readonly CaseResult[] }; comparison?: Comparison; usage?: Usage }): EvalReport {
  const groups = new Map<string, CaseResult[]>();
  for (const entry of input.cases) for (const group of [`lang:${entry.lang ?? 'auto'}`, ...entry.tags.map((tag) => `tag:${tag}`)]) groups.set(group, [...(groups.get(group) ?? []), entry]);
  const breakdown = Object.fromEntries(
    [...groups.entries()].sort().map(([group, entries]) => {
      const metrics = evalMetrics(entries);
      return [group, { cases: entries.length, passRate: metrics.passRate, politeness: metrics.politeness.mean, factRecall: metrics.accuracy.factRecall }];
    }),
  );
  const failures = [
    ...input.cases.filter((entry) => entry.mustPass && !entry.passed).map((entry) => `must-pass case ${entry.suite}/${entry.id} failed`),
    ...(input.comparison?.regressions ?? []),
  ];
  return {
    createdAt: input.createdAt,
    seconds: input.seconds,
    suites: input.suites,
    prompts: input.prompts,
    metrics: evalMetrics(input.cases),
    breakdown,
    cases: input.cases.map(summarizeCase),
    baseline: input.baseline === undefined ? undefined : { prompts: input.baseline.prompts, metrics: evalMetrics(input.baseline.cases), cases: input.baseline.cases.map(summarizeCase) },
    comparison: input.comparison,
    gate: { passed: failures.length === 0, failures },
    usage: input.usage ?? { calls: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, estimatedCost: 0 },
  };
}

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const num = (value: number) => value.toFixed(3);

function headline(metrics: EvalMetrics): Array<[string, string]> {
  return [
    ['cases', String(metrics.cases)],
    ['pass rate', `${pct(metrics.passRate)} (95% CI ${pct(metrics.passRateInterval.low)}–${pct(metrics.passRateInterval.high)})`],
    ['retrieval hit@1 / hit@5 / MRR', `${num(metrics.retrieval.hitAt1)} / ${num(metrics.retrieval.hitAt5)} / ${num(metrics.retrieval.mrr)} (${metrics.retrieval.queries} queries)`],
    ['politeness (mean, pass)', `${num(metrics.politeness.mean)}, ${pct(metrics.politeness.passRate)} of ${metrics.politeness.graded} replies${metrics.politeness.judgeMean === null ? '' : `; LLM judge ${num(metrics.politeness.judgeMean)}`}`],
    ['accuracy (fact recall, groundedness)', `${num(metrics.accuracy.factRecall)}, ${num(metrics.accuracy.groundedness)} over ${metrics.accuracy.graded} answers${metrics.accuracy.judgeFactuality === null ? '' : `; LLM judge factuality ${num(metrics.accuracy.judgeFactuality)}`}`],
    ['handoff precision / recall / F1', `${num(metrics.handoff.precision)} / ${num(metrics.handoff.recall)} / ${num(metrics.handoff.f1)}`],
    ['calibration ECE / Brier', `${num(metrics.calibration.ece)} / ${num(metrics.calibration.brier)}`],
  ];
}

export function toTable(report: EvalReport): string {
  const rows = headline(report.metrics);
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`);
  if (report.comparison !== undefined) lines.push(`${'vs baseline'.padEnd(width)}  ${report.comparison.mcnemar.failToPass} fixed, ${report.comparison.mcnemar.passToFail} broken (McNemar p = ${num(report.comparison.mcnemar.pValue)})`);
  lines.push(`${'model calls'.padEnd(width)}  ${report.usage.calls} (+${report.usage.cacheHits} from cache), ${report.usage.promptTokens} + ${report.usage.completionTokens} tokens, est. cost ${report.usage.estimatedCost.toFixed(4)}`);
  lines.push(`${'gate'.padEnd(width)}  ${report.gate.passed ? 'PASS' : `FAIL: ${report.gate.failures.join('; ')}`}`);
  return `${lines.join('\n')}\n`;
}

export function toMarkdown(report: EvalReport): string {
  const lines = [`## Firstline eval: ${report.gate.passed ? '✅ pass' : '❌ fail'}`, ''];
  if (!report.gate.passed) lines.push('**Regressions and failures**', '', ...report.gate.failures.map((failure) => `- ${failure}`), '');
  if (report.comparison !== undefined) {
    const broken = report.comparison.cases.filter((entry) => entry.change === 'pass→fail');
    lines.push(`**Against baseline** (${report.baseline?.prompts ?? ''}): ${report.comparison.mcnemar.failToPass} fixed, ${broken.length} broken, McNemar p = ${num(report.comparison.mcnemar.pValue)}`, '');
    lines.push('| metric | Δ | 95% CI |', '|---|---:|---|', ...Object.entries(report.comparison.deltas).map(([name, interval]) => `| ${name} | ${interval.delta >= 0 ? '+' : ''}${num(interval.delta)} | ${num(interval.low)} … ${num(interval.high)} |`), '');
    if (broken.length > 0) lines.push('| case | change | politeness Δ | accuracy Δ |', '|---|---|---:|---:|', ...broken.map((entry) => `| ${entry.suite}/${entry.id} | ${entry.change} | ${num(entry.politenessDelta)} | ${num(entry.accuracyDelta)} |`), '');
    if (report.comparison.nicerButWrong.length > 0) lines.push(`**Nicer but wrong:** ${report.comparison.nicerButWrong.join(', ')}`, '');
  }
  lines.push('| metric | value |', '|---|---|', ...headline(report.metrics).map(([name, value]) => `| ${name} | ${value} |`), '');
  const failed = report.cases.filter((entry) => !entry.passed);
  if (failed.length > 0) lines.push(`<details><summary>${failed.length} failing cases</summary>`, '', ...failed.slice(0, 200).map((entry) => `- \`${entry.suite}/${entry.id}\`${entry.mustPass ? ' (must pass)' : ''}: ${entry.reasons.join('; ')}`), '', '</details>', '');
  return lines.join('\n');
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function riskCoverageSvg(metrics: EvalMetrics): string {
  const points = metrics.calibration.riskCoverage.map((point) => `${(40 + point.coverage * 320).toFixed(1)},${(210 - point.accuracy * 180).toFixed(1)}`).join(' ');
  return `<svg viewBox="0 0 380 240" width="380" height="240" role="img" aria-label="Risk-coverage curve: accuracy of answered cases against the share answered"><rect x="40" y="30" width="320" height="180" fill="none" stroke="#999"/><polyline points="${points}" fill="none" stroke="#1a5fb4" stroke-width="2"/><text x="200" y="232" text-anchor="middle" font-size="12">coverage (share answered)</text><text x="12" y="120" font-size="12" transform="rotate(-90 12 120)" text-anchor="middle">accuracy</text></svg>`;
}

export function toHtml(report: EvalReport): string {
  const rows = headline(report.metrics).map(([name, value]) => `<tr><th scope="row">${escape(name)}</th><td>${escape(value)}</td></tr>`).join('');
  const breakdown = Object.entries(report.breakdown).map(([group, row]) => `<tr><td>${escape(group)}</td><td>${row.cases}</td><td>${pct(row.passRate)}</td><td>${num(row.politeness)}</td><td>${num(row.factRecall)}</td></tr>`).join('');
  const cases = report.cases
    .map((entry) => {
      const turns = entry.turns
        .map((turn) => `<div class="turn"><p><b>Customer:</b> ${escape(turn.customer)}</p><p><b>Bot (${escape(turn.reply?.action ?? 'silent')}${turn.reply?.reasons.length ? `: ${escape(turn.reply.reasons.join(', '))}` : ''}):</b> ${escape(turn.reply?.text ?? '—').replace(/\n/g, '<br>')}</p><p class="meta">citations: ${escape(turn.reply?.citations.join(', ') || 'none')} · confidence ${num(turn.reply?.confidence ?? 0)} · ${escape(turn.reasons.join('; ') || 'passed')}</p></div>`)
        .join('');
      return `<details class="${entry.passed ? 'pass' : 'fail'}"><summary>${entry.passed ? '✓' : '✗'} ${escape(entry.suite)}/${escape(entry.id)} <span class="meta">${escape(entry.lang ?? '')} ${escape(entry.tags.join(', '))}</span></summary>${turns}</details>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Firstline eval ${escape(report.createdAt)}</title><style>body{font:14px/1.5 system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}.fail>summary{color:#a51d2d}.pass>summary{color:#26a269}.meta{color:#666;font-size:12px}.turn{border-left:3px solid #ddd;padding-left:.8rem;margin:.5rem 0}</style></head><body><h1>Firstline eval — ${report.gate.passed ? 'pass' : 'fail'}</h1><p class="meta">${escape(report.createdAt)} · ${report.seconds.toFixed(1)} s · suites: ${escape(report.suites.join(', '))} · prompts: ${escape(report.prompts)}</p>${report.gate.failures.length > 0 ? `<ul>${report.gate.failures.map((failure) => `<li>${escape(failure)}</li>`).join('')}</ul>` : ''}<table>${rows}</table><h2>Risk–coverage</h2>${riskCoverageSvg(report.metrics)}<h2>By language and tag</h2><table><tr><th>group</th><th>cases</th><th>pass rate</th><th>politeness</th><th>fact recall</th></tr>${breakdown}</table><h2>Cases</h2>${cases}</body></html>\n`;
}

export function toJunit(report: EvalReport): string {
  const bySuite = new Map<string, CaseSummary[]>();
  for (const entry of report.cases) bySuite.set(entry.suite, [...(bySuite.get(entry.suite) ?? []), entry]);
  const suites = [...bySuite.entries()].map(([suite, entries]) => {
    const cases = entries.map((entry) => `    <testcase classname="${escape(suite)}" name="${escape(`${entry.id}${entry.repeat > 0 ? `#${entry.repeat}` : ''}`)}">${entry.passed ? '' : `<failure message="${escape(entry.reasons.join('; ').slice(0, 500))}"/>`}</testcase>`);
    return `  <testsuite name="${escape(suite)}" tests="${entries.length}" failures="${entries.filter((entry) => !entry.passed).length}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="firstline-eval" tests="${report.cases.length}" failures="${report.cases.filter((entry) => !entry.passed).length}">\n${suites.join('\n')}\n</testsuites>\n`;
}
