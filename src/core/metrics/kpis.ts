// Support KPIs computed from the event log alone, so they can be recomputed for any period and tested on
// constructed timelines. Bot time never enters the human measures. This is the definition; the service
// answers from `KpiProjection`, which reads the log once and is tested equal to it. Runtime: any.
import type { DeskEventData, StoredEvent } from '../desk/events.ts';

export interface Kpis {
  readonly period: { readonly from: string; readonly to: string };
  /** Average seconds from a customer message the bot was to answer to the bot's reply. */
  readonly firstResponseBotSeconds: number | null;
  /** Average seconds from handoff (ticket created) to the first agent message. */
  readonly firstResponseHumanSeconds: number | null;
  /** Average seconds from handoff to resolution, over tickets resolved in the period. */
  readonly resolutionSeconds: number | null;
  readonly conversations: number;
  readonly tickets: number;
  /** Open tickets at the end of the period, and those past their SLA deadline without a human response. */
  readonly backlog: number;
  readonly overdue: number;
  /** Share of tickets whose first human response came by the deadline (among those responded to or already due). */
  readonly slaAttainment: number | null;
  /** Share of the period's conversations that never reached a person. */
  readonly containment: number | null;
  /** Tickets per reason divided by conversations. */
  readonly handoffRateByReason: Readonly<Record<string, number>>;
  readonly csat: { readonly average: number | null; readonly responses: number; readonly responseRate: number | null };
}

/** Seconds from one ISO time to another. */
export const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;
/** The mean, or null for no values. */
export const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
const inPeriod = (at: string, from: string, to: string) => at >= from && at < to;

/** Whether a `message-received` event's message was the bot's to answer (events without a status were). */
export const botsTurn = (data: DeskEventData['message-received']) => data.status === undefined || data.status === 'bot';

interface TicketTimeline {
  readonly conversationId: string;
  readonly createdAt: string;
  readonly dueAt: string;
  readonly reasons: readonly string[];
  firstResponseAt?: string;
  closedAt?: string;
  /** Its first close: a ticket closed before it was answered is no longer overdue, even if reopened. */
  firstClosedAt?: string;
  resolvedAt?: string;
}

/** `events` must hold everything up to `to` (earlier events define the backlog); measures cover [from, to). */
export function computeKpis(events: readonly StoredEvent[], from: string, to: string): Kpis {
  const received = new Map<string, string>();
  const botDelays: number[] = [];
  const tickets = new Map<string, TicketTimeline>();
  const conversations = new Set<string>();
  const handedOff = new Set<string>();
  const ratings: number[] = [];
  for (const event of events) {
    // Not `break`: a write can carry a time taken before a slower one committed (a handoff's reply waits for
    // its summary), so the log is in commit order, not strictly in time order.
    if (event.at >= to) continue;
    switch (event.type) {
      case 'conversation-created':
        if (inPeriod(event.at, from, to)) conversations.add(event.conversationId);
        break;
      case 'message-received':
        // Only messages the bot was to answer; while a person has the conversation the bot stays silent.
        if (botsTurn(event.data)) received.set(event.data.messageId, event.at);
        break;
      case 'reply-sent': {
        const asked = received.get(event.data.replyTo);
        if (asked !== undefined && inPeriod(event.at, from, to)) botDelays.push(seconds(asked, event.at));
        break;
      }
      case 'ticket-created':
        tickets.set(event.data.ticketId, {
          conversationId: event.conversationId,
          createdAt: event.at,
          dueAt: event.data.slaDueAt,
          reasons: event.data.reasons ?? [],
        });
        handedOff.add(event.conversationId);
        break;
      case 'agent-message-sent': {
        const ticket = tickets.get(event.data.ticketId);
        if (ticket !== undefined && ticket.firstResponseAt === undefined) ticket.firstResponseAt = event.at;
        break;
      }
      case 'ticket-resolved':
      case 'ticket-released': {
        const ticket = tickets.get(event.data.ticketId);
        if (ticket === undefined) break;
        ticket.closedAt = event.at;
        ticket.firstClosedAt ??= event.at;
        // Resolution time is to the first resolution: a reopened ticket resolved again does not count twice.
        if (event.type === 'ticket-resolved') ticket.resolvedAt ??= event.at;
        break;
      }
      case 'ticket-reopened': {
        // Open again: back in the backlog until it closes again.
        const ticket = tickets.get(event.data.ticketId);
        if (ticket !== undefined) ticket.closedAt = undefined;
        break;
      }
      case 'rating-received':
        if (inPeriod(event.at, from, to)) ratings.push(event.data.score);
        break;
      default:
        break;
    }
  }
  const all = [...tickets.values()];
  const created = all.filter((ticket) => inPeriod(ticket.createdAt, from, to));
  const humanDelays = all
    .filter((ticket) => ticket.firstResponseAt !== undefined && inPeriod(ticket.firstResponseAt, from, to))
    .map((ticket) => seconds(ticket.createdAt, ticket.firstResponseAt ?? ticket.createdAt));
  const resolved = all.filter((ticket) => ticket.resolvedAt !== undefined && inPeriod(ticket.resolvedAt, from, to));
  const open = all.filter((ticket) => ticket.closedAt === undefined);
  const overdue = all.filter(
    (ticket) => ticket.firstResponseAt === undefined && ticket.firstClosedAt === undefined && ticket.dueAt < to,
  );
  const judged = created.filter((ticket) => ticket.firstResponseAt !== undefined || ticket.dueAt < to);
  const met = judged.filter((ticket) => ticket.firstResponseAt !== undefined && ticket.firstResponseAt <= ticket.dueAt);
  const reasons: Record<string, number> = {};
  for (const ticket of created) for (const reason of ticket.reasons) reasons[reason] = (reasons[reason] ?? 0) + 1;
  const contained = [...conversations].filter((id) => !handedOff.has(id)).length;
  return {
    period: { from, to },
    firstResponseBotSeconds: mean(botDelays),
    firstResponseHumanSeconds: mean(humanDelays),
    resolutionSeconds: mean(resolved.map((ticket) => seconds(ticket.createdAt, ticket.resolvedAt ?? ticket.createdAt))),
    conversations: conversations.size,
    tickets: created.length,
    backlog: open.length,
    overdue: overdue.length,
    slaAttainment: judged.length === 0 ? null : met.length / judged.length,
    containment: conversations.size === 0 ? null : contained / conversations.size,
    handoffRateByReason: Object.fromEntries(
      Object.entries(reasons).map(([reason, count]) => [
        reason,
        conversations.size === 0 ? 0 : count / conversations.size,
      ]),
    ),
    csat: {
      average: mean(ratings),
      responses: ratings.length,
      responseRate: resolved.length === 0 ? null : ratings.length / resolved.length,
    },
  };
}

/** [from, to) cut into `buckets` equal consecutive periods; the last one ends exactly at `to`. */
export function bucketBounds(from: string, to: string, buckets: number): Array<[string, string]> {
  const start = Date.parse(from);
  const width = (Date.parse(to) - start) / buckets;
  return Array.from({ length: buckets }, (_, index) => [
    new Date(start + index * width).toISOString(),
    index === buckets - 1 ? to : new Date(start + (index + 1) * width).toISOString(),
  ]);
}

/** The KPIs of `buckets` equal consecutive periods covering [from, to), for charts over time. */
export function kpiSeries(events: readonly StoredEvent[], from: string, to: string, buckets: number): Kpis[] {
  return bucketBounds(from, to, buckets).map(([bucketFrom, bucketTo]) => computeKpis(events, bucketFrom, bucketTo));
}
