// Number formatting and the headline rows every report format shares. Runtime: any.
import type { EvalMetrics } from '../eval-metrics.ts';
import type { EvalReport } from '../report.ts';

export const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
export const num = (value: number) => value.toFixed(3);


export function headline(metrics: EvalMetrics): Array<[string, string]> {
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


export const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');


/** What differs between the sides, one line each: files, settings, model. */
export function differenceLines(report: EvalReport): string[] {
  const differences = report.configuration?.differences;
  if (differences === undefined) return [];
  return [
    ...differences.files.map((file) => `${file.change} ${file.path}`),
    ...differences.settings.map((setting) => `setting ${setting.key}: ${setting.baseline ?? '(unset)'} → ${setting.candidate ?? '(unset)'}`),
    ...(differences.model === null ? [] : [`model: ${differences.model.baseline} → ${differences.model.candidate}`]),
  ];
}
