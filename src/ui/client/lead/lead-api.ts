// The lead API as the dashboard calls it with the lead's token, typed from the server's schemas. Runtime: browser.
import { api, responseError } from '../api.ts';
import type { AgentResult, EvalRunList, KpiSeries, Kpis } from '../api-types.ts';

export interface LeadApi {
  me(): Promise<AgentResult>;
  /** `query` holds `from` and `to` (see periodQuery). */
  kpis(query: string): Promise<Kpis>;
  series(query: string, buckets: number): Promise<KpiSeries>;
  evals(limit: number): Promise<EvalRunList>;
  /** An eval run's HTML report, which the lead's token guards. */
  reportHtml(id: string): Promise<string>;
}

/** `token` is read at each call: the lead may sign out and in again. */
export function leadApi(token: () => string | undefined): LeadApi {
  const base = location.origin;
  return {
    me: () => api<AgentResult>(base, '/v1/agent/me', { token: token() }),
    kpis: (query) => api<Kpis>(base, `/v1/metrics?${query}`, { token: token() }),
    series: (query, buckets) =>
      api<KpiSeries>(base, `/v1/metrics/series?${query}&buckets=${buckets}`, { token: token() }),
    evals: (limit) => api<EvalRunList>(base, `/v1/evals?limit=${limit}`, { token: token() }),
    reportHtml: async (id) => {
      const headers = { authorization: `Bearer ${token() ?? ''}`, accept: 'text/html' };
      const response = await fetch(`${base}/v1/evals/${encodeURIComponent(id)}/report.html`, { headers });
      if (!response.ok) throw await responseError(response, `http_${response.status}`);
      return response.text();
    },
  };
}
