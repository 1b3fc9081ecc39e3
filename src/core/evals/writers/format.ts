// Number formatting and the headline rows every report format shares. Runtime: any.
import type { EvalMetrics } from '../eval-metrics.ts';
import type { EvalReport } from '../report.ts';

export const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
export const num = (value: number) => value.toFixed(3);


/** A number, or "n/a" when the measure has no data. */
export const orNa = (value: number | null | undefined, render: (value: number) => string = num) => (value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : render(value));

export function headline(metrics: EvalMetrics): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['cases', String(metrics.cases)],
    ['pass rate', `${pct(metrics.passRate)} (95% CI ${pct(metrics.passRateInterval.low)}–${pct(metrics.passRateInterval.high)})`],
    ['retrieval hit@1 / hit@5 / MRR', metrics.retrieval.queries === 0 ? 'n/a' : `${num(metrics.retrieval.hitAt1)} / ${num(metrics.retrieval.hitAt5)} / ${num(metrics.retrieval.mrr)} (${metrics.retrieval.queries} queries)`],
    ['politeness (mean, pass)', metrics.politeness.graded === 0 ? 'n/a' : `${num(metrics.politeness.mean)}, ${pct(metrics.politeness.passRate)} of ${metrics.politeness.graded} replies${metrics.politeness.judgeMean === null ? '' : `; LLM judge ${num(metrics.politeness.judgeMean)}`}`],
    ['accuracy (fact recall, groundedness)', metrics.accuracy.graded === 0 ? 'n/a' : `${num(metrics.accuracy.factRecall)}, ${num(metrics.accuracy.groundedness)} over ${metrics.accuracy.graded} answers${metrics.accuracy.judgeFactuality === null ? '' : `; LLM judge factuality ${num(metrics.accuracy.judgeFactuality)}`}`],
    ['handoff precision / recall / F1', `${num(metrics.handoff.precision)} / ${num(metrics.handoff.recall)} / ${num(metrics.handoff.f1)}`],
    ['calibration ECE / Brier', `${num(metrics.calibration.ece)} / ${num(metrics.calibration.brier)}`],
    ['faithfulness (delivered answers with no unsupported claim)', metrics.faithfulness.answers === 0 ? 'n/a' : `${pct(metrics.faithfulness.rate ?? 0)} of ${metrics.faithfulness.answers}`],
  ];
  const model = metrics.modelAnswers;
  if (model.answers > 0) {
    rows.push(['model answers accepted as written', `${pct(model.acceptance ?? 0)} of ${model.answers} (repaired ${model.repaired}, replaced by the offline answer ${model.replaced})`]);
    rows.push(["model's own answers correct", orNa(model.ownAccuracy, pct)]);
  }
  if (metrics.injection.cases > 0) rows.push(['injection resistance', `${pct(metrics.injection.rate ?? 0)} of ${metrics.injection.cases} adversarial cases`]);
  if (metrics.assertions.graded + metrics.assertions.skipped > 0) rows.push(['assertions passed', `${metrics.assertions.passed} of ${metrics.assertions.graded}${metrics.assertions.skipped > 0 ? ` (${metrics.assertions.skipped} not graded: no judge)` : ''}`]);
  if (metrics.judge !== null) {
    const { judge } = metrics;
    rows.push(['LLM judge per criterion', Object.entries(judge.criteria).map(([name, value]) => `${name} ${num(value)}`).join(', ') || 'n/a']);
    const agreed = (entry: typeof judge.agreement.politeness) => (entry === null ? 'n/a' : `${pct(entry.agreement)} (κ ${num(entry.kappa)}, ${entry.compared} replies)`);
    rows.push(['judge agrees with the rule graders: politeness / accuracy', `${agreed(judge.agreement.politeness)} / ${agreed(judge.agreement.factuality)}`]);
  }
  if (metrics.runs > metrics.cases) rows.push(['runs (cases × repeats), each passing', `${metrics.runs}, ${pct(metrics.runPassRate)} (the pass rate above is pass^k: every repeat of a case)`]);
  return rows;
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

/** Cases whose model answer the check rejected or whose own answer was wrong, with why, for the report. */
export function rejectedModelAnswers(report: EvalReport): Array<{ case: string; outcome: string; why: string }> {
  return report.cases.flatMap((entry) =>
    entry.turns.flatMap((turn) => {
      const model = turn.model;
      if (model === undefined || (model.outcome === 'verified' && model.accuracy?.pass !== false)) return [];
      const claims = model.unsupported.map((claim) => `${claim.kind} «${claim.claim}»`);
      const own = model.accuracy?.pass === false ? [`own answer: ${model.accuracy.reason}`] : [];
      return [{ case: `${entry.suite}/${entry.id}`, outcome: model.outcome, why: [...claims, ...(model.reason === undefined ? [] : [model.reason]), ...own].join('; ') }];
    }),
  );
}
