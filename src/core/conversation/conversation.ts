// Conversations and their messages: the records every store keeps (their events: core/desk/events.ts). Runtime: any.
import { z } from 'zod';
import type { Lang } from '../text/lang.ts';

export const conversationStatusSchema = z.enum(['bot', 'waiting', 'assigned', 'transferred', 'resolved']);
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

export const customerSchema = z.strictObject({
  id: z.string().trim().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).optional(),
  plan: z.string().trim().min(1).max(100).optional(),
});
export type Customer = z.infer<typeof customerSchema>;

export type Action = 'answer' | 'clarify' | 'handoff';
export type HandoffReason = 'human_request' | 'emotion' | 'low_confidence' | 'sensitive' | 'loop' | 'error';

export interface Citation {
  readonly articleId: string;
  readonly title: string;
  readonly url?: string | undefined;
}

export interface Confidence {
  /** Overall score in [0, 1]. */
  readonly score: number;
  /** Named parts, each in [0, 1]. */
  readonly components: Readonly<Record<string, number>>;
}

/** One option of a clarifying question, as numbered in its text. */
export interface ClarifyOption {
  /** Its number in the list ("1", "2", "3"): what a reply's `optionId` names. */
  readonly id: string;
  /** The article's title, as listed. */
  readonly label: string;
  readonly articleId: string;
}

/** What the bot decided for one customer message: the reply's metadata beside its text. */
export interface ReplyMeta {
  readonly action: Action;
  readonly citations: readonly Citation[];
  readonly confidence: Confidence;
  readonly lang: Lang;
  /** Why the bot hands off; set only with action `handoff`. */
  readonly reasons?: readonly HandoffReason[] | undefined;
  /** With action `clarify`: the options listed in the text, in the same order (empty when it asks to say more). */
  readonly options?: readonly ClarifyOption[] | undefined;
  /** Which composer wrote the text: `offline` or `llm`. */
  readonly composer?: string | undefined;
  /** With a chat model configured: what the claim check made of the model's answer. */
  readonly verification?: ReplyVerification | undefined;
}

/** The claim check of a model's answer, shown to agents beside the reply. */
export interface ReplyVerification {
  /** `verified` as written, `repaired` with unsupported sentences dropped, `replaced` by the offline answer. */
  readonly outcome: 'verified' | 'repaired' | 'replaced';
  /** Why it was replaced: `unsupported`, `timeout`, `rate_limited`, `error`, `invalid`. */
  readonly reason?: string | undefined;
  /** Share of the model's claims that its articles support, in [0, 1]. */
  readonly score: number;
  readonly unsupported: ReadonlyArray<{
    readonly kind: string;
    readonly claim: string;
    readonly verdict: string;
    readonly sentence: string;
  }>;
  /** The reply the model wrote, before the check: for agents and evals, never for the customer. */
  readonly modelReply?: string | undefined;
}

export interface Conversation {
  readonly id: string;
  readonly lang: Lang | null;
  readonly customer: Customer;
  readonly channel: string;
  readonly status: ConversationStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type MessageRole = 'customer' | 'bot' | 'agent' | 'system';

export interface Message {
  readonly id: string;
  readonly conversationId: string;
  readonly role: MessageRole;
  readonly text: string;
  readonly at: string;
  readonly clientMessageId?: string | null | undefined;
  /** For a bot reply: the customer message it answers. */
  readonly replyTo?: string | null | undefined;
  readonly reply?: ReplyMeta | null | undefined;
  /** For an agent message: who wrote it. */
  readonly author?: { readonly id: string; readonly name: string } | null | undefined;
}
