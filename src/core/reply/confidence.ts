// Confidence: named components in [0, 1] combined by a logistic model whose weights live in configuration.
// Runtime: any.
import { z } from 'zod';
import type { Bm25Index } from '../retrieval/bm25-index.ts';
import type { RetrievalResult, ScoredArticle } from '../retrieval/hybrid-retriever.ts';
import { contentTerms, queryTerms } from '../text/terms.ts';
import { chunkHeaderText, type Chunk } from '../knowledge/chunk.ts';

const inScopeWeightsSchema = z.strictObject({
  bias: z.number(),
  coverage: z.number(),
  headerCoverage: z.number(),
  lexical: z.number(),
  similarity: z.number(),
});
const topRightWeightsSchema = z.strictObject({
  bias: z.number(),
  margin: z.number(),
  denseMargin: z.number(),
  lexicalMargin: z.number(),
  coverageGap: z.number(),
  agreement: z.number(),
});
export const confidenceWeightsSchema = z.strictObject({
  inScope: inScopeWeightsSchema,
  topRight: topRightWeightsSchema,
});
export type ConfidenceWeights = z.infer<typeof confidenceWeightsSchema>;

/** Fitted by `npm run fit:confidence` on evals/retrieval.yaml and evals/out-of-scope.yaml; see docs/confidence.md. */
export const DEFAULT_CONFIDENCE_WEIGHTS: ConfidenceWeights = {
  inScope: { bias: -2.061, coverage: 5.172, headerCoverage: 5.415, lexical: -1.53, similarity: 0.571 },
  topRight: {
    bias: -0.89,
    margin: 2.017,
    denseMargin: 2.924,
    lexicalMargin: 4.297,
    coverageGap: 4.126,
    agreement: 2.064,
  },
};

export interface RetrievalComponents {
  /** Cosine similarity of the query and the best chunk of the top article. */
  readonly similarity: number;
  /** Normalised BM25 of that chunk: the share of the query's term weight it matches, saturated. */
  readonly lexical: number;
  /** Fused score of the top article minus the runner-up article's. */
  readonly margin: number;
  /** Dense similarity of the top article minus the best other article's (0 when another is closer). */
  readonly denseMargin: number;
  /** Normalised BM25 of the top article minus the best other article's. */
  readonly lexicalMargin: number;
  /** Mean reciprocal rank of the top article's best chunk in the dense and the lexical rankings. */
  readonly agreement: number;
  /** IDF-weighted share of the query's content words found in the top article's retrieved passages. */
  readonly coverage: number;
  /** The same share found in the top article's title, headings and tags. */
  readonly headerCoverage: number;
  /** Coverage of the top article minus the runner-up's. */
  readonly coverageGap: number;
}

export const NO_MATCH: RetrievalComponents = {
  similarity: 0,
  lexical: 0,
  margin: 0,
  denseMargin: 0,
  lexicalMargin: 0,
  agreement: 0,
  coverage: 0,
  headerCoverage: 0,
  coverageGap: 0,
};

/** Measures how well the top article matches the query, and how clearly it beats the others. */
export function retrievalComponents(
  result: RetrievalResult,
  lexicalIndex: Bm25Index,
  context?: string,
): RetrievalComponents {
  const [top, second] = result.articles;
  if (top === undefined) return NO_MATCH;
  const { scores } = top;
  const others = result.articles.slice(1);
  const terms = weightedQueryTerms(result, lexicalIndex, context);
  const topCoverage = coverage(terms, top, false);
  return {
    similarity: clamp(scores.dense),
    lexical: clamp(scores.lexical),
    margin: clamp(scores.fused - (second?.scores.fused ?? 0)),
    denseMargin: clamp(scores.dense - Math.max(0, ...others.map((article) => article.scores.dense))),
    lexicalMargin: clamp(scores.lexical - Math.max(0, ...others.map((article) => article.scores.lexical))),
    agreement:
      ((scores.denseRank === null ? 0 : 1 / scores.denseRank) +
        (scores.lexicalRank === null ? 0 : 1 / scores.lexicalRank)) /
      2,
    coverage: topCoverage,
    headerCoverage: coverage(terms, top, true),
    coverageGap: clamp(topCoverage - (second === undefined ? 0 : coverage(terms, second, false))),
  };
}

interface IdfTerm {
  readonly term: string;
  /** The term and the knowledge base's readings of it (another form, a typo's correction, a transliteration). */
  readonly readings: readonly string[];
  readonly weight: number;
}

/**
 * The customer's own terms, IDF-weighted, each with its readings: a misspelt word counts as covered when
 * its correction is («пороль» → «пароль»), and weighs what the correction weighs.
 */
function weightedQueryTerms(result: RetrievalResult, index: Bm25Index, context?: string): IdfTerm[] {
  const typed = (text: string) => queryTerms(text).filter((entry) => entry.expansion !== true);
  const readings = new Map<string, string[]>();
  for (const entry of result.terms ?? []) {
    if (entry.of === undefined) continue;
    readings.set(entry.of, [...(readings.get(entry.of) ?? []), entry.term]);
  }
  // A term the knowledge base never uses weighs as much as the rarest one: it is usually the subject.
  const unseen = Math.log(1 + index.size);
  return [...typed(result.query), ...(context === undefined ? [] : typed(context))].map(({ term }) => {
    const known = [term, ...(readings.get(term) ?? [])].filter((reading) => index.has(reading));
    const weight = index.has(term)
      ? index.idf(term)
      : known.length > 0
        ? Math.max(...known.map((reading) => index.idf(reading)))
        : unseen;
    return { term, readings: [term, ...(readings.get(term) ?? [])], weight };
  });
}

interface TermSets {
  readonly full: ReadonlySet<string>;
  readonly fullPrefixes: ReadonlySet<string>;
  readonly header: ReadonlySet<string>;
  readonly headerPrefixes: ReadonlySet<string>;
}

const termSets = new WeakMap<Chunk, TermSets>();
const prefixesOf = (terms: ReadonlySet<string>) =>
  new Set([...terms].filter((term) => term.length >= 5).map((term) => term.slice(0, 5)));

/** A chunk's term sets, computed once per chunk object (chunks live as long as their index). */
function setsOf(chunk: Chunk): TermSets {
  let sets = termSets.get(chunk);
  if (sets === undefined) {
    const header = new Set(contentTerms(chunkHeaderText(chunk)));
    const full = new Set([...header, ...contentTerms(chunk.text)]);
    sets = { full, fullPrefixes: prefixesOf(full), header, headerPrefixes: prefixesOf(header) };
    termSets.set(chunk, sets);
  }
  return sets;
}

function coverage(terms: readonly IdfTerm[], article: ScoredArticle, headerOnly: boolean): number {
  const sets = article.chunks.map(({ chunk }) => setsOf(chunk));
  const has = (term: string) =>
    sets.some(
      (set) =>
        (headerOnly ? set.header : set.full).has(term) ||
        (term.length >= 5 && (headerOnly ? set.headerPrefixes : set.fullPrefixes).has(term.slice(0, 5))),
    );
  let total = 0;
  let covered = 0;
  for (const { readings, weight } of terms) {
    total += weight;
    if (readings.some(has)) covered += weight;
  }
  return total === 0 ? 0 : covered / total;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

/** P(the question is covered by the knowledge base at all). */
export function inScopeProbability(components: RetrievalComponents, weights: ConfidenceWeights): number {
  const w = weights.inScope;
  return sigmoid(
    w.bias +
      w.coverage * components.coverage +
      w.headerCoverage * components.headerCoverage +
      w.lexical * components.lexical +
      w.similarity * components.similarity,
  );
}

/** P(the top article is the right one, given the question is covered). */
export function topRightProbability(components: RetrievalComponents, weights: ConfidenceWeights): number {
  const w = weights.topRight;
  return sigmoid(
    w.bias +
      w.margin * components.margin +
      w.denseMargin * components.denseMargin +
      w.lexicalMargin * components.lexicalMargin +
      w.coverageGap * components.coverageGap +
      w.agreement * components.agreement,
  );
}

/** Estimate of P(top article answers the query): in scope × top article right. */
export function retrievalConfidence(components: RetrievalComponents, weights: ConfidenceWeights): number {
  return inScopeProbability(components, weights) * topRightProbability(components, weights);
}

/**
 * The final score: retrieval confidence scaled by groundedness (share of reply sentences supported by
 * the cited text) and, on the LLM path, by the model's self-assessment.
 */
export function finalConfidence(retrieval: number, groundedness: number, selfAssessment?: number): number {
  const self = selfAssessment === undefined ? 1 : 0.5 + 0.5 * clamp(selfAssessment);
  return clamp(retrieval * clamp(groundedness) * self);
}
