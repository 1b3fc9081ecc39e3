// Lead use case: support KPIs over a period and over time, answered from the projection of the event log,
// which is read once and then only for what was written since. Runtime: any.
import { KpiProjection, type KpiEventSource } from '../metrics/kpi-projection.ts';
import type { Kpis } from '../metrics/kpis.ts';

export class SupportMetrics {
  private readonly facts: KpiProjection;

  constructor(source: KpiEventSource) {
    this.facts = new KpiProjection(source);
  }

  /** KPIs over [from, to). */
  async kpis(from: string, to: string): Promise<Kpis> {
    await this.facts.refresh();
    return this.facts.kpis(from, to);
  }

  /** [from, to) cut into `buckets` equal periods, with each one's KPIs. */
  async series(from: string, to: string, buckets: number): Promise<Kpis[]> {
    await this.facts.refresh();
    return this.facts.series(from, to, buckets);
  }
}
