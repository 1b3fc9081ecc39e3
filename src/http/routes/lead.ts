// Lead API: support KPIs over a period and over time, Prometheus metrics, and the latest eval runs. Runtime: any.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../core/errors.ts';
import type { EvalRuns } from '../../core/ports/eval-runs.ts';
import type { SupportMetrics } from '../../core/use-cases/support-metrics.ts';
import type { AgentService } from '../../core/use-cases/agent-desk.ts';
import type { AgentRole } from '../../core/queue/ticket.ts';
import type { AppEnv } from '../app.ts';
import { prometheusText } from './prometheus.ts';
import { errors, ok, token } from './tickets.ts';

export interface LeadRouteDependencies {
  readonly agents: AgentService;
  readonly metrics: SupportMetrics;
  readonly now: () => Date;
  readonly evalRuns?: EvalRuns | undefined;
  readonly metricsText?: (() => string) | undefined;
}

const LEADS: readonly AgentRole[] = ['lead', 'admin'];
const DAY_MS = 86_400_000;
const periodQuery = z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() });

/** [from, to) from the query: `to` defaults to now and `from` to seven days before it. */
function period(query: z.infer<typeof periodQuery>, now: Date): { from: string; to: string } {
  const to = query.to === undefined ? now.toISOString() : new Date(query.to).toISOString();
  const from = query.from === undefined ? new Date(Date.parse(to) - 7 * DAY_MS).toISOString() : new Date(query.from).toISOString();
  if (from >= to) throw new AppError('bad_request:from', '"from" must be before "to"');
  return { from, to };
}

export function leadRoutes(app: OpenAPIHono<AppEnv>, deps: LeadRouteDependencies): void {
  const security = [{ agentToken: [] }];
  const asLead = (c: Parameters<typeof token>[0]) => deps.agents.authenticate(token(c), LEADS);
  const kpis = (from: string, to: string) => deps.metrics.kpis(from, to);

  app.openapi(
    createRoute({ method: 'get', path: '/v1/metrics', summary: 'Support KPIs over a period (leads)', security, request: { query: periodQuery }, responses: { ...ok('KPIs'), ...errors(400, 401, 403) } }),
    async (c) => {
      await asLead(c);
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
      request: { query: periodQuery.extend({ buckets: z.coerce.number().int().min(1).max(200).default(7) }) },
      responses: { ...ok('KPIs per bucket'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      await asLead(c);
      const query = c.req.valid('query');
      const { from, to } = period(query, deps.now());
      return c.json({ from, to, buckets: await deps.metrics.series(from, to, query.buckets) }, 200);
    },
  );

  app.get('/metrics', async (c) => {
    const to = deps.now().toISOString();
    const from = new Date(Date.parse(to) - DAY_MS).toISOString();
    return c.body(prometheusText(await kpis(from, to)) + (deps.metricsText?.() ?? ''), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/evals',
      summary: 'The latest eval runs with their headline metrics (leads)',
      security,
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
      responses: { ...ok('Eval runs'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      await asLead(c);
      return c.json({ runs: (await deps.evalRuns?.list(c.req.valid('query').limit)) ?? [] }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/evals/{id}/report.html',
      summary: "An eval run's self-contained HTML report (leads)",
      security,
      request: { params: z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: { 200: { description: 'HTML report', content: { 'text/html': { schema: z.string() } } }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      await asLead(c);
      const { id } = c.req.valid('param');
      const html = await deps.evalRuns?.htmlReport(id);
      if (html === undefined) throw new AppError('not_found:eval_run', `eval run ${id} does not exist or has no HTML report`);
      // A stored file is served on this origin, sandboxed without same-origin access: its inline filter script runs
      // in an opaque origin that cannot read this site's storage or call its API, and nothing may be fetched.
      return c.html(html, 200, { 'content-security-policy': "sandbox allow-scripts; default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:", 'x-content-type-options': 'nosniff' });
    },
  );
}
