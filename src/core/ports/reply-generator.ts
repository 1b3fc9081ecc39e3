// Port: whatever writes the bot's reply to a customer message (the pipeline in process, or worker threads
// running it). A failure inside comes back as a handoff, never as a thrown error. Runtime: any.
import type { Conversation, Message, ReplyMeta } from '../conversation/conversation.ts';
import type { HandoffSignals } from '../handoff/handoff-policy.ts';

export interface ReplyRequest {
  readonly conversation: Conversation;
  /** Messages before this one, oldest first. */
  readonly history: readonly Message[];
  readonly text: string;
  /** The option of the clarifying question right before that the customer picked (a quick-reply button). */
  readonly optionId?: string | undefined;
  /** Receives reply text as it is produced (streaming); every piece is final, never withdrawn. */
  readonly onToken?: ((token: string) => void) | undefined;
  /** The HTTP request, for the logs. */
  readonly requestId?: string | undefined;
  /**
   * `draft`: a suggested reply for an agent who already serves the customer. The handoff detectors are
   * skipped and articles marked `handoff: always` may be quoted (the agent decides what to send); a draft
   * with nothing to ground it comes back as a handoff, meaning "no suggestion". `draft-probe` is the same
   * without the model, to compare candidate wordings cheaply.
   */
  readonly purpose?: 'customer' | 'draft' | 'draft-probe' | undefined;
}

export interface Reply {
  readonly text: string;
  readonly meta: ReplyMeta;
  /** What the live detectors found in the customer's message. */
  readonly signals?: HandoffSignals | undefined;
  /** The failure behind a handoff with reason `error`, for the logs (never shown to the customer). */
  readonly error?: unknown;
}

export interface ReplyGenerator {
  reply(request: ReplyRequest): Promise<Reply>;
}
