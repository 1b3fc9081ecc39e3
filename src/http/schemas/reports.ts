// The lead reports API: a period (ISO dates or times, at most 366 days), per-agent and per-group performance beside
// the previous period, the tickets behind a figure, and rating comments. Runtime: any.
import { z } from '@hono/zod-openapi';
import { REPORT_KPIS } from '../../core/metrics/report-entries.ts';

export const MAX_REPORT_DAYS = 366;
const DAY_MS = 86_400_000;

const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .openapi({ description: 'An ISO time, or an ISO date (midnight UTC).', example: '2026-12-01' });

/** [from, to): `from` before `to`, at most 366 days apart. */
export const reportPeriodQuery = z.object({ from: instant, to: instant }).superRefine((period, context) => {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  if (!(from < to)) context.addIssue({ code: 'custom', path: ['from'], message: '"from" must be before "to"' });
  else if (to - from > MAX_REPORT_DAYS * DAY_MS)
    context.addIssue({ code: 'custom', path: ['to'], message: `the period may be at most ${MAX_REPORT_DAYS} days` });
});

export const performanceQuery = reportPeriodQuery.safeExtend({
  by: z.enum(['agent', 'group']).default('agent').openapi({ description: 'One row per agent or per group.' }),
});

export const drilldownQuery = reportPeriodQuery.safeExtend({
  kpi: z.enum(REPORT_KPIS).openapi({ description: 'The figure whose tickets to list.' }),
  agent: z.string().min(1).max(100).optional().openapi({ description: "Only this agent's (an agent id)." }),
  group: z.string().min(1).max(100).optional().openapi({ description: "Only this group's." }),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const commentsQuery = reportPeriodQuery.safeExtend({
  limit: z.coerce.number().int().min(1).max(200).default(200),
});

const seconds = z.number().nullable();
const periodSchema = z.object({ from: z.string(), to: z.string() });

export const performanceFiguresSchema = z
  .object({
    tickets: z.number().int().openapi({ description: 'Handled: created in the period (groups), claimed (agents).' }),
    resolved: z.number().int(),
    firstResponse: z.object({ median: seconds, p90: seconds, count: z.number().int() }).openapi({
      description: 'Seconds from handoff to the first agent message, over first messages sent in the period.',
    }),
    resolutionMedian: seconds.openapi({ description: 'Median seconds from handoff to resolution.' }),
    csat: z.object({ average: z.number().nullable(), count: z.number().int() }).openapi({
      description: "Ratings given in the period, attributed to the rated ticket's resolver.",
    }),
    lowCsat: z.number().int().openapi({ description: 'Ratings of 1 or 2.' }),
    slaBreaches: z.number().int(),
    backlog: z.number().int().openapi({ description: 'Open at the end of the period.' }),
  })
  .openapi('PerformanceFigures');

export const performanceReportSchema = z
  .object({
    by: z.enum(['agent', 'group']),
    period: periodSchema,
    previousPeriod: periodSchema,
    rows: z.array(
      z.object({
        key: z.string().openapi({ description: "The agent's id or the group's name." }),
        name: z.string(),
        current: performanceFiguresSchema,
        previous: performanceFiguresSchema,
      }),
    ),
    total: z.object({ current: performanceFiguresSchema, previous: performanceFiguresSchema }),
  })
  .openapi('PerformanceReport', { description: 'Per-agent or per-group figures beside the previous period.' });

export const drilldownSchema = z
  .object({
    kpi: z.enum(REPORT_KPIS),
    period: periodSchema,
    total: z.number().int(),
    tickets: z.array(
      z.object({
        id: z.string(),
        createdAt: z.string(),
        status: z.enum(['waiting', 'assigned', 'transferred', 'resolved', 'released']),
        priority: z.enum(['urgent', 'high', 'normal', 'low']),
        group: z.string(),
        assigneeName: z.string().nullable(),
        firstResponseSeconds: seconds,
        resolutionSeconds: seconds,
      }),
    ),
  })
  .openapi('ReportTickets', { description: 'The tickets behind one figure, newest first.' });

export const csatCommentsSchema = z
  .object({
    period: periodSchema,
    comments: z.array(
      z.object({
        score: z.number().int(),
        comment: z.string(),
        at: z.string(),
        conversationId: z.string(),
        ticketId: z.string().nullable(),
        agent: z.object({ id: z.string(), name: z.string() }).nullable(),
      }),
    ),
  })
  .openapi('CsatComments', { description: 'Ratings with a comment, newest first.' });
