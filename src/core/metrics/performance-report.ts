// Per-agent and per-group performance over a period beside the same figures for the period of equal length just
// before it, from the report entries. Pure computation; the drill-down lists the entries behind a figure.
// Runtime: any.
import { mean } from './kpis.ts';
import { inScope, reportEntries, type ReportEntry, type ReportKpi, type ReportScope } from './report-entries.ts';
import type { TicketHistoryLog } from './ticket-history.ts';

export interface PerformanceFigures {
  /** Tickets handled: created in the period (groups), claimed in it (agents). */
  readonly tickets: number;
  readonly resolved: number;
  /** Seconds from ticket creation to the first agent message, over first messages sent in the period. */
  readonly firstResponse: { readonly median: number | null; readonly p90: number | null; readonly count: number };
  /** Median seconds from creation to resolution, over tickets resolved in the period. */
  readonly resolutionMedian: number | null;
  /** Ratings (1–5) given in the period, attributed to the resolver of the rated ticket. */
  readonly csat: { readonly average: number | null; readonly count: number };
  /** Of those ratings, the ones at or below `LOW_CSAT_MAX`. */
  readonly lowCsat: number;
  readonly slaBreaches: number;
  /** Open tickets at the end of the period. */
  readonly backlog: number;
}

export interface PerformanceRow {
  /** The agent's id or the group's name. */
  readonly key: string;
  readonly name: string;
  readonly current: PerformanceFigures;
  readonly previous: PerformanceFigures;
}

export interface Period {
  readonly from: string;
  readonly to: string;
}

export interface PerformanceReport {
  readonly by: 'agent' | 'group';
  readonly period: Period;
  readonly previousPeriod: Period;
  readonly rows: PerformanceRow[];
  /** Everyone's figures (each ticket once). */
  readonly total: { readonly current: PerformanceFigures; readonly previous: PerformanceFigures };
}

/** The median of `values` (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The nearest-rank percentile (`share` in (0, 1]): the smallest value with at least that share at or below it. */
export function percentile(values: readonly number[], share: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1] as number;
}

/** The period of equal length that ends where this one starts. */
export function previousPeriod(period: Period): Period {
  const length = Date.parse(period.to) - Date.parse(period.from);
  return { from: new Date(Date.parse(period.from) - length).toISOString(), to: period.from };
}

/** The figures of the entries that count for one scope. */
export function figures(entries: readonly ReportEntry[], scope: ReportScope): PerformanceFigures {
  const ids = new Map<ReportKpi, Set<string>>();
  const values = new Map<ReportKpi, number[]>();
  for (const entry of entries) {
    if (!inScope(entry, scope)) continue;
    const set = ids.get(entry.kpi) ?? new Set<string>();
    set.add(entry.ticketId);
    ids.set(entry.kpi, set);
    if (entry.value === null) continue;
    const list = values.get(entry.kpi) ?? [];
    list.push(entry.value);
    values.set(entry.kpi, list);
  }
  const count = (kpi: ReportKpi) => ids.get(kpi)?.size ?? 0;
  const firstResponses = values.get('first_response') ?? [];
  const ratings = values.get('csat') ?? [];
  return {
    tickets: count('tickets'),
    resolved: count('resolved'),
    firstResponse: {
      median: median(firstResponses),
      p90: percentile(firstResponses, 0.9),
      count: firstResponses.length,
    },
    resolutionMedian: median(values.get('resolved') ?? []),
    csat: { average: mean(ratings), count: ratings.length },
    lowCsat: count('low_csat'),
    slaBreaches: count('sla_breaches'),
    backlog: count('backlog'),
  };
}

/** Every agent or group that has an entry, with its latest name. */
function keysOf(entries: readonly ReportEntry[], by: 'agent' | 'group', names: Map<string, string>): void {
  for (const entry of entries) {
    if (by === 'agent' && entry.agent !== null) names.set(entry.agent.id, entry.agent.name);
    if (by === 'group' && entry.group !== null) names.set(entry.group, entry.group);
  }
}

/** The report of `period` against the previous one, a row per agent or group, busiest first. */
export function performanceReport(history: TicketHistoryLog, period: Period, by: 'agent' | 'group'): PerformanceReport {
  const before = previousPeriod(period);
  const current = reportEntries(history, period.from, period.to);
  const previous = reportEntries(history, before.from, before.to);
  const names = new Map<string, string>();
  keysOf(previous, by, names);
  keysOf(current, by, names);
  const rows = [...names].map(([key, name]) => ({
    key,
    name,
    current: figures(current, { by, key }),
    previous: figures(previous, { by, key }),
  }));
  rows.sort(
    (left, right) =>
      right.current.tickets - left.current.tickets ||
      right.current.resolved - left.current.resolved ||
      left.name.localeCompare(right.name),
  );
  return {
    by,
    period,
    previousPeriod: before,
    rows,
    total: { current: figures(current, { by: 'all' }), previous: figures(previous, { by: 'all' }) },
  };
}
