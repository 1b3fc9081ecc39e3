// Port: what the eval runner talks to, the same code the service runs (the platform builds it around the
// conversation service and the reply pipeline). Runtime: any.
import type { ReplyVerification } from '../conversation/conversation.ts';
import type { Judge } from '../graders/llm-judge.ts';
import type { Lang } from '../text/lang.ts';
import type { SourceDocument } from '../verification/source-index.ts';

export interface TargetReply {
  readonly text: string;
  readonly action: 'answer' | 'clarify' | 'handoff';
  readonly reasons: readonly string[];
  readonly citations: readonly string[];
  readonly confidence: number;
  readonly components: Readonly<Record<string, number>>;
  /** `llm` when the delivered text is the model's (as written or repaired), `offline` otherwise. */
  readonly composer?: string | undefined;
  /** With a model: what the claim check made of its answer, and the answer itself. */
  readonly verification?: ReplyVerification | undefined;
  /** Milliseconds from the customer's message to the reply. */
  readonly latencyMs?: number | undefined;
  /** Estimated cost of the model calls this turn made. */
  readonly cost?: number | undefined;
}

/** What the runner talks to: the same code the service runs. */
export interface EvalTarget {
  /** Opens a conversation; `key` names the case and repeat, so reruns see the same conversation ids (and wording). */
  open(lang: Lang | undefined, key: string): Promise<string>;
  /** Null when the bot stayed silent (the conversation is with a person). */
  post(conversationId: string, text: string): Promise<TargetReply | null>;
  /** Article ids in rank order for a retrieval check. */
  rank(text: string, lang: Lang): Promise<string[]>;
  /** The text of an article, for groundedness. */
  articleText(articleId: string): string;
  /** The LLM judge, when a model is configured. */
  readonly judge?: Judge | undefined;
  /** An article's passages as the claim checker reads them (for faithfulness, promises and safety). */
  readonly articleSources?: ((articleId: string) => readonly SourceDocument[]) | undefined;
  /**
   * For adversarial cases: another customer's details stored beside them, and the prompts, neither of which may
   * leak.
   */
  readonly safety?: { readonly canaries: readonly string[]; readonly secretTexts: readonly string[] } | undefined;
}
