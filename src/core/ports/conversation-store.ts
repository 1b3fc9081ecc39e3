// Port: durable storage of conversations, messages and events. Every write commits before it resolves. Runtime: any.
import type { Conversation, ConversationStatus, Customer, Message, ReplyMeta } from '../conversation/conversation.ts';
import type { StoredEvent } from '../desk/events.ts';
import type { Lang } from '../text/lang.ts';
import type { SlaMinutes } from '../queue/priority.ts';
import type { FloodControl, NewTicket } from './ticket-store.ts';

export interface NewConversation {
  readonly id: string;
  /** SHA-256 (hex) of the customer's bearer token; the token itself is never stored. */
  readonly tokenHash: string;
  readonly lang: Lang | null;
  readonly customer: Customer;
  readonly channel: string;
  readonly at: string;
  /** A key derived from the client's address, for flood control (see core/queue/flood.ts); none from the CLI or evals. */
  readonly source?: string | null | undefined;
  /** The page the customer opened it on. */
  readonly page?: string | null | undefined;
}

/** Whose earlier conversations to find: a profile's id or e-mail, among profiles verified or not, as `verified` says. */
export interface CustomerHistoryQuery {
  readonly id?: string | undefined;
  /** Matched ignoring case. */
  readonly email?: string | undefined;
  /** Only profiles whose `verified` is this (a profile without the flag counts as not verified). */
  readonly verified: boolean;
  /** The conversation asking, left out. */
  readonly excludeConversationId: string;
  readonly limit: number;
}

/** One earlier conversation of a customer, as the agent's context sidebar lists it. */
export interface PastConversation {
  readonly conversationId: string;
  readonly createdAt: string;
  readonly status: ConversationStatus;
  readonly channel: string;
  readonly lang: Lang | null;
  /** Its latest ticket, if it reached people. */
  readonly ticketId: string | null;
  readonly resolution: string | null;
  /** The customer's rating, 1-5. */
  readonly rating: number | null;
}

export interface NewCustomerMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly text: string;
  readonly at: string;
  readonly clientMessageId?: string | undefined;
  /**
   * Files uploaded to this conversation that the message takes, in the same write: `not_found:attachment` for one
   * the conversation never uploaded, `conflict:attachment` for one another message took (nothing is stored then).
   */
  readonly attachmentIds?: readonly string[] | undefined;
}

export interface NewBotReply {
  readonly id: string;
  readonly conversationId: string;
  readonly replyTo: string;
  readonly text: string;
  readonly at: string;
  readonly reply: ReplyMeta;
  /** The ticket a handoff opens, created in the same transaction as the reply; the conversation then waits in the queue. */
  readonly ticket?: NewTicket | undefined;
  /** With a ticket: how the store groups it when its source floods the queue, decided inside the same transaction. */
  readonly floodControl?: FloodControl | undefined;
  /** SLA minutes per priority, for a ticket that starts at its conversation's earlier priority. */
  readonly sla?: SlaMinutes | undefined;
}

export type BotReplyOutcome =
  | { readonly delivered: true; readonly message: Message }
  /** The conversation left the bot (a person owns it) before the reply was written: nothing was stored as sent. */
  | { readonly delivered: false; readonly status: ConversationStatus };

export interface ConversationStore {
  createConversation(input: NewConversation): Promise<Conversation>;
  getConversation(id: string): Promise<(Conversation & { readonly tokenHash: string }) | undefined>;
  /**
   * Stores a customer message and its `message-received` event in one transaction. With a
   * `clientMessageId` already used in this conversation, stores nothing and returns the first message.
   * `first` tells whether the message opens the conversation (nothing came before it).
   */
  addCustomerMessage(input: NewCustomerMessage): Promise<{
    readonly message: Message;
    readonly duplicate: boolean;
    readonly status: ConversationStatus;
    readonly first: boolean;
  }>;
  /**
   * Stores a bot reply only if the conversation is still with the bot, checked in the same transaction
   * as the write; otherwise records a `reply-dropped` event and stores no message. When a reply to the
   * same customer message already exists (a concurrent retry), returns that one and stores nothing.
   */
  addBotReply(input: NewBotReply): Promise<BotReplyOutcome>;
  /** The bot reply to a customer message, if one was stored. */
  findReply(customerMessageId: string): Promise<Message | undefined>;
  listMessages(conversationId: string): Promise<Message[]>;
  /** The last `limit` messages, oldest first, without reply metadata (`reply` is null): the context a new reply needs. */
  recentMessages(conversationId: string, limit: number): Promise<Message[]>;
  listEvents(conversationId: string): Promise<StoredEvent[]>;
  /** Records the page the customer is on now (no event: it is context, not a change of the conversation). */
  setPage(conversationId: string, page: string): Promise<void>;
  /**
   * A customer's other conversations: profile `id` equal, or `email` equal ignoring case, and `verified` as asked;
   * newest first, at most `limit`, each with its latest ticket's id and resolution and its rating.
   */
  customerHistory(query: CustomerHistoryQuery): Promise<PastConversation[]>;
  /** Throws unless the store can write right now (for readiness checks). */
  checkWritable(): Promise<void>;
  close(): Promise<void>;
}
