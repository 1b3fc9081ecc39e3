// Tickets: a handed-off conversation in the agents' queue, with why, how urgent, and what the agent needs. Runtime: any.
import type { Customer, HandoffReason } from '../conversation/conversation.ts';
import type { TicketIntake } from '../intake/ticket-intake.ts';
import type { Lang } from '../text/lang.ts';

export type TicketStatus = 'waiting' | 'assigned' | 'transferred' | 'resolved' | 'released';
export type Priority = 'urgent' | 'high' | 'normal' | 'low';

export interface TicketSummary {
  /** The customer's problem in their own words (one or two sentences). */
  readonly problem: string;
  /** What the bot said, and the articles it cited. */
  readonly botSaid: readonly string[];
  readonly citedArticles: readonly string[];
  /** What the customer wrote after the bot's answers. */
  readonly customerAnswered: readonly string[];
  readonly mood: { readonly label: string; readonly intensity: number };
  /** Questions the customer asked that no answer followed. */
  readonly openQuestions: readonly string[];
  /** `extractive` or `llm`. */
  readonly source: string;
}

export interface Ticket {
  readonly id: string;
  readonly conversationId: string;
  readonly status: TicketStatus;
  readonly group: string;
  readonly priority: Priority;
  readonly priorityScore: number;
  readonly reasons: readonly HandoffReason[];
  readonly signals: Readonly<Record<string, unknown>>;
  readonly summary: TicketSummary;
  readonly lang: Lang;
  readonly customer: Customer;
  readonly assigneeId: string | null;
  readonly slaDueAt: string;
  readonly createdAt: string;
  readonly claimedAt: string | null;
  readonly firstResponseAt: string | null;
  readonly resolvedAt: string | null;
  readonly resolution: string | null;
  readonly updatedAt: string;
  /** The ticket this one was grouped with when its source flooded the queue (see flood.ts); null otherwise. */
  readonly groupedWith: string | null;
  /** What the first line collected for the specialist (see intake/ticket-intake.ts); null before intake existed. */
  readonly intake: TicketIntake | null;
}

export type AgentRole = 'agent' | 'lead' | 'admin';

export interface Agent {
  readonly id: string;
  readonly name: string;
  readonly role: AgentRole;
}
