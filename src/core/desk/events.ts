// The desk's event vocabulary: one typed union for every change a store records, with a constructor for each.
// Stores append them, KPIs and live feeds read them, and a `switch` on `type` is exhaustive. Runtime: any.
import type { ConversationStatus, HandoffReason, Action } from '../conversation/conversation.ts';
import type { AttachmentMeta } from '../attachments/attachment.ts';
import type { Lang } from '../text/lang.ts';
import type { Priority } from '../queue/ticket.ts';

/** Each event's name (noun-verb) and what it carries. Fields marked optional are absent from older logs. */
export interface DeskEventData {
  'conversation-created': { readonly channel: string; readonly lang: Lang | null };
  /** `status`: who was to answer the message when it arrived (after a reopen, the bot). */
  'message-received': { readonly messageId: string; readonly status?: ConversationStatus | undefined };
  'conversation-reopened': { readonly from: 'resolved'; readonly to: 'bot' };
  'reply-sent': {
    readonly messageId: string;
    readonly replyTo: string;
    readonly action: Action;
    readonly score: number;
  };
  /** The conversation had left the bot when its reply was ready; nothing was sent. */
  'reply-dropped': { readonly replyTo: string; readonly status: ConversationStatus };
  'conversation-handed-off': {
    readonly from: ConversationStatus;
    readonly to: ConversationStatus;
    readonly reasons: readonly HandoffReason[];
  };
  'ticket-created': {
    readonly ticketId: string;
    readonly reasons: readonly HandoffReason[];
    readonly priority: Priority;
    readonly group: string;
    readonly slaDueAt: string;
  };
  'ticket-claimed': { readonly ticketId: string; readonly agentId: string; readonly agentName: string };
  'agent-message-sent': {
    readonly ticketId: string;
    readonly messageId: string;
    readonly agentName: string;
    readonly text: string;
    /** Files sent with the message; absent from older logs and from messages without. */
    readonly attachments?: readonly AttachmentMeta[] | undefined;
  };
  /** Carries no text: a customer's feed must never reveal a note. */
  'note-added': { readonly ticketId: string; readonly noteId: string };
  'ticket-summary-updated': { readonly ticketId: string; readonly source: string };
  /**
   * A waiting customer's new message changed the ticket's triage: reasons `added`, and the priority and SLA deadline
   * now (never lower, never later than before).
   */
  'ticket-retriaged': {
    readonly ticketId: string;
    readonly added: readonly HandoffReason[];
    readonly priority: Priority;
    readonly slaDueAt: string;
  };
  'ticket-transferred': {
    readonly ticketId: string;
    readonly agentName: string;
    readonly from: string;
    readonly to: string;
  };
  /** `notice`: what the customer was told, and the id of the `system` message that keeps it in the transcript. */
  'ticket-released': {
    readonly ticketId: string;
    readonly agentName: string;
    readonly notice?: { readonly messageId: string; readonly text: string };
  };
  'ticket-resolved': { readonly ticketId: string; readonly agentName: string; readonly resolution: string };
  /** A resolved or released ticket taken up again by an agent, who now owns it (`from`: its status before). */
  'ticket-reopened': {
    readonly ticketId: string;
    readonly agentId: string;
    readonly agentName: string;
    readonly from: 'resolved' | 'released';
  };
  /** A lead gave an open ticket to an agent, or auto-assignment did (`by`: the lead's id, or `auto`). */
  'ticket-assigned': {
    readonly ticketId: string;
    readonly agentId: string;
    readonly agentName: string;
    readonly by: string;
  };
  'rating-received': { readonly score: number; readonly hasComment: boolean };
  /** The customer's data in this conversation was erased (GDPR, 152-FZ): `by` who asked for it, `at` when. */
  'customer-erased': { readonly by: string; readonly at: string };
}

export type DeskEventType = keyof DeskEventData;

/** One change, before it is stored: its type and data, discriminated on `type`. */
export type DeskEvent = {
  readonly [K in DeskEventType]: { readonly type: K; readonly data: DeskEventData[K] };
}[DeskEventType];

/** Who caused an event: `customer`, `bot`, `system` or `agent:<id>`. */
export type Actor = 'customer' | 'bot' | 'system' | `agent:${string}`;

/** An event as the log keeps it: its place in the global order, its conversation, who and when. */
export type StoredEvent = DeskEvent & {
  /** Position in the global log, increasing; the live feeds' event id. */
  readonly seq: number;
  readonly conversationId: string;
  readonly actor: string;
  readonly at: string;
};

export const DESK_EVENT_TYPES: readonly DeskEventType[] = [
  'conversation-created',
  'message-received',
  'conversation-reopened',
  'reply-sent',
  'reply-dropped',
  'conversation-handed-off',
  'ticket-created',
  'ticket-claimed',
  'agent-message-sent',
  'note-added',
  'ticket-summary-updated',
  'ticket-retriaged',
  'ticket-transferred',
  'ticket-released',
  'ticket-resolved',
  'ticket-reopened',
  'ticket-assigned',
  'rating-received',
  'customer-erased',
];

const KNOWN = new Set<string>(DESK_EVENT_TYPES);

export const isDeskEventType = (type: string): type is DeskEventType => KNOWN.has(type);

/** Builds an event of one type (the constructors below are this, named). */
export const deskEvent = <K extends DeskEventType>(type: K, data: DeskEventData[K]): DeskEvent =>
  ({ type, data }) as DeskEvent;

/** An event read back from storage: the type must be one the desk knows; the data is what the store wrote. */
export function storedEvent(row: {
  seq: number;
  conversationId: string;
  type: string;
  actor: string;
  at: string;
  data: unknown;
}): StoredEvent {
  if (!isDeskEventType(row.type)) throw new Error(`event ${row.seq} has an unknown type "${row.type}"`);
  return {
    seq: row.seq,
    conversationId: row.conversationId,
    type: row.type,
    actor: row.actor,
    at: row.at,
    data: row.data,
  } as StoredEvent;
}

export const events = {
  conversationCreated: (data: DeskEventData['conversation-created']) => deskEvent('conversation-created', data),
  messageReceived: (data: DeskEventData['message-received']) => deskEvent('message-received', data),
  conversationReopened: () => deskEvent('conversation-reopened', { from: 'resolved', to: 'bot' }),
  replySent: (data: DeskEventData['reply-sent']) => deskEvent('reply-sent', data),
  replyDropped: (data: DeskEventData['reply-dropped']) => deskEvent('reply-dropped', data),
  conversationHandedOff: (data: DeskEventData['conversation-handed-off']) => deskEvent('conversation-handed-off', data),
  ticketCreated: (data: DeskEventData['ticket-created']) => deskEvent('ticket-created', data),
  ticketClaimed: (data: DeskEventData['ticket-claimed']) => deskEvent('ticket-claimed', data),
  agentMessageSent: (data: DeskEventData['agent-message-sent']) => deskEvent('agent-message-sent', data),
  noteAdded: (data: DeskEventData['note-added']) => deskEvent('note-added', data),
  ticketSummaryUpdated: (data: DeskEventData['ticket-summary-updated']) => deskEvent('ticket-summary-updated', data),
  ticketRetriaged: (data: DeskEventData['ticket-retriaged']) => deskEvent('ticket-retriaged', data),
  ticketTransferred: (data: DeskEventData['ticket-transferred']) => deskEvent('ticket-transferred', data),
  ticketReleased: (data: DeskEventData['ticket-released']) => deskEvent('ticket-released', data),
  ticketResolved: (data: DeskEventData['ticket-resolved']) => deskEvent('ticket-resolved', data),
  ticketReopened: (data: DeskEventData['ticket-reopened']) => deskEvent('ticket-reopened', data),
  ticketAssigned: (data: DeskEventData['ticket-assigned']) => deskEvent('ticket-assigned', data),
  ratingReceived: (data: DeskEventData['rating-received']) => deskEvent('rating-received', data),
  customerErased: (data: DeskEventData['customer-erased']) => deskEvent('customer-erased', data),
} as const;

/** For `default:` branches of exhaustive switches: a new event type fails to compile until it is handled. */
export function unhandled(value: never): never {
  throw new Error(`unhandled event ${JSON.stringify(value)}`);
}
