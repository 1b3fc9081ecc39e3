// Port: a composer that may do better than the offline one (an LLM), with the claim check on its answer. Runtime: any.
import type { Message, ReplyVerification } from '../conversation/conversation.ts';
import type { ComposeInput } from '../reply/offline-composer.ts';
import type { ScoredArticle } from '../retrieval/hybrid-retriever.ts';

export interface LlmComposeInput extends ComposeInput {
  readonly question: string;
  /** The conversation, so identical eval calls can be cached per conversation, and for the logs. */
  readonly conversationId?: string | undefined;
  readonly requestId?: string | undefined;
  readonly history: readonly Message[];
  /** The best articles, most relevant first, with their retrieved chunks. */
  readonly articles: readonly ScoredArticle[];
  /** Receives verified text only: what it is given is never withdrawn. */
  readonly onToken?: ((token: string) => void) | undefined;
}

/**
 * What the model's turn came to: a verified answer; a request for a person; or a fallback to the offline
 * answer, after `emitted` (verified text the customer already has, possibly empty).
 */
export type LlmComposition =
  | {
      readonly kind: 'answer';
      readonly text: string;
      readonly citations: readonly string[];
      readonly selfAssessment: number;
      readonly verification: ReplyVerification;
    }
  | { readonly kind: 'needs-human'; readonly selfAssessment: number; readonly reason: string }
  | {
      readonly kind: 'fallback';
      readonly reason: string;
      readonly emitted: string;
      readonly verification: ReplyVerification;
    };

export interface AnswerComposer {
  compose(input: LlmComposeInput): Promise<LlmComposition>;
}
