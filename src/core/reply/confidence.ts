// Confidence: named components in [0, 1] combined by a logistic model whose weights live in configuration. Runtime: any.
import { z } from 'zod';
import type { Bm25Index } from '../retrieval/bm25-index.ts';
import type { RetrievalResult, ScoredArticle } from '../retrieval/hybrid-retriever.ts';
import { contentTerms, queryTerms } from '../text/terms.ts';
import { chunkHeaderText } from '../knowledge/chunk.ts';

export const confidenceWeightsSchema = z.strictObject({
  bias: z.number(),
  similarity: z.number(),
  lexical: z.number(),
  margin: z.number(),
  agreement: z.number(),
  coverage: z.number(),
});
export type ConfidenceWeights = z.infer<typeof confidenceWeightsSchema>;

/** Fitted by `npm run fit:confidence` on evals/retrieval.yaml and evals/out-of-scope.yaml; see docs/confidence.md. */
export const DEFAULT_CONFIDENCE_WEIGHTS: ConfidenceWeights = { bias: -4, similarity: 3, lexical: 3, margin: 3, agreement: 1.5, coverage: 2 };

export interface RetrievalComponents {
  /** Cosine similarity of the query and the best chunk of the top article. */
  readonly similarity: number;
  /** Normalised BM25 of that chunk: the share of the query's term weight it matches, saturated. */
  readonly lexical: number;
  /** Fused score of the top article minus the runner-up article's. */
  readonly margin: number;
  /** Mean reciprocal rank of the top article's best chunk in the dense and the lexical rankings. */
  readonly agreement: number;
  /** IDF-weighted share of the query's content words found in the top article. */
  readonly coverage: number;
}

export const NO_MATCH: RetrievalComponents = { similarity: 0, lexical: 0, margin: 0, agreement: 0, coverage: 0 };

/** Measures how well the top article matches the query. */
export function retrievalComponents(result: RetrievalResult, lexicalIndex: Bm25Index, context?: string): RetrievalComponents {
  const [top, second] = result.articles;
  if (top === undefined) return NO_MATCH;
  const { scores } = top;
  return {
    similarity: clamp(scores.dense),
    lexical: clamp(scores.lexical),
    margin: clamp(scores.fused - (second?.scores.fused ?? 0)),
    agreement: ((scores.denseRank === null ? 0 : 1 / scores.denseRank) + (scores.lexicalRank === null ? 0 : 1 / scores.lexicalRank)) / 2,
    coverage: coverage(result.query, top, lexicalIndex, context),
  };
}

function coverage(query: string, article: ScoredArticle, index: Bm25Index, context?: string): number {
  const articleTerms = new Set(article.chunks.flatMap(({ chunk }) => contentTerms(`${chunkHeaderText(chunk)}\n${chunk.text}`)));
  const known = (term: string) => articleTerms.has(term) || [...articleTerms].some((candidate) => term.length >= 5 && candidate.length >= 5 && candidate.slice(0, 5) === term.slice(0, 5));
  let total = 0;
  let covered = 0;
  const terms = queryTerms(query).filter((entry) => entry.expansion !== true);
  const contextTerms = context === undefined ? [] : queryTerms(context).filter((entry) => entry.expansion !== true);
  // A term the knowledge base never uses weighs as much as the rarest one: it is usually the subject.
  const unseen = Math.log(1 + index.size);
  for (const { term } of [...terms, ...contextTerms.map((entry) => ({ term: entry.term }))]) {
    const weight = index.has(term) ? index.idf(term) : unseen;
    total += weight;
    if (known(term)) covered += weight;
  }
  return total === 0 ? 0 : covered / total;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Logistic combination of the retrieval components: an estimate of P(top article answers the query). */
export function retrievalConfidence(components: RetrievalComponents, weights: ConfidenceWeights): number {
  const linear =
    weights.bias +
    weights.similarity * components.similarity +
    weights.lexical * components.lexical +
    weights.margin * components.margin +
    weights.agreement * components.agreement +
    weights.coverage * components.coverage;
  return 1 / (1 + Math.exp(-linear));
}

/**
 * The final score: retrieval confidence scaled by groundedness (share of reply sentences supported by
 * the cited text) and, on the LLM path, by the model's self-assessment.
 */
export function finalConfidence(retrieval: number, groundedness: number, selfAssessment?: number): number {
  const self = selfAssessment === undefined ? 1 : 0.5 + 0.5 * clamp(selfAssessment);
  return clamp(retrieval * clamp(groundedness) * self);
}
