// Lead reports API: performance per agent and per group beside the previous period (JSON and CSV), the tickets
// behind a figure, and rating comments. Leads and admins only. Runtime: any.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../core/errors.ts';
import { performanceCsv, performanceCsvName } from '../../core/metrics/report-csv.ts';
import type { ReportScope } from '../../core/metrics/report-entries.ts';
import type { AgentService } from '../../core/use-cases/agent-desk.ts';
import type { SupportReports } from '../../core/use-cases/support-reports.ts';
import { LEADS, agentAuth } from '../agent-auth.ts';
import type { AppEnv } from '../app-env.ts';
import { errors, ok } from '../openapi-helpers.ts';
import { newRouter } from '../router.ts';
import {
  commentsQuery,
  csatCommentsSchema,
  drilldownQuery,
  drilldownSchema,
  performanceQuery,
  performanceReportSchema,
} from '../schemas/reports.ts';

export interface ReportRouteDependencies {
  readonly agents: AgentService;
  readonly reports: SupportReports;
}

/** The query's period as ISO times (a date is midnight UTC); the schema has checked order and length. */
const periodOf = (query: { from: string; to: string }) => ({
  from: new Date(query.from).toISOString(),
  to: new Date(query.to).toISOString(),
});

function scopeOf(query: { agent?: string | undefined; group?: string | undefined }): ReportScope {
  if (query.agent !== undefined && query.group !== undefined)
    throw new AppError('bad_request:group', 'give "agent" or "group", not both');
  if (query.agent !== undefined) return { by: 'agent', key: query.agent };
  if (query.group !== undefined) return { by: 'group', key: query.group };
  return { by: 'all' };
}

export function reportRoutes(deps: ReportRouteDependencies): OpenAPIHono<AppEnv> {
  const app = newRouter();
  const security = [{ agentToken: [] }];
  const as = agentAuth(deps.agents);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/reports/performance',
      summary: 'Performance per agent or per group over a period, beside the previous period (leads)',
      security,
      request: { query: performanceQuery },
      responses: { ...ok('Performance report', performanceReportSchema), ...errors(400, 401, 403) },
    }),
    async (c) => {
      await as(c, LEADS);
      const query = c.req.valid('query');
      return c.json(await deps.reports.performance(periodOf(query), query.by), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/reports/performance.csv',
      summary: 'The performance report as a CSV download (leads)',
      security,
      request: { query: performanceQuery },
      responses: {
        200: { description: 'CSV (RFC 4180)', content: { 'text/csv': { schema: z.string() } } },
        ...errors(400, 401, 403),
      },
    }),
    async (c) => {
      await as(c, LEADS);
      const query = c.req.valid('query');
      const report = await deps.reports.performance(periodOf(query), query.by);
      return c.body(performanceCsv(report), 200, {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="${performanceCsvName(report)}"`,
        'x-content-type-options': 'nosniff',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/reports/tickets',
      summary: 'The tickets behind one figure of the report, for everyone, an agent or a group (leads)',
      security,
      request: { query: drilldownQuery },
      responses: { ...ok('Tickets', drilldownSchema), ...errors(400, 401, 403) },
    }),
    async (c) => {
      await as(c, LEADS);
      const query = c.req.valid('query');
      const period = periodOf(query);
      const result = await deps.reports.tickets(period, query.kpi, scopeOf(query), query.limit);
      return c.json({ kpi: query.kpi, period, ...result }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/reports/csat-comments',
      summary: 'Ratings with a comment given in a period, newest first (leads)',
      security,
      request: { query: commentsQuery },
      responses: { ...ok('Rating comments', csatCommentsSchema), ...errors(400, 401, 403) },
    }),
    async (c) => {
      await as(c, LEADS);
      const query = c.req.valid('query');
      const period = periodOf(query);
      return c.json({ period, comments: await deps.reports.csatComments(period, query.limit) }, 200);
    },
  );
  return app;
}
