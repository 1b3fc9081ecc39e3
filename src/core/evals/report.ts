// The eval report: one object, built from the case results with the gate's verdict (gate.ts), rendered by one
// module per format in writers/: JSON, Markdown, self-contained HTML, JUnit XML, GitHub annotations and a
// terminal table. Runtime: any.
import type { Comparison } from './compare.ts';
import { evalMetrics, type EvalMetrics } from './eval-metrics.ts';
import { evaluateGate, type Gate, type GateInput } from './gate.ts';
import type { GroundingMetrics } from './grounding-set.ts';
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

/** One side of a run as a configuration: where it comes from and what it is made of. */
export interface SideDescription {
  readonly source: string;
  readonly knowledge: string;
  readonly prompts: string;
  readonly settings: Readonly<Record<string, string>>;
  readonly model: string;
  readonly promptVersions: Readonly<Record<string, string>>;
}

export interface RunConfiguration {
  readonly candidate: SideDescription;
  readonly baseline?: SideDescription | undefined;
  /** What differs between the sides: files, settings, model. */
  readonly differences?:
    | {
        readonly files: ReadonlyArray<{ readonly path: string; readonly change: string }>;
        readonly settings: ReadonlyArray<{
          readonly key: string;
          readonly baseline: string | null;
          readonly candidate: string | null;
        }>;
        readonly model: { readonly baseline: string; readonly candidate: string } | null;
      }
    | undefined;
}

export interface EvalReport {
  readonly createdAt: string;
  readonly seconds: number;
  readonly suites: readonly string[];
  readonly prompts: string;
  readonly metrics: EvalMetrics;
  /** Per language and tag; fact recall is null where no case of the group states facts. */
  readonly breakdown: Readonly<
    Record<
      string,
      {
        readonly cases: number;
        readonly passRate: number;
        readonly politeness: number;
        readonly factRecall: number | null;
      }
    >
  >;
  /** The candidate's confidence thresholds, marked on the risk–coverage curve. */
  readonly thresholds?: { readonly answer: number; readonly handoff: number } | undefined;
  readonly cases: readonly CaseSummary[];
  readonly baseline?:
    { readonly prompts: string; readonly metrics: EvalMetrics; readonly cases: readonly CaseSummary[] } | undefined;
  readonly comparison?: Comparison | undefined;
  readonly gate: Gate;
  /** Model calls, cache hits, tokens and estimated cost (all zero offline). */
  readonly usage: Usage;
  readonly configuration?: RunConfiguration | undefined;
  readonly checker?: CheckerResults | undefined;
}

const average = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

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

export interface ReportInput {
  readonly cases: readonly CaseResult[];
  readonly suites: readonly string[];
  readonly prompts: string;
  readonly seconds: number;
  readonly createdAt: string;
  readonly baseline?: { readonly prompts: string; readonly cases: readonly CaseResult[] } | undefined;
  readonly comparison?: Comparison | undefined;
  readonly usage?: Usage | undefined;
  readonly configuration?: RunConfiguration | undefined;
  readonly judgeThresholds?: GateInput['judge'];
  readonly thresholds?: { readonly answer: number; readonly handoff: number } | undefined;
  readonly checker?: CheckerResults | undefined;
}

/** The claim checker on the labelled grounding sets, per split, for each side. */
export interface CheckerResults {
  readonly candidate: Readonly<Record<string, GroundingMetrics>>;
  readonly baseline?: Readonly<Record<string, GroundingMetrics>> | undefined;
}

export function buildReport(input: ReportInput): EvalReport {
  const groups = new Map<string, CaseResult[]>();
  for (const entry of input.cases)
    for (const group of [`lang:${entry.lang ?? 'auto'}`, ...entry.tags.map((tag) => `tag:${tag}`)])
      groups.set(group, [...(groups.get(group) ?? []), entry]);
  const breakdown = Object.fromEntries(
    [...groups.entries()].sort().map(([group, entries]) => {
      const metrics = evalMetrics(entries);
      const statesFacts = entries.some((entry) => entry.turns.some((turn) => turn.accuracy?.factRecall != null));
      return [
        group,
        {
          cases: metrics.cases,
          passRate: metrics.passRate,
          politeness: metrics.politeness.mean,
          factRecall: statesFacts ? metrics.accuracy.factRecall : null,
        },
      ];
    }),
  );
  const metrics = evalMetrics(input.cases);
  const gate = evaluateGate({
    cases: input.cases,
    metrics,
    comparison: input.comparison,
    judge: input.judgeThresholds,
    checker: input.checker,
  });
  return {
    createdAt: input.createdAt,
    seconds: input.seconds,
    suites: input.suites,
    prompts: input.prompts,
    metrics,
    breakdown,
    cases: input.cases.map(summarizeCase),
    baseline:
      input.baseline === undefined
        ? undefined
        : {
            prompts: input.baseline.prompts,
            metrics: evalMetrics(input.baseline.cases),
            cases: input.baseline.cases.map(summarizeCase),
          },
    comparison: input.comparison,
    gate,
    usage: input.usage ?? { calls: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, estimatedCost: 0 },
    configuration: input.configuration,
    checker: input.checker,
    thresholds: input.thresholds,
  };
}
