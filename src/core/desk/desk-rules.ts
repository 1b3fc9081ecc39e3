// The desk's state machine: who owns a conversation, which ticket transitions are allowed, who may write to the
// customer and when, and the events each step records. Pure: every store applies these decisions inside its
// own write transaction, so a second store cannot drift from the first. Runtime: any.
import type { ConversationStatus, HandoffReason, Action } from '../conversation/conversation.ts';
import { AppError } from '../errors.ts';
import type { Agent, Priority, TicketStatus } from '../queue/ticket.ts';
import { events, unhandled, type DeskEvent } from './events.ts';

/** Who may write to the customer right now. */
export type Owner =
  | { readonly kind: 'bot' }
  /** Handed off, waiting for an agent: nobody writes until one claims it. */
  | { readonly kind: 'queue' }
  | { readonly kind: 'agent' }
  | { readonly kind: 'nobody' };

/** Statuses in which a ticket is open (in the queue or with an agent). */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['waiting', 'assigned', 'transferred'];

export const isOpenTicket = (status: TicketStatus) => OPEN_TICKET_STATUSES.includes(status);

/** The one mapping between a ticket's state and its conversation's: the conversation follows its ticket. */
export function conversationStatusFor(ticket: TicketStatus): ConversationStatus {
  switch (ticket) {
    case 'waiting':
    case 'assigned':
    case 'transferred':
    case 'resolved':
      return ticket;
    case 'released':
      return 'bot';
    default:
      return unhandled(ticket);
  }
}

export function ownerOf(status: ConversationStatus): Owner {
  switch (status) {
    case 'bot':
      return { kind: 'bot' };
    case 'waiting':
    case 'transferred':
      return { kind: 'queue' };
    case 'assigned':
      return { kind: 'agent' };
    case 'resolved':
      return { kind: 'nobody' };
    default:
      return unhandled(status);
  }
}

/** The bot may write only while it owns the conversation. */
export const botMayReply = (status: ConversationStatus) => ownerOf(status).kind === 'bot';

/**
 * A customer message: after resolution the conversation goes back to the bot (and the log says so). `answeredBy`
 * is the status the message arrived in, which decides whether the bot answers it.
 */
export function receiveCustomerMessage(
  status: ConversationStatus,
  messageId: string,
): { readonly status: ConversationStatus; readonly events: readonly DeskEvent[] } {
  const reopened = status === 'resolved';
  const next: ConversationStatus = reopened ? 'bot' : status;
  return {
    status: next,
    events: [...(reopened ? [events.conversationReopened()] : []), events.messageReceived({ messageId, status: next })],
  };
}

/** What a handoff opens beside the bot's reply. */
export interface HandoffTicket {
  readonly id: string;
  readonly reasons: readonly HandoffReason[];
  readonly priority: Priority;
  readonly group: string;
  readonly slaDueAt: string;
}

export type BotReplyDecision =
  | {
      readonly delivered: true;
      readonly status: ConversationStatus;
      readonly ticketStatus?: TicketStatus | undefined;
      readonly events: readonly DeskEvent[];
    }
  | { readonly delivered: false; readonly events: readonly DeskEvent[] };

/**
 * A bot reply, written only while the bot owns the conversation; otherwise it is dropped and the drop recorded.
 * A reply that hands off puts the conversation in the queue with a new waiting ticket.
 */
export function sendBotReply(
  status: ConversationStatus,
  reply: {
    readonly messageId: string;
    readonly replyTo: string;
    readonly action: Action;
    readonly score: number;
    readonly reasons?: readonly HandoffReason[] | undefined;
  },
  handoff?: HandoffTicket,
): BotReplyDecision {
  if (!botMayReply(status))
    return { delivered: false, events: [events.replyDropped({ replyTo: reply.replyTo, status })] };
  // The queue is where agents look: a conversation handed off without a ticket would wait for nobody.
  if ((reply.action === 'handoff') !== (handoff !== undefined))
    throw new Error('a handoff reply opens a ticket, and only a handoff reply does');
  const sent = events.replySent({
    messageId: reply.messageId,
    replyTo: reply.replyTo,
    action: reply.action,
    score: reply.score,
  });
  if (handoff === undefined) return { delivered: true, status, events: [sent] };
  const next = conversationStatusFor('waiting');
  return {
    delivered: true,
    status: next,
    ticketStatus: 'waiting',
    events: [
      sent,
      events.conversationHandedOff({ from: status, to: next, reasons: reply.reasons ?? handoff.reasons }),
      events.ticketCreated({
        ticketId: handoff.id,
        reasons: handoff.reasons,
        priority: handoff.priority,
        group: handoff.group,
        slaDueAt: handoff.slaDueAt,
      }),
    ],
  };
}

/** The part of a ticket the rules read. */
export interface TicketState {
  readonly id: string;
  readonly status: TicketStatus;
  readonly assigneeId: string | null;
  readonly group: string;
}

export type TicketCommand =
  | { readonly kind: 'claim'; readonly agent: Agent }
  | { readonly kind: 'transfer'; readonly agent: Agent; readonly group: string }
  | {
      readonly kind: 'release';
      readonly agent: Agent;
      readonly notice?: { readonly messageId: string; readonly text: string } | undefined;
    }
  | { readonly kind: 'resolve'; readonly agent: Agent; readonly resolution: string }
  /** A lead or admin closes an open ticket without claiming it (a flood); agents may not. */
  | { readonly kind: 'close'; readonly agent: Agent; readonly resolution: string }
  /** An agent takes a resolved or released ticket up again: it is theirs, and they may write to the customer. */
  | { readonly kind: 'reopen'; readonly agent: Agent }
  /**
   * An open ticket given to `assignee`: by a lead or admin (to anyone), by an agent (only to themselves, as a claim),
   * or by auto-assignment (`auto`, to an online agent with room).
   */
  | { readonly kind: 'assign'; readonly agent: Agent | 'auto'; readonly assignee: Agent };

/** A ticket's next state, its conversation's, and the event that records the step. */
export interface TicketTransition {
  readonly ticket: TicketState;
  readonly conversation: ConversationStatus;
  readonly event: DeskEvent;
  /** Set on the first claim (claimedAt is kept from the first) and on resolution. */
  readonly claimed: boolean;
  readonly resolution?: string | undefined;
  /** Taken up again: the resolution and its time are cleared (the log keeps them). */
  readonly reopened?: boolean | undefined;
}

/** Only the assignee of an assigned ticket may act on it or write to its customer. */
export function assertAssignee(ticket: TicketState, agent: Agent): void {
  if (ticket.status === 'assigned' && ticket.assigneeId === agent.id) return;
  throw new AppError(
    'conflict:ticket',
    ticket.status === 'assigned'
      ? 'this ticket belongs to another agent'
      : `this ticket is ${ticket.status}: claim it first`,
  );
}

export const actorOf = (agent: Agent | 'auto') => (agent === 'auto' ? 'system' : (`agent:${agent.id}` as const));

/** Statuses a ticket can be reopened from. */
const REOPENABLE = ['resolved', 'released'] as const;
const isReopenable = (status: TicketStatus): status is (typeof REOPENABLE)[number] =>
  (REOPENABLE as readonly string[]).includes(status);

/** Decides a ticket command; throws `conflict:ticket` when the ticket's state does not allow it. */
export function decideTicket(ticket: TicketState, command: TicketCommand): TicketTransition {
  const next = (
    status: TicketStatus,
    changes: Partial<TicketState>,
    event: DeskEvent,
    extra: Partial<TicketTransition> = {},
  ): TicketTransition => ({
    ticket: { ...ticket, ...changes, status },
    conversation: conversationStatusFor(status),
    event,
    claimed: false,
    ...extra,
  });
  if (command.kind === 'assign') return assign(ticket, command.agent, command.assignee, next);
  const agent = command.agent;
  switch (command.kind) {
    case 'claim':
      if (ticket.status !== 'waiting' && ticket.status !== 'transferred') {
        throw new AppError(
          'conflict:ticket',
          ticket.status === 'assigned'
            ? 'this ticket was already claimed by another agent'
            : `this ticket is ${ticket.status} and cannot be claimed`,
        );
      }
      return next(
        'assigned',
        { assigneeId: agent.id },
        events.ticketClaimed({ ticketId: ticket.id, agentId: agent.id, agentName: agent.name }),
        { claimed: true },
      );
    case 'transfer':
      assertAssignee(ticket, agent);
      return next(
        'transferred',
        { assigneeId: null, group: command.group },
        events.ticketTransferred({ ticketId: ticket.id, agentName: agent.name, from: ticket.group, to: command.group }),
      );
    case 'release':
      assertAssignee(ticket, agent);
      return next(
        'released',
        {},
        events.ticketReleased({
          ticketId: ticket.id,
          agentName: agent.name,
          ...(command.notice === undefined ? {} : { notice: command.notice }),
        }),
      );
    case 'resolve':
      assertAssignee(ticket, agent);
      return next(
        'resolved',
        {},
        events.ticketResolved({ ticketId: ticket.id, agentName: agent.name, resolution: command.resolution }),
        { resolution: command.resolution },
      );
    case 'close':
      if (agent.role === 'agent')
        throw new AppError('forbidden:role', 'closing tickets in bulk is for leads and admins');
      if (!OPEN_TICKET_STATUSES.includes(ticket.status))
        throw new AppError('conflict:ticket', `this ticket is ${ticket.status} and cannot be closed`);
      return next(
        'resolved',
        { assigneeId: ticket.assigneeId },
        events.ticketResolved({ ticketId: ticket.id, agentName: agent.name, resolution: command.resolution }),
        { resolution: command.resolution },
      );
    case 'reopen':
      if (!isReopenable(ticket.status))
        throw new AppError('conflict:ticket', `this ticket is ${ticket.status}: only a closed ticket can be reopened`);
      return next(
        'assigned',
        { assigneeId: agent.id },
        events.ticketReopened({ ticketId: ticket.id, agentId: agent.id, agentName: agent.name, from: ticket.status }),
        { reopened: true, claimed: true },
      );
    default:
      return unhandled(command);
  }
}

function assign(
  ticket: TicketState,
  by: Agent | 'auto',
  assignee: Agent,
  next: (
    status: TicketStatus,
    changes: Partial<TicketState>,
    event: DeskEvent,
    extra?: Partial<TicketTransition>,
  ) => TicketTransition,
): TicketTransition {
  if (by !== 'auto' && by.role === 'agent' && by.id !== assignee.id)
    throw new AppError('forbidden:role', 'assigning a ticket to someone else is for leads and admins');
  if (!OPEN_TICKET_STATUSES.includes(ticket.status))
    throw new AppError('conflict:ticket', `this ticket is ${ticket.status}: reopen it to assign it`);
  if (ticket.status === 'assigned' && ticket.assigneeId === assignee.id)
    throw new AppError('conflict:ticket', `this ticket is already assigned to ${assignee.name}`);
  if (ticket.status === 'assigned' && (by === 'auto' || by.role === 'agent'))
    throw new AppError('conflict:ticket', 'this ticket was already claimed by another agent');
  return next(
    'assigned',
    { assigneeId: assignee.id },
    events.ticketAssigned({
      ticketId: ticket.id,
      agentId: assignee.id,
      agentName: assignee.name,
      by: by === 'auto' ? 'auto' : by.id,
    }),
    { claimed: true },
  );
}

/** A rating is taken once per conversation, after a specialist resolved it. */
export function assertMayRate(state: { readonly resolved: boolean; readonly rated: boolean }): void {
  if (!state.resolved)
    throw new AppError('conflict:rating', 'a conversation can be rated after a specialist resolved it');
  if (state.rated) throw new AppError('conflict:rating', 'this conversation was already rated');
}

/** The conversation's status after an event, or undefined when the event does not change it. */
export function statusAfter(event: DeskEvent): ConversationStatus | undefined {
  switch (event.type) {
    case 'conversation-handed-off':
      return event.data.to;
    case 'ticket-claimed':
    case 'ticket-reopened':
    case 'ticket-assigned':
      return conversationStatusFor('assigned');
    case 'ticket-transferred':
      return conversationStatusFor('transferred');
    case 'ticket-released':
      return conversationStatusFor('released');
    case 'ticket-resolved':
      return conversationStatusFor('resolved');
    case 'conversation-reopened':
      return event.data.to;
    case 'conversation-created':
    case 'message-received':
    case 'reply-sent':
    case 'reply-dropped':
    case 'ticket-created':
    case 'agent-message-sent':
    case 'note-added':
    case 'ticket-summary-updated':
    case 'ticket-retriaged':
    case 'rating-received':
    case 'customer-erased':
      return undefined;
    default:
      return unhandled(event);
  }
}
