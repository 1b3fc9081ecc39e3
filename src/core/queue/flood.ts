// Flood control for handoffs: one source (a client address, or a customer's id or e-mail) opening ticket after
// ticket must not push everybody else down the queue. A handoff is never refused (a person in trouble still reaches
// people); a repeated urgent claim joins the source's open ticket, and past the hourly limit every new ticket of the
// source waits at the back, marked, for a lead to close in bulk. Runtime: any.
import type { FloodControl, NewTicket, SourceTicket } from '../ports/ticket-store.ts';
import type { Priority, TicketStatus } from './ticket.ts';

/** Why a ticket was grouped, kept in its signals for agents: what it claimed and whom it joined. */
export interface FloodMark {
  readonly groupedWith: string;
  /** `repeat`: an urgent or high claim while the source has one open; `limit`: past the source's hourly limit. */
  readonly because: 'repeat' | 'limit';
  /** Tickets the source opened in the window before this one. */
  readonly recent: number;
  readonly claimedPriority: Priority;
}

const PRESSING: ReadonlySet<Priority> = new Set(['urgent', 'high']);
const OPEN: ReadonlySet<TicketStatus> = new Set(['waiting', 'assigned', 'transferred']);
/** Grouped tickets sort below every ungrouped one (the lowest ungrouped score is 0 only without any reason). */
const GROUPED_SCORE = -1;

/**
 * The ticket to store, given the source's tickets of the window (oldest first): unchanged, or grouped with the
 * source's first open ticket (or its first ticket of the window) at the back of the queue with a `flood` mark.
 */
export function groupFlood(ticket: NewTicket, recent: readonly SourceTicket[], control: FloodControl): NewTicket {
  if (recent.length === 0) return ticket;
  const open = recent.filter((entry) => OPEN.has(entry.status));
  const pressingOpen = open.find((entry) => PRESSING.has(entry.priority) && entry.groupedWith === null);
  let because: FloodMark['because'] | undefined;
  if (recent.length >= control.handoffsPerSource) because = 'limit';
  else if (PRESSING.has(ticket.priority) && pressingOpen !== undefined) because = 'repeat';
  if (because === undefined) return ticket;
  const leader = pressingOpen ?? open.find((entry) => entry.groupedWith === null) ?? recent[0];
  const mark: FloodMark = {
    groupedWith: leader?.groupedWith ?? leader?.id ?? ticket.id,
    because,
    recent: recent.length,
    claimedPriority: ticket.priority,
  };
  return {
    ...ticket,
    priority: 'low',
    priorityScore: GROUPED_SCORE,
    slaDueAt: control.lowSlaDueAt,
    signals: { ...ticket.signals, flood: mark },
  };
}

/** The flood mark of a ticket's signals, if it was grouped. */
export function floodMarkOf(signals: Readonly<Record<string, unknown>>): FloodMark | undefined {
  const mark = signals['flood'];
  return typeof mark === 'object' && mark !== null && 'groupedWith' in mark ? (mark as FloodMark) : undefined;
}

/** The key a customer profile is counted under: its id, else its e-mail (case-insensitive); none without either. */
export function customerKeyOf(customer: { readonly id?: string | undefined; readonly email?: string | undefined }) {
  if (customer.id !== undefined) return `id:${customer.id}`;
  if (customer.email !== undefined) return `email:${customer.email.toLowerCase()}`;
  return null;
}
