// The tickets behind one figure of a performance report: the same entries the figure counts, each ticket with
// where it stands now. Runtime: any.
import type { Priority, TicketStatus } from '../queue/ticket.ts';
import { seconds } from './kpis.ts';
import { inScope, reportEntries, type ReportKpi, type ReportScope } from './report-entries.ts';
import type { TicketHistory, TicketHistoryLog } from './ticket-history.ts';

export interface DrilldownTicket {
  readonly id: string;
  readonly createdAt: string;
  /** Now, not at the end of the period. */
  readonly status: TicketStatus;
  readonly priority: Priority;
  readonly group: string;
  readonly assigneeName: string | null;
  readonly firstResponseSeconds: number | null;
  readonly resolutionSeconds: number | null;
}

export interface Drilldown {
  /** Every ticket behind the figure, of which `tickets` holds the newest `limit`. */
  readonly total: number;
  readonly tickets: DrilldownTicket[];
}

/** A ticket's state after every known event. */
export function currentStatus(ticket: TicketHistory): TicketStatus {
  const closed = ticket.closes.at(-1)?.closed ?? null;
  if (closed !== null) return closed;
  const last = ticket.owners.at(-1);
  if (last === undefined) return ticket.moves.length > 0 ? 'transferred' : 'waiting';
  return last.reason === 'claimed' ? 'assigned' : 'transferred';
}

/** Who holds it now, or held it when it was closed; nobody while it waits in a queue. */
function holderName(ticket: TicketHistory): string | null {
  const last = ticket.owners.at(-1);
  if (last === undefined || last.reason === 'transferred') return null;
  if (last.agent !== null) return last.agent.name;
  const before = ticket.owners.at(-2);
  return before?.reason === 'claimed' ? (before.agent?.name ?? null) : null;
}

function describe(ticket: TicketHistory): DrilldownTicket {
  return {
    id: ticket.id,
    createdAt: ticket.createdAt,
    status: currentStatus(ticket),
    priority: ticket.priority,
    group: ticket.moves.at(-1)?.group ?? ticket.group,
    assigneeName: holderName(ticket),
    firstResponseSeconds:
      ticket.firstResponseAt === undefined ? null : seconds(ticket.createdAt, ticket.firstResponseAt),
    resolutionSeconds: ticket.resolvedAt === undefined ? null : seconds(ticket.createdAt, ticket.resolvedAt),
  };
}

/** The tickets counted by `kpi` for `scope` over [from, to), newest first, at most `limit`. */
export function drilldown(
  history: TicketHistoryLog,
  period: { readonly from: string; readonly to: string },
  kpi: ReportKpi,
  scope: ReportScope,
  limit: number,
): Drilldown {
  const ids = new Set<string>();
  for (const entry of reportEntries(history, period.from, period.to))
    if (entry.kpi === kpi && inScope(entry, scope)) ids.add(entry.ticketId);
  const tickets: TicketHistory[] = [];
  for (const id of ids) {
    const ticket = history.tickets.get(id);
    if (ticket !== undefined) tickets.push(ticket);
  }
  tickets.sort((left, right) => (left.createdAt < right.createdAt ? 1 : left.createdAt > right.createdAt ? -1 : 0));
  return { total: tickets.length, tickets: tickets.slice(0, limit).map(describe) };
}
