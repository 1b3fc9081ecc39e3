// The lead API's KPIs: one period, or the period cut into buckets for charts; and the period query. Runtime: any.
import { z } from '@hono/zod-openapi';

const seconds = z.number().nullable();
const share = z.number().nullable();

export const periodQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const seriesQuery = periodQuery.extend({ buckets: z.coerce.number().int().min(1).max(200).default(7) });

export const kpisSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    firstResponseBotSeconds: seconds.openapi({
      description: "Average seconds from a customer message to the bot's reply.",
    }),
    firstResponseHumanSeconds: seconds.openapi({
      description: 'Average seconds from handoff to the first agent message.',
    }),
    resolutionSeconds: seconds.openapi({ description: 'Average seconds from handoff to resolution.' }),
    conversations: z.number().int(),
    tickets: z.number().int(),
    backlog: z.number().int().openapi({ description: 'Open tickets at the end of the period.' }),
    overdue: z
      .number()
      .int()
      .openapi({ description: 'Open tickets past their SLA deadline without a human response.' }),
    slaAttainment: share.openapi({ description: 'Share of tickets answered by a person within SLA.' }),
    containment: share.openapi({ description: 'Share of conversations that never reached a person.' }),
    handoffRateByReason: z
      .record(z.string(), z.number())
      .openapi({ description: 'Tickets per conversation, by reason.' }),
    csat: z.object({ average: z.number().nullable(), responses: z.number().int(), responseRate: share }),
  })
  .openapi('Kpis', { description: 'Support KPIs over [from, to).' });

export const kpiSeriesSchema = z
  .object({ from: z.string(), to: z.string(), buckets: z.array(kpisSchema) })
  .openapi('KpiSeries', { description: 'The period cut into equal consecutive buckets, each with its KPIs.' });
