// Lead use case: performance per agent and per group against the previous period, the tickets behind a figure,
// and what customers wrote with their ratings. Answered from the tickets' history, folded from the event log
// once and then only from what was written since. Runtime: any.
import type { KpiEventSource } from '../metrics/kpi-projection.ts';
import { performanceReport, type Period, type PerformanceReport } from '../metrics/performance-report.ts';
import { drilldown, type Drilldown } from '../metrics/report-drilldown.ts';
import type { ReportKpi, ReportScope } from '../metrics/report-entries.ts';
import { TicketHistoryLog, type AgentRef } from '../metrics/ticket-history.ts';
import type { TicketStore } from '../ports/ticket-store.ts';

export type ReportSource = KpiEventSource & Pick<TicketStore, 'ratingComments'>;

export interface CsatComment {
  readonly score: number;
  readonly comment: string;
  readonly at: string;
  readonly conversationId: string;
  /** The ticket the rating is about (the conversation's ticket resolved last before it), and its resolver. */
  readonly ticketId: string | null;
  readonly agent: AgentRef | null;
}

export class SupportReports {
  private readonly history: TicketHistoryLog;

  constructor(private readonly source: ReportSource) {
    this.history = new TicketHistoryLog(source);
  }

  /** Rows per agent or group over `period`, each beside its figures for the period just before. */
  async performance(period: Period, by: 'agent' | 'group'): Promise<PerformanceReport> {
    await this.history.refresh();
    return performanceReport(this.history, period, by);
  }

  /** The tickets a figure counts, newest first, at most `limit`. */
  async tickets(period: Period, kpi: ReportKpi, scope: ReportScope, limit: number): Promise<Drilldown> {
    await this.history.refresh();
    return drilldown(this.history, period, kpi, scope, limit);
  }

  /** Ratings with a comment given in the period, newest first, at most `limit`. */
  async csatComments(period: Period, limit: number): Promise<CsatComment[]> {
    const [comments] = await Promise.all([this.source.ratingComments({ ...period, limit }), this.history.refresh()]);
    return comments.map((rating) => {
      const ticket = this.history.ratedTicket(rating.conversationId, rating.at);
      return {
        score: rating.score,
        comment: rating.comment,
        at: rating.at,
        conversationId: rating.conversationId,
        ticketId: ticket?.id ?? null,
        agent: ticket?.resolver ?? null,
      };
    });
  }
}
