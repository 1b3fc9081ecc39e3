// The answer / clarify / handoff decision from retrieval confidence and the matched articles. Runtime: any.
import type { HandoffReason } from '../conversation/conversation.ts';
import type { ScoredArticle } from '../retrieval/hybrid-retriever.ts';

export interface DecisionThresholds {
  /** At or above: answer. */
  readonly answer: number;
  /** Below: hand off as low confidence. Between the two: clarify when alternatives are close, else answer. */
  readonly handoff: number;
  /** Fused-score gap under which two articles count as equally likely. */
  readonly clarifyMargin: number;
}

export const DEFAULT_THRESHOLDS: DecisionThresholds = { answer: 0.6, handoff: 0.4, clarifyMargin: 0.08 };

export type Decision =
  | { readonly action: 'answer'; readonly article: ScoredArticle }
  | { readonly action: 'clarify'; readonly options: readonly ScoredArticle[] }
  | { readonly action: 'clarify-vague' }
  | { readonly action: 'handoff'; readonly reason: HandoffReason; readonly article?: ScoredArticle | undefined };

export interface DecisionInput {
  readonly articles: readonly ScoredArticle[];
  readonly confidence: number;
  /** The message has no words that name a subject ("help", «у меня вопрос»). */
  readonly vague: boolean;
}

/**
 * Hands off when nothing matches well enough or the topic is reserved for people (`handoff: always`);
 * asks one clarifying question when the message is too vague or two different articles are about
 * equally likely and confidence is moderate; answers otherwise.
 */
export function decide(input: DecisionInput, thresholds: DecisionThresholds = DEFAULT_THRESHOLDS): Decision {
  const [top] = input.articles;
  if (input.vague) return { action: 'clarify-vague' };
  if (top === undefined || input.confidence < thresholds.handoff)
    return { action: 'handoff', reason: 'low_confidence', article: top };
  if (top.handoff) return { action: 'handoff', reason: 'sensitive', article: top };
  if (input.confidence < thresholds.answer) {
    const close = input.articles.filter(
      (article) => top.scores.fused - article.scores.fused <= thresholds.clarifyMargin && !article.handoff,
    );
    const distinct = close.filter(
      (article, index) => close.findIndex((other) => other.articleId === article.articleId) === index,
    );
    if (distinct.length >= 2) return { action: 'clarify', options: distinct.slice(0, 3) };
  }
  return { action: 'answer', article: top };
}
