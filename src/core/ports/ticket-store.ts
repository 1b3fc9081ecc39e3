// Port: tickets, agents, notes, ratings and the event feed. Every state change is one transaction that
// also appends its event; conflicting changes fail with AppError `conflict:ticket`. Runtime: any.
import type { Conversation, HandoffReason, Message } from '../conversation/conversation.ts';
import type { TicketIntake } from '../intake/ticket-intake.ts';
import type { TicketTriage } from '../queue/retriage.ts';
import type { AgentLoad, Presence } from '../queue/round-robin.ts';
import type { StoredEvent } from '../desk/events.ts';
import type { EventLog } from './event-feed.ts';
import type { Agent, AgentRole, Priority, Ticket, TicketStatus, TicketSummary } from '../queue/ticket.ts';

/** What a handoff writes; status, timestamps and the customer's profile are filled in by the store. */
export type NewTicket = Pick<
  Ticket,
  'id' | 'group' | 'priority' | 'priorityScore' | 'reasons' | 'signals' | 'summary' | 'slaDueAt'
> & { readonly intake?: TicketIntake | undefined };

/** A ticket the same source opened within the window. */
export interface SourceTicket {
  readonly id: string;
  readonly priority: Priority;
  readonly status: TicketStatus;
  readonly groupedWith: string | null;
}

export interface FloodControl {
  /** Tickets one source may open per window before the next ones are marked as a flood. */
  readonly handoffsPerSource: number;
  /** Where the window starts (ISO time): tickets created since count. */
  readonly since: string;
  /** The deadline a ticket sent to the back gets (the low priority's SLA from now). */
  readonly lowSlaDueAt: string;
}

export interface TicketFilter {
  readonly status?: TicketStatus | undefined;
  readonly group?: string | undefined;
  readonly lang?: string | undefined;
  /** Only tickets grouped as a flood (`true`), or only those grouped with this ticket (an id). */
  readonly flood?: true | string | undefined;
  /** Only tickets of this agent (an id), or only unassigned ones (`null`). */
  readonly assignee?: string | null | undefined;
  /** Only tickets handed off for this reason. */
  readonly reason?: HandoffReason | undefined;
  /**
   * Search words: a ticket or conversation id, the customer's name, e-mail or id, or words from the conversation's messages. With a
   * query and no status, tickets of every status match, most recently updated first.
   */
  readonly query?: string | undefined;
  /** At most this many (closed tickets and searches are listed most recent first). */
  readonly limit?: number | undefined;
}

/** What a lead's bulk close did: the tickets closed, and those left as they were with why. */
export interface BulkCloseResult {
  readonly closed: readonly string[];
  readonly skipped: ReadonlyArray<{ readonly id: string; readonly code: string; readonly message: string }>;
}

export interface Note {
  readonly id: string;
  readonly ticketId: string;
  readonly agentId: string;
  readonly text: string;
  readonly at: string;
}

/** Everything held about one customer's conversation (a data subject's access request). */
export interface CustomerConversationRecord extends Conversation {
  /** Every message, bot replies with their metadata. */
  readonly messages: readonly Message[];
  readonly tickets: ReadonlyArray<Ticket & { readonly notes: readonly Note[] }>;
  readonly rating: { readonly score: number; readonly comment: string | null; readonly at: string } | null;
  readonly events: readonly StoredEvent[];
}

/** A customer's rating of a conversation, with what they wrote. */
export interface RatingComment {
  readonly conversationId: string;
  readonly score: number;
  readonly comment: string;
  readonly at: string;
}

export interface CustomerErasure {
  /** The customer's `id` or `email` in the conversations' customer profile. */
  readonly key: string;
  /** Who asked for it (an agent's id or the CLI), recorded in each conversation's `customer-erased` event. */
  readonly by: string;
  /** The events' actor: `agent:<id>` or `system`. */
  readonly actor: string;
  readonly at: string;
}

export interface ErasureCounts {
  readonly conversations: number;
  readonly messages: number;
  readonly tickets: number;
}

export interface TicketStore extends EventLog {
  /** 1 + open tickets of the group that would be served before a new ticket of this score. */
  queuePosition(group: string, priorityScore: number): Promise<number>;
  /** Where a waiting ticket stands in its group's queue (1 = next), in the order agents see it. */
  positionOf(ticket: Ticket): Promise<number>;
  listTickets(filter: TicketFilter): Promise<Ticket[]>;
  getTicket(id: string): Promise<Ticket | undefined>;
  openTicketOf(conversationId: string): Promise<Ticket | undefined>;
  /** Atomic: exactly one of several concurrent claims wins; the others get `conflict:ticket`. */
  claimTicket(id: string, agent: Agent, at: string): Promise<Ticket>;
  /**
   * A resolved or released ticket taken up again by `agent`, who owns it now; its resolution is cleared. Refused
   * (`conflict:ticket`) while the conversation has another open ticket.
   */
  reopenTicket(id: string, agent: Agent, at: string): Promise<Ticket>;
  /**
   * Gives an open ticket to the agent `assigneeId` (`not_found:agent` if unknown): `by` a lead or admin (any open
   * ticket, to anyone), an agent (only to themselves, as a claim), or `auto`-assignment (a ticket nobody claimed).
   */
  assignTicket(id: string, by: Agent | 'auto', assigneeId: string, at: string): Promise<Ticket>;
  /** Stores an agent message for the customer; only the assignee of an assigned ticket may send. */
  addAgentMessage(input: {
    ticketId: string;
    agent: Agent;
    messageId: string;
    text: string;
    at: string;
    /** Files the assignee uploaded to this conversation, taken in the same write (as a customer message does). */
    attachmentIds?: readonly string[] | undefined;
  }): Promise<Message>;
  addNote(input: { ticketId: string; agent: Agent; noteId: string; text: string; at: string }): Promise<Note>;
  /** The ticket's notes and those of its conversation's earlier tickets (handed back to the bot, then off again). */
  listNotes(ticketId: string): Promise<Note[]>;
  /**
   * Applies a waiting customer's re-triage to their open ticket (reasons, signals, priority, SLA, summary) and, when
   * given, stores the acknowledgement they get as a `system` message; a `ticket-retriaged` event when reasons were
   * added or the priority rose. A ticket no longer open is left alone: undefined.
   */
  retriageTicket(input: {
    ticketId: string;
    triage: TicketTriage;
    added: readonly HandoffReason[];
    raised: boolean;
    /** The intake with what this message added, when it added something. */
    intake?: TicketIntake | undefined;
    notice?: { readonly messageId: string; readonly text: string } | undefined;
    at: string;
  }): Promise<{ readonly ticket: Ticket; readonly notice: Message | null } | undefined>;
  /** Replaces the ticket's summary (a model's summary arriving after the handoff) and tells agents' feeds. */
  updateSummary(ticketId: string, summary: TicketSummary, at: string): Promise<void>;
  transferTicket(id: string, agent: Agent, group: string, at: string): Promise<Ticket>;
  /** Back to the bot: the conversation answers automatically again. */
  /** With a `notice`, the customer is told (a `system` message in the same transaction). */
  releaseTicket(id: string, agent: Agent, at: string, notice?: { messageId: string; text: string }): Promise<Ticket>;
  resolveTicket(id: string, agent: Agent, resolution: string, at: string): Promise<Ticket>;
  /** A lead closes open tickets without claiming them (a flood); each closes in its own transaction. */
  closeTickets(input: {
    ids: readonly string[];
    agent: Agent;
    resolution: string;
    at: string;
  }): Promise<BulkCloseResult>;
  /** The tickets created since `since` (oldest first) from this conversation's source address or customer. */
  sourceTicketsOf(conversationId: string, since: string): Promise<SourceTicket[]>;
  /** Once per conversation, after it was resolved. */
  addRating(input: { conversationId: string; score: number; comment?: string | undefined; at: string }): Promise<void>;
  /** Ratings with a comment given in [from, to), newest first, at most `limit` (erased comments are gone). */
  ratingComments(input: { from: string; to: string; limit: number }): Promise<RatingComment[]>;

  createAgent(input: { id: string; name: string; role: AgentRole; tokenHash: string; at: string }): Promise<Agent>;
  findAgentByTokenHash(tokenHash: string): Promise<Agent | undefined>;
  /** Gives the agent a new token (its hash): the old one stops working. Undefined for an unknown agent. */
  replaceAgentToken(agentId: string, tokenHash: string): Promise<Agent | undefined>;
  listAgents(): Promise<Agent[]>;
  /** What an agent's console says (a heartbeat also renews it): online, away, or offline when signing out. */
  setPresence(agentId: string, presence: Presence, at: string): Promise<void>;
  /** Every agent with their presence as last confirmed, their last assignment, and the tickets they hold. */
  agentLoads(): Promise<AgentLoad[]>;

  /** The conversations whose customer profile has this `id` or `email` (case-insensitive), with all they hold. */
  customerRecords(key: string): Promise<CustomerConversationRecord[]>;
  /**
   * In one write transaction: every text of the customer's conversations replaced by a marker, the profile
   * emptied, rating comments dropped, the token made useless; events kept as anonymous facts, a
   * `customer-erased` event appended per conversation. Nothing matches: all counts 0, nothing written.
   */
  eraseCustomer(input: CustomerErasure): Promise<ErasureCounts>;
  /**
   * Retention: in one write transaction, erases (as `eraseCustomer` does) at most `limit` conversations untouched since
   * `before` that nobody is working on (no open ticket) and that were not erased yet, oldest first.
   */
  eraseExpired(input: { before: string; limit: number; by: string; actor: string; at: string }): Promise<ErasureCounts>;
}
