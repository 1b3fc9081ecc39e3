// Hybrid retrieval: dense (vector index) and lexical (BM25) rankings fused by RRF, grouped by article. Runtime: any.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Chunk } from '../knowledge/chunk.ts';
import type { Lang } from '../text/lang.ts';
import { HashingEmbeddings } from '../embeddings/hashing-embeddings.ts';
import { queryTerms, type WeightedTerm } from '../text/terms.ts';
import { canonicalWord } from '../text/lexicon.ts';
import { cyrillicKeysToLatin, latinKeysToCyrillic, typedWords } from '../text/keyboard-layout.ts';
import { stem } from '../text/stem.ts';
import { isStopword } from '../text/stopwords.ts';
import { searchTerms, thesaurusOf } from './search-terms.ts';
import { answerKindOf, fitsAnswerKind } from './question-kind.ts';
import type { KnowledgeIndex } from './knowledge-index.ts';
import { searchPartitions } from './dense-partitions.ts';
import { reciprocalRankFusion, RRF_K } from './rrf.ts';
import { unitVector } from '../util/unit-vector.ts';

export interface ChunkScores {
  /** Cosine similarity of query and chunk, clamped to [0, 1]. */
  readonly dense: number;
  /** 1-based rank in the dense list, or null when the chunk was not among the dense candidates. */
  readonly denseRank: number | null;
  /** BM25 score normalised to [0, 1). */
  readonly lexical: number;
  readonly lexicalRank: number | null;
  /** RRF score normalised so that first place in both lists is 1. */
  readonly fused: number;
}

export interface ScoredChunk {
  readonly chunk: Chunk;
  readonly scores: ChunkScores;
}

export interface ScoredArticle {
  readonly articleId: string;
  readonly title: string;
  readonly url?: string | undefined;
  readonly lang: Lang;
  readonly handoff: boolean;
  /** The best chunk's scores. */
  readonly scores: ChunkScores;
  /** This article's chunks among the results, best first. */
  readonly chunks: readonly ScoredChunk[];
}

export interface RetrievalResult {
  /** The message as searched (words typed in the wrong keyboard layout read in the right one). */
  readonly query: string;
  /** The terms it was searched with: typed, their readings (`of` names the typed term), thesaurus equivalents. */
  readonly terms?: readonly WeightedTerm[] | undefined;
  readonly chunks: readonly ScoredChunk[];
  readonly articles: readonly ScoredArticle[];
  /** True when the query could not be embedded in time and only the lexical ranking was used. */
  readonly lexicalOnly?: boolean | undefined;
}

export interface RetrieveOptions {
  /** Number of chunks to return (articles are grouped from them). */
  readonly k?: number;
  /** Only chunks in this language. */
  readonly lang?: Lang | undefined;
  /** Candidates taken from each ranking before fusion. */
  readonly candidates?: number;
  /** Earlier customer text a follow-up depends on; its terms count at {@link CONTEXT_WEIGHT}. */
  readonly context?: string | undefined;
}

/** Weight of conversation context relative to the message being answered. */
export const CONTEXT_WEIGHT = 0.5;

export interface HybridWeights {
  readonly dense: number;
  readonly lexical: number;
}

/** Lowest weight of a known query term in the dense query, so common words still count a little. */
const IDF_FLOOR = 0.3;
/** Weight of a query term the knowledge base never uses: its n-grams may still match a misspelling. */
const UNSEEN_TERM_WEIGHT = 1;

export const DEFAULT_WEIGHTS: HybridWeights = { dense: 1, lexical: 2 };

/** The parts of the language layer, each of which can be switched off to measure what it adds. */
export interface LanguageLayer {
  /** Equivalent words and phrases from the thesaurus. */
  readonly thesaurus: boolean;
  /** Vocabulary neighbours of query terms: other stems of the word, one-edit typos. */
  readonly fuzzy: boolean;
  /** A question for an amount prefers passages with amounts, one for a time passages with durations. */
  readonly cues: boolean;
  /** Words typed in the wrong keyboard layout. */
  readonly layout: boolean;
}

export const FULL_LANGUAGE_LAYER: LanguageLayer = { thesaurus: true, fuzzy: true, cues: true, layout: true };

/** How much a passage that fits the kind of answer asked for (an amount, a duration) gains in the fused score. */
export const ANSWER_KIND_BOOST = 0.15;

export interface HybridRetrieverOptions {
  readonly weights?: HybridWeights | undefined;
  /** Parts of the language layer to use; all by default. */
  readonly language?: Partial<LanguageLayer> | undefined;
  /** Deadline for embedding a query with a remote embedder; past it, or on an error, retrieval is lexical only. */
  readonly queryTimeoutMs?: number | undefined;
  /** Told how each remote query embedding went (not called for the offline embedder). */
  readonly onQueryEmbedding?:
    ((outcome: 'ok' | 'timeout' | 'error', seconds: number, error?: unknown) => void) | undefined;
}

class QueryEmbeddingTimeout extends Error {
  override name = 'QueryEmbeddingTimeout';
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueryEmbeddingTimeout(`the query was not embedded within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => {
    if (timer !== undefined) clearTimeout(timer);
  });
}

/** Searches a {@link KnowledgeIndex} with both rankings and fuses them. */
export class HybridRetriever {
  private readonly weights: HybridWeights;
  private readonly language: LanguageLayer;

  constructor(
    private readonly index: KnowledgeIndex,
    private readonly embeddings: EmbeddingsInterface,
    private readonly options: HybridRetrieverOptions = {},
  ) {
    this.weights = options.weights ?? DEFAULT_WEIGHTS;
    this.language = { ...FULL_LANGUAGE_LAYER, ...options.language };
  }

  /** What the message is searched with: its terms and the thesaurus's equivalents. */
  searchTerms(text: string): WeightedTerm[] {
    return this.language.thesaurus ? searchTerms(text, thesaurusOf(this.index.manifest)) : [...queryTerms(text)];
  }

  /**
   * The message with words typed in the wrong keyboard layout read in the right one («rfr jnrk.xbnm» →
   * «как отключить»): only a word the knowledge base does not know whose re-reading it does.
   */
  readLayout(text: string): string {
    if (!this.language.layout) return text;
    const { lexical } = this.index;
    const known = (word: string) => {
      const term = stem(canonicalWord(word));
      return lexical.has(term) || isStopword(word);
    };
    let changed = false;
    const read = typedWords(text).map((typed) => {
      const plain = typed.toLowerCase().replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
      if (plain.length < 2 || /\d/.test(plain) || known(plain)) return typed;
      const other = latinKeysToCyrillic(typed) ?? cyrillicKeysToLatin(typed);
      const otherPlain = other?.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (otherPlain === undefined || otherPlain.length < 2 || !known(otherPlain)) return typed;
      changed = true;
      return otherPlain;
    });
    return changed ? read.join(' ') : text;
  }

  /** The search terms with the vocabulary's neighbours (other forms, typos), as the lexical ranking uses them. */
  expandedTerms(text: string): WeightedTerm[] {
    const terms = this.searchTerms(text);
    return this.language.fuzzy ? this.index.lexical.expand(terms) : terms;
  }

  /** The query vector, or undefined when a remote embedder failed or missed its deadline. */
  private async queryVector(terms: readonly WeightedTerm[], text: string): Promise<Float32Array | undefined> {
    if (this.embeddings instanceof HashingEmbeddings) return unitVector(await this.embedQuery(terms, text));
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const embedded = this.embedQuery(terms, text);
      const vector = unitVector(
        await (this.options.queryTimeoutMs === undefined ? embedded : within(embedded, this.options.queryTimeoutMs)),
      );
      this.options.onQueryEmbedding?.('ok', seconds());
      return vector;
    } catch (error) {
      this.options.onQueryEmbedding?.(error instanceof QueryEmbeddingTimeout ? 'timeout' : 'error', seconds(), error);
      return undefined;
    }
  }

  /** IDF-weighted terms when the embedder supports them (the offline hashing embedder), plain text otherwise. */
  private async embedQuery(terms: readonly WeightedTerm[], text: string): Promise<Float32Array> {
    const { embeddings } = this;
    if (embeddings instanceof HashingEmbeddings) {
      const lexical = this.index.lexical;
      return embeddings.embedTerms(
        terms.map((entry) => ({
          ...entry,
          weight:
            entry.weight *
            (lexical.has(entry.term) ? Math.max(lexical.idf(entry.term), IDF_FLOOR) : UNSEEN_TERM_WEIGHT),
        })),
      );
    }
    return unitVector(await embeddings.embedQuery(text));
  }

  async retrieve(typed: string, options: RetrieveOptions = {}): Promise<RetrievalResult> {
    const query = this.readLayout(typed);
    const k = options.k ?? 10;
    const candidates = Math.max(options.candidates ?? 40, k);
    const { chunks, dense: partitions, lexical } = this.index;

    const context = options.context?.trim() ? options.context : undefined;
    const terms = [
      ...this.searchTerms(query),
      ...(context === undefined
        ? []
        : this.searchTerms(context).map((entry) => ({
            ...entry,
            weight: entry.weight * CONTEXT_WEIGHT,
            expansion: true,
          }))),
    ];
    const queryVector = await this.queryVector(terms, context === undefined ? query : `${context}\n${query}`);
    const denseHits =
      queryVector === undefined ? [] : await searchPartitions(partitions, queryVector, candidates, options.lang);
    const searched = this.language.fuzzy ? lexical.expand(terms) : terms;
    const lexicalHits = lexical.search(searched, candidates, options.lang);

    const fused = reciprocalRankFusion([
      { labels: denseHits.map((hit) => hit.label), weight: this.weights.dense },
      { labels: lexicalHits.map((hit) => hit.label), weight: this.weights.lexical },
    ]);
    const best = (this.weights.dense + this.weights.lexical) / (RRF_K + 1);
    const dense = new Map(denseHits.map((hit, rank) => [hit.label, { score: hit.score, rank: rank + 1 }]));
    const lexicalByLabel = new Map(
      lexicalHits.map((hit, rank) => [hit.label, { score: hit.normalized, rank: rank + 1 }]),
    );

    const scored: ScoredChunk[] = [];
    const kind = this.language.cues ? answerKindOf(query) : undefined;
    for (const [label, fusedScore] of fused) {
      const chunk = chunks[label];
      if (chunk === undefined) continue;
      const score =
        kind !== undefined && fitsAnswerKind(kind, chunk.text) ? fusedScore * (1 + ANSWER_KIND_BOOST) : fusedScore;
      const denseEntry = dense.get(label);
      const lexicalEntry = lexicalByLabel.get(label);
      scored.push({
        chunk,
        scores: {
          dense: Math.max(0, denseEntry?.score ?? 0),
          denseRank: denseEntry?.rank ?? null,
          lexical: lexicalEntry?.score ?? 0,
          lexicalRank: lexicalEntry?.rank ?? null,
          fused: score / best,
        },
      });
    }
    scored.sort((left, right) => right.scores.fused - left.scores.fused || left.chunk.id.localeCompare(right.chunk.id));
    const top = scored.slice(0, k);
    return {
      query,
      terms: searched,
      chunks: top,
      articles: groupByArticle(top),
      ...(queryVector === undefined ? { lexicalOnly: true } : {}),
    };
  }
}

/** Groups scored chunks by article, keeping the order of each article's best chunk. */
export function groupByArticle(chunks: readonly ScoredChunk[]): ScoredArticle[] {
  const byArticle = new Map<string, ScoredChunk[]>();
  for (const entry of chunks) {
    const list = byArticle.get(entry.chunk.articleId) ?? [];
    list.push(entry);
    byArticle.set(entry.chunk.articleId, list);
  }
  return [...byArticle.values()].map((list) => {
    const first = list[0] as ScoredChunk;
    return {
      articleId: first.chunk.articleId,
      title: first.chunk.title,
      url: first.chunk.url,
      lang: first.chunk.lang,
      handoff: first.chunk.handoff,
      scores: first.scores,
      chunks: list,
    };
  });
}
