// Conversations and their messages: the records every store keeps (their events: core/desk/events.ts). Runtime: any.
import { z } from 'zod';
import type { AttachmentMeta } from '../attachments/attachment.ts';
import type { IntakeKind } from '../intake/intake-kinds.ts';
import type { Lang } from '../text/lang.ts';

export const conversationStatusSchema = z.enum(['bot', 'waiting', 'assigned', 'transferred', 'resolved']);
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

/** Names an object must not be given as keys (they would reach its prototype, not the object). */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_CUSTOMER_ATTRIBUTES = 20;

/** What the host page says about the customer besides name and e-mail (plan, account number): strings by name. */
export const customerAttributesSchema = z.preprocess(
  (value, context) => {
    // A record's parse skips `__proto__` silently: a reserved name is refused here, as the raw input has it.
    if (typeof value === 'object' && value !== null && Object.keys(value).some((key) => RESERVED_KEYS.has(key)))
      context.addIssue({ code: 'custom', message: 'attribute names must not be __proto__, constructor or prototype' });
    return value;
  },
  z
    .record(
      z
        .string()
        .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'attribute names are 1-40 characters of A-Z, a-z, 0-9, _ . -')
        .refine((key) => !RESERVED_KEYS.has(key), 'this attribute name is reserved'),
      z.string().max(200, 'attribute values are at most 200 characters'),
    )
    .refine(
      (attributes) => Object.keys(attributes).length <= MAX_CUSTOMER_ATTRIBUTES,
      `at most ${MAX_CUSTOMER_ATTRIBUTES} attributes`,
    ),
);

/** The customer as the client claims them: nothing here is trusted (see identity.ts for the verified id). */
export const customerSchema = z.strictObject({
  id: z.string().trim().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).optional(),
  plan: z.string().trim().min(1).max(100).optional(),
  attributes: customerAttributesSchema.optional(),
});
export type CustomerClaim = z.infer<typeof customerSchema>;

/** The stored profile: the claim, and whether the server verified its id (set only by the server; absent means no). */
export const customerProfileSchema = customerSchema.extend({ verified: z.boolean().optional() });
export type Customer = z.infer<typeof customerProfileSchema>;

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
  /** With action `handoff`: what a person will need, from the articles cited (their `collect:`), for the intake. */
  readonly collect?: readonly IntakeKind[] | undefined;
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
  /** The page the customer was on (the widget's `location.href`, at most 2,000 characters), when known. */
  readonly page?: string | null | undefined;
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
  /** Files sent with the message (customer and agent messages); absent or empty when none. */
  readonly attachments?: readonly AttachmentMeta[] | undefined;
}
