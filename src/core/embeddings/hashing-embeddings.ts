// The default embedder: deterministic feature hashing of stems, stem bigrams and character n-grams,
// for Russian and English, with no model download and no network. Runtime: any.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { hash32 } from '../text/hash.ts';
import { RecentCache, stringBytes } from '../util/recent-cache.ts';
import { normalizeInPlace } from '../util/unit-vector.ts';
import { contentTerms, queryTerms, type WeightedTerm } from '../text/terms.ts';

export interface HashingEmbeddingsOptions {
  /** Vector length; more dimensions mean fewer hash collisions and larger indexes. */
  readonly dimensions?: number;
}

const STEM_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.3;
const NGRAM_WEIGHT = 0.3;
const NGRAM_SIZES = [3, 4] as const;

interface TermFeatures {
  /** Vector positions of the term's features, in the order they are added. */
  readonly slots: readonly number[];
  /** Each feature's weight with its hashed sign (±1) applied, which is exact. */
  readonly weights: readonly number[];
}

/**
 * Embeds text as an L2-normalised dense vector of signed hashed features. The same text always
 * gives the same vector on every runtime, so vectors can be cached by (model id, text hash).
 * Character n-grams make it tolerant of typos and Russian inflection the stemmer misses.
 */
export class HashingEmbeddings implements EmbeddingsInterface {
  readonly dimensions: number;
  readonly modelId: string;

  constructor(options: HashingEmbeddingsOptions = {}) {
    this.dimensions = options.dimensions ?? 384;
    if (!Number.isInteger(this.dimensions) || this.dimensions < 16) {
      throw new RangeError(`dimensions must be an integer >= 16, got ${this.dimensions}`);
    }
    this.modelId = `firstline-hashing-v4-${this.dimensions}`;
  }

  embedDocuments(documents: string[]): Promise<number[][]> {
    return Promise.resolve(documents.map((document) => Array.from(this.embedDocumentSync(document))));
  }

  embedQuery(document: string): Promise<number[]> {
    return Promise.resolve(Array.from(this.embedQuerySync(document)));
  }

  embedDocumentSync(text: string): Float32Array {
    return this.vectorOf(contentTerms(text).map((term) => ({ term, weight: 1 })));
  }

  embedQuerySync(text: string): Float32Array {
    return this.vectorOf(queryTerms(text));
  }

  /**
   * Embeds already weighted terms: the retriever scales query terms by the index's IDF (and mixes in
   * conversation context), so rare, telling words outweigh common ones. Documents stay unweighted, so
   * cached vectors never go stale.
   */
  embedTerms(terms: readonly WeightedTerm[]): Float32Array {
    return this.vectorOf(terms);
  }

  private vectorOf(terms: readonly WeightedTerm[]): Float32Array {
    const vector = new Float32Array(this.dimensions);
    let previous: WeightedTerm | undefined;
    for (const current of terms) {
      const { slots, weights } = this.termFeatures.through(current.term, this.featuresOf);
      // The same additions, in the same order, as hashing each feature here (applying a sign is exact).
      for (let feature = 0; feature < slots.length; feature += 1) {
        const slot = slots[feature] as number;
        vector[slot] = (vector[slot] ?? 0) + (weights[feature] as number) * current.weight;
      }
      if (previous !== undefined && !current.expansion && !previous.expansion) {
        this.add(
          vector,
          `b:${previous.term} ${current.term}`,
          BIGRAM_WEIGHT * Math.min(current.weight, previous.weight),
        );
      }
      if (!current.expansion) previous = current;
    }
    normalizeInPlace(vector);
    return vector;
  }

  /** Each term's stem and n-gram features, hashed once: queries repeat the same words all day. */
  private readonly termFeatures = new RecentCache<string, TermFeatures>(20_000, {
    maxBytes: 16 << 20,
    weigh: (key, value) => stringBytes(key) + 16 * value.slots.length + 32,
  });

  private readonly featuresOf = (term: string): TermFeatures => {
    const slots: number[] = [];
    const weights: number[] = [];
    const feature = (name: string, weight: number) => {
      const hash = hash32(name);
      slots.push((hash & 0x7fffffff) % this.dimensions);
      weights.push(hash >>> 31 === 1 ? -weight : weight);
    };
    feature(`w:${term}`, STEM_WEIGHT);
    const padded = `<${term}>`;
    for (const size of NGRAM_SIZES) {
      for (let start = 0; start + size <= padded.length; start += 1)
        feature(`g:${padded.slice(start, start + size)}`, NGRAM_WEIGHT);
    }
    return { slots, weights };
  };

  private add(vector: Float32Array, feature: string, weight: number): void {
    const hash = hash32(feature);
    const index = (hash & 0x7fffffff) % this.dimensions;
    const sign = hash >>> 31 === 1 ? -1 : 1;
    vector[index] = (vector[index] ?? 0) + sign * weight;
  }
}
