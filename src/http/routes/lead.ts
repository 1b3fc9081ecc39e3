// Lead API: support KPIs over a period and over time, Prometheus metrics, and the latest eval runs. Runtime: any.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../core/errors.ts';
import type { EvalRuns } from '../../core/ports/eval-runs.ts';
import type { SupportMetrics } from '../../core/use-cases/support-metrics.ts';
import type { AgentService } from '../../core/use-cases/agent-desk.ts';
import { LEADS, agentAuth } from '../agent-auth.ts';
import type { AppEnv } from '../app-env.ts';
import { errors, ok } from '../openapi-helpers.ts';
import { newRouter } from '../router.ts';
import { idParams } from '../schemas/common.ts';
import { evalRunListSchema, evalsQuery } from '../schemas/evals.ts';
import { kpiSeriesSchema, kpisSchema, periodQuery, seriesQuery } from '../schemas/metrics.ts';
import { prometheusText } from './prometheus.ts';

export interface LeadRouteDependencies {
  readonly agents: AgentService;
  readonly metrics: SupportMetrics;
  readonly now: () => Date;
  readonly evalRuns?: EvalRuns | undefined;
  readonly metricsText?: (() => string) | undefined;
}

const DAY_MS = 86_400_000;
const REPORT_POLICY =
  "sandbox allow-scripts; default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/** [from, to) from the query: `to` defaults to now and `from` to seven days before it. */
function period(query: z.infer<typeof periodQuery>, now: Date): { from: string; to: string } {
  const to = query.to === undefined ? now.toISOString() : new Date(query.to).toISOString();
  const from =
    query.from === undefined ? new Date(Date.parse(to) - 7 * DAY_MS).toISOString() : new Date(query.from).toISOString();
  if (from >= to) throw new AppError('bad_request:from', '"from" must be before "to"');
  return { from, to };
}

export function leadRoutes(deps: LeadRouteDependencies): OpenAPIHono<AppEnv> {
  const app = newRouter();
  const security = [{ agentToken: [] }];
  const as = agentAuth(deps.agents);
  const kpis = (from: string, to: string) => deps.metrics.kpis(from, to);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/metrics',
      summary: 'Support KPIs over a period (leads)',
      security,
      request: { query: periodQuery },
      responses: { ...ok('KPIs', kpisSchema), ...errors(400, 401, 403) },
    }),
    async (c) => {
      await as(c, LEADS);
      const { from, to } = period(c.req.valid('query'), deps.now());
      return c.json(await kpis(from, to), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/metrics/series',
      summary: 'Support KPIs over time: the period cut into equal buckets (leads)',
      security,
      request: { query: seriesQuery },
      responses: { ...ok('KPIs per bucket', kpiSeriesSchema), ...errors(400, 401, 403) },
    }),
    async (c) => {
      await as(c, LEADS);
      const query = c.req.valid('query');
      const { from, to } = period(query, deps.now());
      return c.json({ from, to, buckets: await deps.metrics.series(from, to, query.buckets) }, 200);
    },
  );

  app.get('/metrics', async (c) => {
    const to = deps.now().toISOString();
    const from = new Date(Date.parse(to) - DAY_MS).toISOString();
    const text = prometheusText(await kpis(from, to)) + (deps.metricsText?.() ?? '');
    return c.body(text, 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/evals',
      summary: 'The latest eval runs with their headline metrics (leads)',
      security,
      request: { query: evalsQuery },
      responses: { ...ok('Eval runs', evalRunListSchema), ...errors(400, 401, 403) },
    }),
    async (c) => {
      await as(c, LEADS);
      return c.json({ runs: (await deps.evalRuns?.list(c.req.valid('query').limit)) ?? [] }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/evals/{id}/report.html',
      summary: "An eval run's self-contained HTML report (leads)",
      security,
      request: { params: idParams },
      responses: {
        200: { description: 'HTML report', content: { 'text/html': { schema: z.string() } } },
        ...errors(401, 403, 404),
      },
    }),
    async (c) => {
      await as(c, LEADS);
      const { id } = c.req.valid('param');
      const html = await deps.evalRuns?.htmlReport(id);
      if (html === undefined)
        throw new AppError('not_found:eval_run', `eval run ${id} does not exist or has no HTML report`);
      // A stored file is served on this origin, sandboxed without same-origin access: its inline filter script runs
      // in an opaque origin that cannot read this site's storage or call its API, and nothing may be fetched.
      return c.html(html, 200, { 'content-security-policy': REPORT_POLICY, 'x-content-type-options': 'nosniff' });
    },
  );
  return app;
}
