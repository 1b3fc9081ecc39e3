// Support KPIs kept up to date from the event log: each event is read once, in `seq` order, into compact
// time-ordered facts, and any period (or series of buckets) is answered from those facts without reading
// the log again. The definitions are `computeKpis`'s, which stays the reference (tested equal). Runtime: any.
import type { StoredEvent } from '../desk/events.ts';
import { botsTurn, bucketBounds, mean, seconds, type Kpis } from './kpis.ts';

/** Where the projection reads the log: events with `seq` above `after`, oldest first, at most `limit`. */
export interface KpiEventSource {
  eventsAfter(after: number, options?: { limit?: number | undefined }): Promise<StoredEvent[]>;
}

interface Timed {
  readonly at: string;
}

interface TicketFacts extends Timed {
  /** Creation order, so sums run in the order the reference adds them (floating point is not associative). */
  readonly order: number;
  readonly dueAt: string;
  readonly reasons: readonly string[];
  firstResponseAt?: string;
  closedAt?: string;
  resolvedAt?: string;
  /** When it stopped being at risk of breaching its SLA (first answered or closed), once it has. */
  settled?: { at: string; readonly ticket: TicketFacts };
}

/** Index of the first entry at or after `time` in a list ordered by time. */
function lowerBound(list: readonly Timed[], time: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as Timed).at < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Keeps `list` ordered by time. Events nearly always arrive in time order, so this is nearly always a push. */
function insertByTime<T extends Timed>(list: T[], item: T): void {
  let index = list.length;
  while (index > 0 && (list[index - 1] as T).at > item.at) index -= 1;
  if (index === list.length) list.push(item);
  else list.splice(index, 0, item);
}

const between = <T extends Timed>(list: readonly T[], from: string, to: string): readonly T[] =>
  list.slice(lowerBound(list, from), lowerBound(list, to));

/** Removes `item` (found by identity among the entries with its time) from a list ordered by time. */
function removeByTime<T extends Timed>(list: T[], item: T): void {
  for (let index = lowerBound(list, item.at); index < list.length && (list[index] as T).at === item.at; index += 1) {
    if (list[index] === item) {
      list.splice(index, 1);
      return;
    }
  }
}

const byOrder = (left: { readonly ticket: TicketFacts }, right: { readonly ticket: TicketFacts }) =>
  left.ticket.order - right.ticket.order;

/**
 * The KPI facts of the whole log, read incrementally. Memory grows with the number of conversations,
 * replies, ratings and tickets (a few numbers and ids each), not with the number of events. A customer
 * message is remembered only if it is the bot's to answer, and only until the bot answers it (a reply the
 * service dropped leaves one behind).
 */
export class KpiProjection {
  private after = 0;
  private reading: Promise<void> | undefined;
  private readonly received = new Map<string, string>();
  private readonly conversations: Array<{ readonly at: string; readonly id: string }> = [];
  /** Conversation → when its first ticket was created. */
  private readonly handoffs = new Map<string, string>();
  private readonly botReplies: Array<{ readonly at: string; readonly seq: number; readonly seconds: number }> = [];
  private readonly ratings: Array<{ readonly at: string; readonly score: number }> = [];
  private readonly ticketsById = new Map<string, TicketFacts>();
  /** The same tickets ordered by creation time, and their first answers, closures and resolutions by time. */
  private readonly tickets: TicketFacts[] = [];
  private readonly firstResponses: Array<{ at: string; readonly ticket: TicketFacts }> = [];
  private readonly closures: Timed[] = [];
  private readonly reopens: Timed[] = [];
  private readonly resolutions: Array<{ readonly at: string; readonly ticket: TicketFacts }> = [];
  /** Tickets neither answered nor closed yet, and the others by the time that first happened to them. */
  private readonly unsettled = new Set<TicketFacts>();
  private readonly settled: Array<{ at: string; readonly ticket: TicketFacts }> = [];

  constructor(
    private readonly source: KpiEventSource,
    private readonly pageSize = 5_000,
    /** Lets other work run between pages (a timer by default). */
    private readonly pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  ) {}

  /**
   * Reads the events written since the last call, a page at a time, yielding to other work between pages
   * (the first call after a start reads the whole log). Callers that arrive while a read runs share it.
   */
  refresh(): Promise<void> {
    this.reading ??= this.readNewEvents().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const page = await this.source.eventsAfter(this.after, { limit: this.pageSize });
      for (const event of page) {
        this.apply(event);
        this.after = event.seq;
      }
      if (page.length < this.pageSize) return;
      await this.pause();
    }
  }

  /** Adds one event's facts; events must come in `seq` order. */
  apply(event: StoredEvent): void {
    const { at } = event;
    switch (event.type) {
      case 'conversation-created':
        insertByTime(this.conversations, { at, id: event.conversationId });
        break;
      case 'message-received':
        if (botsTurn(event.data)) this.received.set(event.data.messageId, at);
        break;
      case 'reply-sent': {
        // A message gets one reply at most (the store enforces it), so its time can be forgotten now.
        const key = event.data.replyTo;
        const asked = this.received.get(key);
        if (asked === undefined) break;
        this.received.delete(key);
        insertByTime(this.botReplies, { at, seq: event.seq, seconds: seconds(asked, at) });
        break;
      }
      case 'ticket-created': {
        const ticket: TicketFacts = {
          at,
          order: this.ticketsById.size,
          dueAt: event.data.slaDueAt,
          reasons: event.data.reasons ?? [],
        };
        this.ticketsById.set(event.data.ticketId, ticket);
        insertByTime(this.tickets, ticket);
        this.unsettled.add(ticket);
        const first = this.handoffs.get(event.conversationId);
        if (first === undefined || at < first) this.handoffs.set(event.conversationId, at);
        break;
      }
      case 'agent-message-sent': {
        const ticket = this.ticketsById.get(event.data.ticketId);
        if (ticket === undefined || (ticket.firstResponseAt !== undefined && ticket.firstResponseAt <= at)) break;
        const earlier = this.firstResponses.find((entry) => entry.ticket === ticket);
        if (earlier !== undefined) removeByTime(this.firstResponses, earlier);
        ticket.firstResponseAt = at;
        insertByTime(this.firstResponses, { at, ticket });
        this.settle(ticket, at);
        break;
      }
      case 'ticket-resolved':
      case 'ticket-released': {
        // Each close of an open ticket counts for the backlog; only the first resolution counts as one.
        const ticket = this.ticketsById.get(event.data.ticketId);
        if (ticket === undefined || ticket.closedAt !== undefined) break;
        ticket.closedAt = at;
        insertByTime(this.closures, { at });
        if (event.type === 'ticket-resolved' && ticket.resolvedAt === undefined) {
          ticket.resolvedAt = at;
          insertByTime(this.resolutions, { at, ticket });
        }
        this.settle(ticket, at);
        break;
      }
      case 'ticket-reopened': {
        // Open again: back in the backlog until its next close.
        const ticket = this.ticketsById.get(event.data.ticketId);
        if (ticket === undefined || ticket.closedAt === undefined) break;
        ticket.closedAt = undefined;
        insertByTime(this.reopens, { at });
        break;
      }
      case 'rating-received':
        insertByTime(this.ratings, { at, score: event.data.score });
        break;
      default:
        break;
    }
  }

  private settle(ticket: TicketFacts, at: string): void {
    if (ticket.settled === undefined) {
      this.unsettled.delete(ticket);
      ticket.settled = { at, ticket };
    } else if (at < ticket.settled.at) {
      removeByTime(this.settled, ticket.settled);
      ticket.settled.at = at;
    } else return;
    insertByTime(this.settled, ticket.settled);
  }

  /**
   * The KPIs of [from, to), as `computeKpis` defines them: nothing at or after `to` is known yet. The cost
   * follows the period's activity and, for the overdue count, the tickets still waiting for an answer
   * and those answered or closed since `to`; not the length of the history.
   */
  kpis(from: string, to: string): Kpis {
    const known = (time: string | undefined) => (time !== undefined && time < to ? time : undefined);
    const existing = lowerBound(this.tickets, to);
    const created = this.tickets.slice(lowerBound(this.tickets, from), existing);
    const conversations = between(this.conversations, from, to);
    const resolved = [...between(this.resolutions, from, to)].sort(byOrder).map((entry) => entry.ticket);
    const answered = [...between(this.firstResponses, from, to)].sort(byOrder).map((entry) => entry.ticket);
    // Overdue at `to`: past the deadline, neither answered nor closed before `to`.
    let overdue = 0;
    for (const ticket of this.unsettled) if (ticket.at < to && ticket.dueAt < to) overdue += 1;
    for (let index = lowerBound(this.settled, to); index < this.settled.length; index += 1) {
      const { ticket } = this.settled[index] as { ticket: TicketFacts };
      if (ticket.at < to && ticket.dueAt < to) overdue += 1;
    }
    const judged = created.filter((ticket) => known(ticket.firstResponseAt) !== undefined || ticket.dueAt < to);
    const met = judged.filter((ticket) => {
      const first = known(ticket.firstResponseAt);
      return first !== undefined && first <= ticket.dueAt;
    });
    const reasons: Record<string, number> = {};
    for (const ticket of created) for (const reason of ticket.reasons) reasons[reason] = (reasons[reason] ?? 0) + 1;
    const contained = conversations.filter(
      (conversation) => known(this.handoffs.get(conversation.id)) === undefined,
    ).length;
    const ratings = between(this.ratings, from, to).map((rating) => rating.score);
    return {
      period: { from, to },
      firstResponseBotSeconds: mean(
        [...between(this.botReplies, from, to)]
          .sort((left, right) => left.seq - right.seq)
          .map((reply) => reply.seconds),
      ),
      firstResponseHumanSeconds: mean(
        answered.map((ticket) => seconds(ticket.at, ticket.firstResponseAt ?? ticket.at)),
      ),
      resolutionSeconds: mean(resolved.map((ticket) => seconds(ticket.at, ticket.resolvedAt ?? ticket.at))),
      conversations: conversations.length,
      tickets: created.length,
      backlog: existing - lowerBound(this.closures, to) + lowerBound(this.reopens, to),
      overdue,
      slaAttainment: judged.length === 0 ? null : met.length / judged.length,
      containment: conversations.length === 0 ? null : contained / conversations.length,
      handoffRateByReason: Object.fromEntries(
        Object.entries(reasons).map(([reason, count]) => [
          reason,
          conversations.length === 0 ? 0 : count / conversations.length,
        ]),
      ),
      csat: {
        average: mean(ratings),
        responses: ratings.length,
        responseRate: resolved.length === 0 ? null : ratings.length / resolved.length,
      },
    };
  }

  /** The KPIs of `buckets` equal consecutive periods covering [from, to), as `kpiSeries` defines them. */
  series(from: string, to: string, buckets: number): Kpis[] {
    return bucketBounds(from, to, buckets).map(([bucketFrom, bucketTo]) => this.kpis(bucketFrom, bucketTo));
  }
}
