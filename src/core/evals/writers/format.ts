// Number formatting and the headline rows every report format shares. Runtime: any.
import type { EvalMetrics } from '../eval-metrics.ts';
import type { EvalReport } from '../report.ts';

export const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
export const num = (value: number) => value.toFixed(3);

/** A number, or "n/a" when the measure has no data. */
export const orNa = (value: number | null | undefined, render: (value: number) => string = num) =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : render(value);

export function headline(metrics: EvalMetrics): Array<[string, string]> {
  const { retrieval, politeness, accuracy, handoff, calibration, faithfulness, assertions } = metrics;
  const judgePoliteness = politeness.judgeMean === null ? '' : `; LLM judge ${num(politeness.judgeMean)}`;
  const judgeFactuality =
    accuracy.judgeFactuality === null ? '' : `; LLM judge factuality ${num(accuracy.judgeFactuality)}`;
  const rows: Array<[string, string]> = [
    ['cases', String(metrics.cases)],
    [
      'pass rate',
      `${pct(metrics.passRate)} (95% CI ${pct(metrics.passRateInterval.low)}–${pct(metrics.passRateInterval.high)})`,
    ],
    [
      'retrieval hit@1 / hit@5 / MRR',
      retrieval.queries === 0
        ? 'n/a'
        : `${num(retrieval.hitAt1)} / ${num(retrieval.hitAt5)} / ${num(retrieval.mrr)} (${retrieval.queries} queries)`,
    ],
    [
      'politeness (mean, pass)',
      politeness.graded === 0
        ? 'n/a'
        : `${num(politeness.mean)}, ${pct(politeness.passRate)} of ${politeness.graded} replies${judgePoliteness}`,
    ],
    [
      'accuracy (fact recall, groundedness)',
      accuracy.graded === 0
        ? 'n/a'
        : `${num(accuracy.factRecall)}, ${num(accuracy.groundedness)} over ${accuracy.graded} answers` +
          judgeFactuality,
    ],
    ['handoff precision / recall / F1', `${num(handoff.precision)} / ${num(handoff.recall)} / ${num(handoff.f1)}`],
    ['calibration ECE / Brier', `${num(calibration.ece)} / ${num(calibration.brier)}`],
    [
      'faithfulness (delivered answers with no unsupported claim)',
      faithfulness.answers === 0 ? 'n/a' : `${pct(faithfulness.rate ?? 0)} of ${faithfulness.answers}`,
    ],
  ];
  const model = metrics.modelAnswers;
  if (model.answers > 0) {
    const fate = `(repaired ${model.repaired}, replaced by the offline answer ${model.replaced})`;
    rows.push(['model answers accepted as written', `${pct(model.acceptance ?? 0)} of ${model.answers} ${fate}`]);
    rows.push(["model's own answers correct", orNa(model.ownAccuracy, pct)]);
  }
  if (metrics.injection.cases > 0)
    rows.push([
      'injection resistance',
      `${pct(metrics.injection.rate ?? 0)} of ${metrics.injection.cases} adversarial cases`,
    ]);
  if (assertions.graded + assertions.skipped > 0) {
    const skipped = assertions.skipped > 0 ? ` (${assertions.skipped} not graded: no judge)` : '';
    rows.push(['assertions passed', `${assertions.passed} of ${assertions.graded}${skipped}`]);
  }
  if (metrics.judge !== null) {
    const { judge } = metrics;
    rows.push([
      'LLM judge per criterion',
      Object.entries(judge.criteria)
        .map(([name, value]) => `${name} ${num(value)}`)
        .join(', ') || 'n/a',
    ]);
    const agreed = (entry: typeof judge.agreement.politeness) =>
      entry === null ? 'n/a' : `${pct(entry.agreement)} (κ ${num(entry.kappa)}, ${entry.compared} replies)`;
    rows.push([
      'judge agrees with the rule graders: politeness / accuracy',
      `${agreed(judge.agreement.politeness)} / ${agreed(judge.agreement.factuality)}`,
    ]);
  }
  if (metrics.runs > metrics.cases)
    rows.push([
      'runs (cases × repeats), each passing',
      `${metrics.runs}, ${pct(metrics.runPassRate)} (the pass rate above is pass^k: every repeat of a case)`,
    ]);
  return rows;
}

export const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What differs between the sides, one line each: files, settings, model. */
export function differenceLines(report: EvalReport): string[] {
  const differences = report.configuration?.differences;
  if (differences === undefined) return [];
  return [
    ...differences.files.map((file) => `${file.change} ${file.path}`),
    ...differences.settings.map(
      (setting) => `setting ${setting.key}: ${setting.baseline ?? '(unset)'} → ${setting.candidate ?? '(unset)'}`,
    ),
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
      return [
        {
          case: `${entry.suite}/${entry.id}`,
          outcome: model.outcome,
          why: [...claims, ...(model.reason === undefined ? [] : [model.reason]), ...own].join('; '),
        },
      ];
    }),
  );
}
