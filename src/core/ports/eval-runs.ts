// Where finished eval runs are kept, so the lead dashboard can list them and open their reports. Runtime: any.
import { z } from 'zod';

/** The headline of one run, read from its report.json (only the fields the dashboard shows). */
export const evalRunSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  seconds: z.number(),
  prompts: z.string(),
  gate: z.object({ passed: z.boolean(), failures: z.array(z.string()) }),
  hasBaseline: z.boolean(),
  metrics: z.object({
    cases: z.number(),
    passRate: z.number(),
    retrieval: z.object({ hitAt1: z.number(), hitAt5: z.number(), mrr: z.number() }),
    politeness: z.object({ mean: z.number() }),
    accuracy: z.object({ factRecall: z.number(), groundedness: z.number() }),
    handoff: z.object({ precision: z.number(), recall: z.number(), f1: z.number() }),
    calibration: z.object({ ece: z.number(), brier: z.number() }),
  }),
});

export type EvalRunSummary = z.infer<typeof evalRunSummarySchema>;

/** The small index a run keeps beside its report (`summary.json`): the headline without the run's id (its folder). */
export const evalRunIndexSchema = evalRunSummarySchema.omit({ id: true });
export type EvalRunIndex = z.infer<typeof evalRunIndexSchema>;

/** The index of a report object (report.json's content), or undefined when it is not a run's report. */
export function evalRunIndexOf(report: unknown): EvalRunIndex | undefined {
  if (typeof report !== 'object' || report === null) return undefined;
  const parsed = evalRunIndexSchema.safeParse({
    ...report,
    hasBaseline: 'baseline' in report && report.baseline !== undefined,
  });
  return parsed.success ? parsed.data : undefined;
}

export interface EvalRuns {
  /** The newest runs first. Runs whose report cannot be read are skipped. */
  list(limit: number): Promise<EvalRunSummary[]>;
  /** The run's self-contained HTML report, if the run exists. */
  htmlReport(id: string): Promise<string | undefined>;
}
