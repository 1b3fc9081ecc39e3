// What each ticket and rating contributes to a period's performance report, and to whom: one entry per KPI and
// ticket, with the agent and the group it counts for. The report and the drill-down both read these, so a
// figure and the list of tickets behind it can never disagree. Runtime: any.
import { seconds } from './kpis.ts';
import { groupAt, openAt, ownerAt, type AgentRef, type TicketHistoryLog } from './ticket-history.ts';

export const REPORT_KPIS = [
  'tickets',
  'resolved',
  'first_response',
  'sla_breaches',
  'backlog',
  'csat',
  'low_csat',
] as const;
export type ReportKpi = (typeof REPORT_KPIS)[number];

/** A rating at or below this score counts as low. */
export const LOW_CSAT_MAX = 2;

export interface ReportEntry {
  readonly kpi: ReportKpi;
  readonly ticketId: string;
  /** The agent it counts for; null when it counts for no agent (a ticket that sat in a queue). */
  readonly agent: AgentRef | null;
  /** The group it counts for; null when it counts per agent only (an agent's claims). */
  readonly group: string | null;
  /** Seconds for `first_response` and `resolved`, the score for `csat` and `low_csat`; otherwise null. */
  readonly value: number | null;
}

const inPeriod = (at: string | undefined, from: string, to: string): at is string =>
  at !== undefined && at >= from && at < to;

/**
 * The entries of [from, to); only what happened before `to` is known. The definitions follow `computeKpis`:
 * - `tickets`: created in the period (counted for the group the ticket was in at `to`); for agents, the tickets
 *   they took in the period (claimed, were assigned or reopened).
 * - `resolved`: resolved in the period, for the resolver and the group at resolution; value: seconds from creation.
 * - `first_response`: the first agent message sent in the period, for its sender; value: seconds from creation.
 * - `sla_breaches`: created in the period, not answered by a person by the deadline (answered late, or unanswered
 *   with the deadline before `to`); for whoever held it at the deadline and the group it was in.
 * - `backlog`: still open at `to`, for its holder then and its group.
 * - `csat` / `low_csat`: ratings given in the period, for the resolver of the conversation's ticket resolved last
 *   before the rating (ratings belong to the conversation).
 */
export function reportEntries(history: TicketHistoryLog, from: string, to: string): ReportEntry[] {
  const entries: ReportEntry[] = [];
  const add = (entry: ReportEntry) => entries.push(entry);
  for (const ticket of history.tickets.values()) {
    if (ticket.createdAt >= to) continue;
    const ticketId = ticket.id;
    if (inPeriod(ticket.createdAt, from, to)) {
      add({ kpi: 'tickets', ticketId, agent: null, group: groupAt(ticket, to), value: null });
      const answered = ticket.firstResponseAt !== undefined && ticket.firstResponseAt < to;
      const late = answered ? (ticket.firstResponseAt ?? '') > ticket.slaDueAt : ticket.slaDueAt < to;
      if (late) {
        const due = ticket.slaDueAt;
        add({
          kpi: 'sla_breaches',
          ticketId,
          agent: ownerAt(ticket, due, true),
          group: groupAt(ticket, due),
          value: null,
        });
      }
    }
    const claimants = new Map<string, AgentRef>();
    for (const change of ticket.owners)
      if (change.reason === 'claimed' && change.agent !== null && inPeriod(change.at, from, to))
        claimants.set(change.agent.id, change.agent);
    for (const agent of claimants.values()) add({ kpi: 'tickets', ticketId, agent, group: null, value: null });
    if (inPeriod(ticket.firstResponseAt, from, to)) {
      add({
        kpi: 'first_response',
        ticketId,
        agent: ticket.firstResponder ?? null,
        group: groupAt(ticket, ticket.firstResponseAt),
        value: seconds(ticket.createdAt, ticket.firstResponseAt),
      });
    }
    if (inPeriod(ticket.resolvedAt, from, to)) {
      add({
        kpi: 'resolved',
        ticketId,
        agent: ticket.resolver ?? null,
        group: groupAt(ticket, ticket.resolvedAt),
        value: seconds(ticket.createdAt, ticket.resolvedAt),
      });
    }
    if (openAt(ticket, to))
      add({ kpi: 'backlog', ticketId, agent: ownerAt(ticket, to), group: groupAt(ticket, to), value: null });
  }
  for (const rating of history.ratings) {
    if (!inPeriod(rating.at, from, to)) continue;
    const ticket = history.ratedTicket(rating.conversationId, rating.at);
    if (ticket === undefined || ticket.resolvedAt === undefined) continue;
    const base = {
      ticketId: ticket.id,
      agent: ticket.resolver ?? null,
      group: groupAt(ticket, ticket.resolvedAt),
      value: rating.score,
    };
    add({ kpi: 'csat', ...base });
    if (rating.score <= LOW_CSAT_MAX) add({ kpi: 'low_csat', ...base });
  }
  return entries;
}

/** Whose figures: one agent's, one group's, or everyone's. */
export type ReportScope =
  | { readonly by: 'agent'; readonly key: string }
  | { readonly by: 'group'; readonly key: string }
  | { readonly by: 'all' };

/** Whether an entry counts for the scope; everyone's figures are the groups' (each ticket counts once there). */
export function inScope(entry: ReportEntry, scope: ReportScope): boolean {
  switch (scope.by) {
    case 'agent':
      return entry.agent?.id === scope.key;
    case 'group':
      return entry.group === scope.key;
    case 'all':
      return entry.group !== null;
  }
}
