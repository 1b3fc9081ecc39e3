// Compares a run with its baseline case by case: flips, McNemar's test, bootstrap intervals on metric
// deltas, "nicer but wrong" cases, and the metrics that regressed by the gate's rule (gate.ts). Runtime: any.
import { regressionsOf } from './gate.ts';
import type { CaseResult, ModelAnswerGrade } from './run-eval.ts';
import { mcnemarExact, pairedBootstrap } from './statistics.ts';

export interface CaseDiff {
  readonly id: string;
  readonly suite: string;
  readonly change: 'pass→fail' | 'fail→pass' | 'same';
  readonly politenessDelta: number;
  readonly accuracyDelta: number;
}

export interface Comparison {
  readonly cases: readonly CaseDiff[];
  readonly mcnemar: { readonly passToFail: number; readonly failToPass: number; readonly pValue: number };
  readonly deltas: Readonly<Record<string, { readonly delta: number; readonly low: number; readonly high: number }>>;
  readonly nicerButWrong: readonly string[];
  /** Metrics whose drop is significant and larger than the tolerance. */
  readonly regressions: readonly string[];
}

/** The repeats of one case together: the turns of all of them, passed only if every one passed. */
function merge(repeats: readonly CaseResult[]): CaseResult {
  const first = repeats[0] as CaseResult;
  return {
    ...first,
    repeat: 0,
    turns: repeats.flatMap((entry) => entry.turns),
    passed: repeats.every((entry) => entry.passed),
  };
}

/** Results by case (suite and id), repeats merged. */
export function byCase(results: readonly CaseResult[]): Map<string, CaseResult> {
  const groups = new Map<string, CaseResult[]>();
  for (const entry of results)
    groups.set(`${entry.suite}/${entry.id}`, [...(groups.get(`${entry.suite}/${entry.id}`) ?? []), entry]);
  return new Map([...groups].map(([key, repeats]) => [key, merge(repeats)]));
}

const caseScore = (entry: CaseResult, pick: 'politeness' | 'accuracy') => {
  const scores = entry.turns.flatMap((turn) =>
    pick === 'politeness'
      ? turn.politeness === null
        ? []
        : [turn.politeness.score]
      : turn.accuracy === null
        ? []
        : [turn.accuracy.score],
  );
  return scores.length === 0 ? Number.NaN : scores.reduce((sum, value) => sum + value, 0) / scores.length;
};

/** Share of a case's model answers that meet `test`, among those `counted`; NaN without model answers. */
function modelShare(
  entry: CaseResult,
  test: (model: ModelAnswerGrade) => boolean | undefined,
  counted: (model: ModelAnswerGrade) => boolean = () => true,
): number {
  const models = entry.turns.flatMap((turn) => (turn.model !== undefined && counted(turn.model) ? [turn.model] : []));
  return models.length === 0 ? Number.NaN : models.filter((model) => test(model) === true).length / models.length;
}

/** Pairs cases by suite and id (repeats merged); `tolerance` is the largest acceptable drop of a mean score. */
export function compareRuns(
  current: readonly CaseResult[],
  baseline: readonly CaseResult[],
  tolerance = 0.02,
): Comparison {
  // Repeats of a case are one case: it passes when every repeat passes, and its scores are their means, so
  // --repeat adds precision to each case rather than pretending to be more cases.
  const before = byCase(baseline);
  const pairs = [...byCase(current)].flatMap(([key, now]) => {
    const then = before.get(key);
    return then === undefined ? [] : [{ now, then }];
  });
  const diffs: CaseDiff[] = pairs.map(({ now, then }) => ({
    id: now.id,
    suite: now.suite,
    change: now.passed === then.passed ? 'same' : now.passed ? 'fail→pass' : 'pass→fail',
    politenessDelta: (caseScore(now, 'politeness') || 0) - (caseScore(then, 'politeness') || 0),
    accuracyDelta: (caseScore(now, 'accuracy') || 0) - (caseScore(then, 'accuracy') || 0),
  }));
  const passToFail = diffs.filter((diff) => diff.change === 'pass→fail').length;
  const failToPass = diffs.filter((diff) => diff.change === 'fail→pass').length;
  const pValue = mcnemarExact(passToFail, failToPass);
  const series = (pick: (entry: CaseResult) => number) => {
    const usable = pairs.filter(({ now, then }) => Number.isFinite(pick(now)) && Number.isFinite(pick(then)));
    return usable.length === 0
      ? undefined
      : pairedBootstrap(
          usable.map(({ now }) => pick(now)),
          usable.map(({ then }) => pick(then)),
        );
  };
  const measured = {
    passRate: series((entry) => (entry.passed ? 1 : 0)),
    politeness: series((entry) => caseScore(entry, 'politeness')),
    accuracy: series((entry) => caseScore(entry, 'accuracy')),
    // The model's answers the claim check lets through, and how its own answers grade: a worse prompt cannot hide
    // behind the fallback.
    modelAcceptance: series((entry) => modelShare(entry, (model) => model.outcome === 'verified')),
    modelOwnAccuracy: series((entry) =>
      modelShare(
        entry,
        (model) => model.accuracy?.pass,
        (model) => model.accuracy !== null,
      ),
    ),
  };
  // passRate, politeness and accuracy keep their place in report.json as before (zero when there is nothing to
  // compare); the model measures appear only when there are model answers on both sides.
  const none = { delta: 0, low: 0, high: 0 };
  const deltas: Record<string, { delta: number; low: number; high: number }> = {
    passRate: measured.passRate ?? none,
    politeness: measured.politeness ?? none,
    accuracy: measured.accuracy ?? none,
    ...(measured.modelAcceptance === undefined ? {} : { modelAcceptance: measured.modelAcceptance }),
    ...(measured.modelOwnAccuracy === undefined ? {} : { modelOwnAccuracy: measured.modelOwnAccuracy }),
  };
  const regressions = regressionsOf(deltas, pValue, tolerance);
  return {
    cases: diffs,
    mcnemar: { passToFail, failToPass, pValue },
    deltas,
    nicerButWrong: diffs
      .filter((diff) => diff.politenessDelta > 0 && diff.accuracyDelta < 0)
      .map((diff) => `${diff.suite}/${diff.id}`),
    regressions,
  };
}
