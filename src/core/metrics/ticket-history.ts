// Each ticket's history as the performance reports need it (who held it when, in which group, first answer,
// closure, resolver) and the ratings, folded from the event log once and then only from what was written since.
// Runtime: any.
import type { StoredEvent } from '../desk/events.ts';
import type { Priority } from '../queue/ticket.ts';
import type { KpiEventSource } from './kpi-projection.ts';

export interface AgentRef {
  readonly id: string;
  readonly name: string;
}

/**
 * A change of owner: an agent took it (claimed, was assigned it, or reopened it), or it went back to a queue
 * (`transferred`), to the bot or was closed.
 */
export interface OwnerChange {
  readonly at: string;
  readonly agent: AgentRef | null;
  readonly reason: 'claimed' | 'transferred' | 'closed';
}

/** A close (resolved or released) or a reopening. */
export interface CloseChange {
  readonly at: string;
  readonly closed: 'resolved' | 'released' | null;
}

export interface TicketHistory {
  readonly id: string;
  readonly conversationId: string;
  readonly createdAt: string;
  /** The group it was created in; `moves` holds later transfers, oldest first. */
  readonly group: string;
  readonly moves: Array<{ readonly at: string; readonly group: string }>;
  readonly owners: OwnerChange[];
  priority: Priority;
  /** The deadline set at creation, as the SLA KPIs judge it. */
  readonly slaDueAt: string;
  firstResponseAt?: string;
  firstResponder?: AgentRef;
  /** Closes and reopenings, oldest first. */
  readonly closes: CloseChange[];
  /** The first resolution, as the KPIs count it (a reopened ticket resolved again counts once). */
  resolvedAt?: string;
  resolver?: AgentRef;
}

export interface RatingFact {
  readonly at: string;
  readonly conversationId: string;
  readonly score: number;
}

/** `agent:<id>` → the id; other actors have none. */
const agentIdOf = (actor: string) => (actor.startsWith('agent:') ? actor.slice('agent:'.length) : actor);

/** The last entry of a time-ordered list at or before `time` (`inclusive`) or strictly before it. */
export function lastBefore<T extends { readonly at: string }>(
  list: readonly T[],
  time: string,
  inclusive = false,
): T | undefined {
  for (let index = list.length - 1; index >= 0; index -= 1) {
    const entry = list[index] as T;
    if (entry.at < time || (inclusive && entry.at === time)) return entry;
  }
  return undefined;
}

/** Whether the ticket was open just before `time` (created by then, not closed since). */
export const openAt = (ticket: TicketHistory, time: string): boolean =>
  ticket.createdAt < time && (lastBefore(ticket.closes, time)?.closed ?? null) === null;

/** The group the ticket was in just before `time`. */
export const groupAt = (ticket: TicketHistory, time: string): string =>
  lastBefore(ticket.moves, time)?.group ?? ticket.group;

/** Who held the ticket just before `time` (at `time` too when `inclusive`), or null while it sat in a queue. */
export const ownerAt = (ticket: TicketHistory, time: string, inclusive = false): AgentRef | null =>
  lastBefore(ticket.owners, time, inclusive)?.agent ?? null;

/** Keeps `list` ordered by time; events nearly always arrive in time order, so this is nearly always a push. */
function insertByTime<T extends { readonly at: string }>(list: T[], item: T): void {
  let index = list.length;
  while (index > 0 && (list[index - 1] as T).at > item.at) index -= 1;
  list.splice(index, 0, item);
}

/** The tickets and ratings of the whole log, read incrementally. Memory grows with tickets and ratings. */
export class TicketHistoryLog {
  private after = 0;
  private reading: Promise<void> | undefined;
  readonly tickets = new Map<string, TicketHistory>();
  /** Conversation → its tickets, oldest first. */
  readonly byConversation = new Map<string, TicketHistory[]>();
  /** Ordered by time. */
  readonly ratings: RatingFact[] = [];

  constructor(
    private readonly source?: KpiEventSource,
    private readonly pageSize = 5_000,
  ) {}

  /** Reads the events written since the last call; callers that arrive while a read runs share it. */
  refresh(): Promise<void> {
    this.reading ??= this.readNewEvents().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readNewEvents(): Promise<void> {
    if (this.source === undefined) return;
    for (;;) {
      const page = await this.source.eventsAfter(this.after, { limit: this.pageSize });
      for (const event of page) {
        this.apply(event);
        this.after = event.seq;
      }
      if (page.length < this.pageSize) return;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /** Adds one event; events must come in `seq` order. */
  apply(event: StoredEvent): void {
    const { at } = event;
    switch (event.type) {
      case 'ticket-created': {
        const ticket: TicketHistory = {
          id: event.data.ticketId,
          conversationId: event.conversationId,
          createdAt: at,
          group: event.data.group,
          moves: [],
          owners: [],
          closes: [],
          priority: event.data.priority,
          slaDueAt: event.data.slaDueAt,
        };
        this.tickets.set(ticket.id, ticket);
        const list = this.byConversation.get(event.conversationId) ?? [];
        list.push(ticket);
        this.byConversation.set(event.conversationId, list);
        break;
      }
      case 'ticket-claimed':
      case 'ticket-assigned':
        this.owned(event.data.ticketId, {
          at,
          agent: { id: event.data.agentId, name: event.data.agentName },
          reason: 'claimed',
        });
        break;
      case 'ticket-retriaged': {
        const ticket = this.tickets.get(event.data.ticketId);
        if (ticket !== undefined) ticket.priority = event.data.priority;
        break;
      }
      case 'ticket-transferred': {
        const ticket = this.tickets.get(event.data.ticketId);
        if (ticket === undefined) break;
        insertByTime(ticket.moves, { at, group: event.data.to });
        this.owned(ticket.id, { at, agent: null, reason: 'transferred' });
        break;
      }
      case 'agent-message-sent': {
        const ticket = this.tickets.get(event.data.ticketId);
        if (ticket === undefined || (ticket.firstResponseAt !== undefined && ticket.firstResponseAt <= at)) break;
        ticket.firstResponseAt = at;
        ticket.firstResponder = { id: agentIdOf(event.actor), name: event.data.agentName };
        break;
      }
      case 'ticket-resolved':
      case 'ticket-released': {
        const ticket = this.tickets.get(event.data.ticketId);
        if (ticket === undefined || (ticket.closes.at(-1)?.closed ?? null) !== null) break;
        const closed = event.type === 'ticket-resolved' ? 'resolved' : 'released';
        insertByTime(ticket.closes, { at, closed });
        if (closed === 'resolved' && ticket.resolvedAt === undefined) {
          ticket.resolvedAt = at;
          ticket.resolver = { id: agentIdOf(event.actor), name: event.data.agentName };
        }
        this.owned(ticket.id, { at, agent: null, reason: 'closed' });
        break;
      }
      case 'ticket-reopened': {
        const ticket = this.tickets.get(event.data.ticketId);
        if (ticket === undefined) break;
        insertByTime(ticket.closes, { at, closed: null });
        this.owned(ticket.id, {
          at,
          agent: { id: event.data.agentId, name: event.data.agentName },
          reason: 'claimed',
        });
        break;
      }
      case 'rating-received':
        insertByTime(this.ratings, { at, conversationId: event.conversationId, score: event.data.score });
        break;
      default:
        break;
    }
  }

  private owned(ticketId: string, change: OwnerChange): void {
    const ticket = this.tickets.get(ticketId);
    if (ticket !== undefined) insertByTime(ticket.owners, change);
  }

  /** The conversation's ticket a rating at `at` is about: the latest one resolved by then. */
  ratedTicket(conversationId: string, at: string): TicketHistory | undefined {
    const list = this.byConversation.get(conversationId) ?? [];
    let rated: TicketHistory | undefined;
    for (const ticket of list)
      if (ticket.resolvedAt !== undefined && ticket.resolvedAt <= at && (rated?.resolvedAt ?? '') <= ticket.resolvedAt)
        rated = ticket;
    return rated;
  }
}
