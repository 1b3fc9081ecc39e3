// Headline metrics of an eval run, per language and tag, from graded cases. Runtime: any.
import { handoffMetrics, type LabelledDecision } from './handoff-metrics.ts';
import type { CaseResult, TurnResult } from './run-eval.ts';
import { calibration, wilson } from './statistics.ts';

export interface EvalMetrics {
  /** Distinct cases (repeats of a case count once). */
  readonly cases: number;
  /** Runs of cases: cases × repeats. */
  readonly runs: number;
  /** Share of cases that passed, every repeat of them (pass^k with --repeat k); its interval is over cases. */
  readonly passRate: number;
  /** Share of single runs that passed (pass@1 averaged over repeats). */
  readonly runPassRate: number;
  readonly passRateInterval: { readonly low: number; readonly high: number };
  /** Share of cases whose every repeat passed (pass^k), when run with --repeat. */
  readonly passAllRepeats: number;
  readonly retrieval: {
    readonly queries: number;
    readonly hitAt1: number;
    readonly hitAt5: number;
    readonly mrr: number;
  };
  readonly politeness: {
    readonly mean: number;
    readonly passRate: number;
    readonly graded: number;
    readonly judgeMean: number | null;
  };
  readonly accuracy: {
    readonly factRecall: number;
    readonly groundedness: number;
    readonly passRate: number;
    readonly graded: number;
    readonly judgeFactuality: number | null;
  };
  readonly handoff: {
    readonly precision: number;
    readonly recall: number;
    readonly f1: number;
    readonly perReason: ReturnType<typeof handoffMetrics>['perReason'];
    readonly confusion: ReturnType<typeof handoffMetrics>['confusion'];
  };
  readonly calibration: {
    readonly ece: number;
    readonly brier: number;
    readonly riskCoverage: ReadonlyArray<{
      readonly threshold: number;
      readonly coverage: number;
      readonly accuracy: number;
    }>;
  };
  /**
   * The model's own answers (runs with a model): how many the claim check let through as written, repaired or
   * replaced; acceptance is the share accepted as written (a repaired answer had claims rejected); own accuracy
   * grades what the model wrote.
   */
  readonly modelAnswers: {
    readonly answers: number;
    readonly verified: number;
    readonly repaired: number;
    readonly replaced: number;
    readonly acceptance: number | null;
    readonly ownAccuracy: number | null;
  };
  /** Delivered answers whose every claim their cited articles support. */
  readonly faithfulness: { readonly answers: number; readonly clean: number; readonly rate: number | null };
  /** Adversarial cases with no leak, no forbidden content and no unsupported promise. */
  readonly injection: { readonly cases: number; readonly resistant: number; readonly rate: number | null };
  readonly assertions: { readonly graded: number; readonly passed: number; readonly skipped: number };
  /** The LLM judge's scores per criterion, and how often it agrees with the rule graders; null without a judge. */
  readonly judge: JudgeSummary | null;
}

export interface Agreement {
  readonly compared: number;
  /** Share of replies where judge and rules give the same pass or fail. */
  readonly agreement: number;
  /** Cohen's kappa: agreement beyond chance, in [-1, 1]. */
  readonly kappa: number;
}

export interface JudgeSummary {
  readonly graded: number;
  readonly criteria: Readonly<Record<string, number>>;
  readonly politeness: number;
  readonly factuality: number;
  readonly agreement: { readonly politeness: Agreement | null; readonly factuality: Agreement | null };
}

/** A judge score at or above this counts as a pass when compared with the rule graders. */
export const JUDGE_PASS = 0.75;

function agreement(pairs: ReadonlyArray<readonly [boolean, boolean]>): Agreement | null {
  if (pairs.length === 0) return null;
  const total = pairs.length;
  const same = pairs.filter(([judge, rules]) => judge === rules).length / total;
  const judgeYes = pairs.filter(([judge]) => judge).length / total;
  const rulesYes = pairs.filter(([, rules]) => rules).length / total;
  const chance = judgeYes * rulesYes + (1 - judgeYes) * (1 - rulesYes);
  return { compared: total, agreement: same, kappa: chance === 1 ? 1 : (same - chance) / (1 - chance) };
}

function judgeSummary(turns: readonly TurnResult[]): JudgeSummary | null {
  const judged = turns.filter((turn) => turn.judge != null);
  if (judged.length === 0) return null;
  const criteria: Record<string, number[]> = {};
  for (const turn of judged)
    for (const [name, value] of Object.entries(turn.judge?.criteria ?? {})) (criteria[name] ??= []).push(value);
  return {
    graded: judged.length,
    criteria: Object.fromEntries(Object.entries(criteria).map(([name, values]) => [name, mean(values)])),
    politeness: mean(judged.map((turn) => turn.judge?.politeness ?? 0)),
    factuality: mean(judged.map((turn) => turn.judge?.factuality ?? 0)),
    agreement: {
      politeness: agreement(
        judged.flatMap((turn) =>
          turn.politeness === null
            ? []
            : [[(turn.judge?.politeness ?? 0) >= JUDGE_PASS, turn.politeness.pass] as const],
        ),
      ),
      factuality: agreement(
        judged.flatMap((turn) =>
          turn.accuracy === null ? [] : [[(turn.judge?.factuality ?? 0) >= JUDGE_PASS, turn.accuracy.pass] as const],
        ),
      ),
    },
  };
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

export function evalMetrics(cases: readonly CaseResult[]): EvalMetrics {
  const turns: TurnResult[] = cases.flatMap((entry) => entry.turns);
  const byCase = new Map<string, boolean>();
  for (const entry of cases)
    byCase.set(`${entry.suite}/${entry.id}`, (byCase.get(`${entry.suite}/${entry.id}`) ?? true) && entry.passed);
  const passed = [...byCase.values()].filter(Boolean).length;
  const ranks = turns.filter((turn) => turn.retrievalRank !== undefined).map((turn) => turn.retrievalRank ?? null);
  const polite = turns.flatMap((turn) => (turn.politeness === null ? [] : [turn.politeness]));
  const accurate = turns.flatMap((turn) => (turn.accuracy === null ? [] : [turn.accuracy]));
  const judged = turns.flatMap((turn) => (turn.judge == null ? [] : [turn.judge]));
  const decisions: LabelledDecision[] = turns
    .filter((turn) => turn.expect.action !== undefined)
    .map((turn, index) => ({
      id: String(index),
      expected: turn.expect.action === 'handoff' ? (turn.expect.handoffReason ?? 'handoff') : 'none',
      actual:
        turn.reply?.action === 'handoff'
          ? turn.expect.handoffReason === undefined
            ? 'handoff'
            : (turn.reply.reasons[0] ?? 'handoff')
          : 'none',
    }));
  const binary = decisions.map((decision) => ({
    ...decision,
    expected: decision.expected === 'none' ? 'none' : 'handoff',
    actual: decision.actual === 'none' ? 'none' : 'handoff',
  }));
  const handoff = handoffMetrics(decisions);
  const handoffBinary = handoffMetrics(binary).perReason.handoff ?? { precision: 0, recall: 0, f1: 0, support: 0 };
  const predictions = turns
    .filter((turn) => turn.reply !== null && turn.reply.action === 'answer' && turn.accuracy !== null)
    .map((turn) => ({
      confidence: turn.reply?.confidence ?? 0,
      correct: turn.accuracy?.pass === true && turn.actionOk,
    }));
  const scored = turns
    .filter((turn) => turn.reply !== null && turn.expect.action !== undefined)
    .map((turn) => ({
      confidence: turn.reply?.confidence ?? 0,
      correct: turn.actionOk && (turn.accuracy?.pass ?? true),
    }));
  const riskCoverage = Array.from({ length: 20 }, (_, step) => step / 20).map((threshold) => {
    const answered = scored.filter((entry) => entry.confidence >= threshold);
    return {
      threshold,
      coverage: scored.length === 0 ? 0 : answered.length / scored.length,
      accuracy: answered.length === 0 ? 1 : answered.filter((entry) => entry.correct).length / answered.length,
    };
  });
  const models = turns.flatMap((turn) => (turn.model === undefined ? [] : [turn.model]));
  const ownGraded = models.flatMap((model) => (model.accuracy === null ? [] : [model.accuracy]));
  const faithful = turns.flatMap((turn) =>
    turn.deliveredUnsupported === undefined ? [] : [turn.deliveredUnsupported.length === 0],
  );
  const adversarial = cases.filter((entry) => entry.turns.some((turn) => turn.safety !== undefined));
  const assertions = turns.flatMap((turn) => turn.assertions ?? []);
  const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    modelAnswers: {
      answers: models.length,
      verified: models.filter((model) => model.outcome === 'verified').length,
      repaired: models.filter((model) => model.outcome === 'repaired').length,
      replaced: models.filter((model) => model.outcome === 'replaced').length,
      acceptance: share(models.filter((model) => model.outcome === 'verified').length, models.length),
      ownAccuracy: share(ownGraded.filter((grade) => grade.pass).length, ownGraded.length),
    },
    faithfulness: {
      answers: faithful.length,
      clean: faithful.filter(Boolean).length,
      rate: share(faithful.filter(Boolean).length, faithful.length),
    },
    injection: {
      cases: adversarial.length,
      resistant: adversarial.filter((entry) => entry.turns.every((turn) => turn.safety?.pass !== false)).length,
      rate: share(
        adversarial.filter((entry) => entry.turns.every((turn) => turn.safety?.pass !== false)).length,
        adversarial.length,
      ),
    },
    judge: judgeSummary(turns),
    assertions: {
      graded: assertions.filter((result) => result.skipped !== true).length,
      passed: assertions.filter((result) => result.pass && result.skipped !== true).length,
      skipped: assertions.filter((result) => result.skipped === true).length,
    },
    cases: byCase.size,
    runs: cases.length,
    passRate: byCase.size === 0 ? 0 : passed / byCase.size,
    runPassRate: cases.length === 0 ? 0 : cases.filter((entry) => entry.passed).length / cases.length,
    passRateInterval: wilson(passed, byCase.size),
    passAllRepeats: byCase.size === 0 ? 0 : [...byCase.values()].filter(Boolean).length / byCase.size,
    retrieval: {
      queries: ranks.length,
      hitAt1: ranks.length === 0 ? 0 : ranks.filter((rank) => rank === 1).length / ranks.length,
      hitAt5: ranks.length === 0 ? 0 : ranks.filter((rank) => rank !== null && rank <= 5).length / ranks.length,
      mrr: mean(ranks.map((rank) => (rank === null ? 0 : 1 / rank))),
    },
    politeness: {
      mean: mean(polite.map((grade) => grade.score)),
      passRate: polite.length === 0 ? 0 : polite.filter((grade) => grade.pass).length / polite.length,
      graded: polite.length,
      judgeMean: judged.length === 0 ? null : mean(judged.map((verdict) => verdict.politeness)),
    },
    accuracy: {
      factRecall: mean(accurate.flatMap((grade) => (grade.factRecall === null ? [] : [grade.factRecall]))),
      groundedness: mean(accurate.flatMap((grade) => (grade.groundedness === null ? [] : [grade.groundedness]))),
      passRate: accurate.length === 0 ? 0 : accurate.filter((grade) => grade.pass).length / accurate.length,
      graded: accurate.length,
      judgeFactuality: judged.length === 0 ? null : mean(judged.map((verdict) => verdict.factuality)),
    },
    handoff: {
      precision: handoffBinary.precision,
      recall: handoffBinary.recall,
      f1: handoffBinary.f1,
      perReason: handoff.perReason,
      confusion: handoff.confusion,
    },
    calibration: { ...calibration(predictions), riskCoverage },
  };
}
