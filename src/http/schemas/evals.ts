// The latest eval runs for the lead dashboard: the headline of each run, as read from its report. Runtime: any.
import { z } from '@hono/zod-openapi';
import { evalRunSummarySchema } from '../../core/ports/eval-runs.ts';

export const evalsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

// A copy: zod gains `.openapi` when @hono/zod-openapi loads, and the core's schema may have been built before that.
export const evalRunSchema = evalRunSummarySchema.clone().openapi('EvalRun');

export const evalRunListSchema = z
  .object({ runs: z.array(evalRunSchema) })
  .openapi('EvalRunList', { description: 'The newest runs first.' });
