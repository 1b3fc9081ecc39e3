// The lead reports API as the dashboard calls it with the lead's token, typed from the server's schemas; the CSV
// comes back as a file to save. Runtime: browser.
import type { z } from 'zod';
import type { csatCommentsSchema, drilldownSchema, performanceReportSchema } from '../../../http/schemas/reports.ts';
import { api, responseError } from '../api.ts';

export type PerformanceReport = z.infer<typeof performanceReportSchema>;
export type PerformanceFigures = PerformanceReport['total']['current'];
export type ReportTickets = z.infer<typeof drilldownSchema>;
export type ReportKpi = ReportTickets['kpi'];
export type CsatComments = z.infer<typeof csatCommentsSchema>;
export type ReportBy = PerformanceReport['by'];

/** Whose figure a drill-down lists: an agent's (by id), a group's, or everyone's. */
export type DrillScope = { readonly agent: string } | { readonly group: string } | Record<string, never>;

export interface ReportApi {
  /** `period` holds `from` and `to` (see reportPeriodQuery). */
  performance(period: string, by: ReportBy): Promise<PerformanceReport>;
  tickets(period: string, kpi: ReportKpi, scope: DrillScope): Promise<ReportTickets>;
  comments(period: string): Promise<CsatComments>;
  csv(period: string, by: ReportBy): Promise<{ readonly blob: Blob; readonly filename: string }>;
}

/** The file name from a `Content-Disposition: attachment; filename="…"` header. */
function filenameOf(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/** `token` is read at each call: the lead may sign out and in again. */
export function reportApi(token: () => string | undefined): ReportApi {
  const base = location.origin;
  const get = <T>(path: string) => api<T>(base, path, { token: token() });
  return {
    performance: (period, by) => get<PerformanceReport>(`/v1/reports/performance?${period}&by=${by}`),
    tickets: (period, kpi, scope) => {
      const extra = Object.entries(scope)
        .map(([name, value]) => `&${name}=${encodeURIComponent(value)}`)
        .join('');
      return get<ReportTickets>(`/v1/reports/tickets?${period}&kpi=${kpi}${extra}`);
    },
    comments: (period) => get<CsatComments>(`/v1/reports/csat-comments?${period}`),
    csv: async (period, by) => {
      const headers = { authorization: `Bearer ${token() ?? ''}`, accept: 'text/csv' };
      const response = await fetch(`${base}/v1/reports/performance.csv?${period}&by=${by}`, { headers });
      if (!response.ok) throw await responseError(response, `http_${response.status}`);
      const filename = filenameOf(response.headers.get('content-disposition'), `performance-by-${by}.csv`);
      return { blob: await response.blob(), filename };
    },
  };
}
