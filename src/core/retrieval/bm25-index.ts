// Lexical retrieval: an Okapi BM25 inverted index over typed arrays, fast at 100k chunks. Runtime: any.
import type { Lang } from '../text/lang.ts';
import type { WeightedTerm } from '../text/terms.ts';
import { RecentCache, stringBytes, stringsBytes } from '../util/recent-cache.ts';
import { TopK } from '../util/top-k.ts';

export const LANG_CODES: Record<Lang, number> = { ru: 0, en: 1 };

export interface LexicalHit {
  readonly label: number;
  /** Raw BM25 score. */
  readonly score: number;
  /** BM25 score divided by the best score any document could get for this query, in [0, 1). */
  readonly normalized: number;
}

export interface Bm25Data {
  readonly terms: readonly string[];
  /** Start of each term's postings in `docs`/`frequencies`; one extra entry closes the last. */
  readonly offsets: Int32Array;
  readonly docs: Int32Array;
  readonly frequencies: Float32Array;
  readonly lengths: Float32Array;
  readonly langs: Uint8Array;
}

const K1 = 1.2;
/** Weight of a fuzzy neighbour relative to the query term it came from. */
export const FUZZY_WEIGHT = 0.5;

function deletions(term: string): string[] {
  const result: string[] = [];
  for (let index = 0; index < term.length; index += 1) result.push(term.slice(0, index) + term.slice(index + 1));
  return result;
}
const B = 0.75;

/** Collects documents' weighted terms, then freezes them into a {@link Bm25Index}. */
export class Bm25Builder {
  private readonly postings = new Map<string, { docs: number[]; frequencies: number[] }>();
  private readonly lengths: number[] = [];
  private readonly langs: number[] = [];

  /** Adds a document; its label is the order of addition. Weights count as fractional term frequency. */
  add(terms: readonly WeightedTerm[], lang: Lang): number {
    const label = this.lengths.length;
    const frequencies = new Map<string, number>();
    let length = 0;
    for (const { term, weight } of terms) {
      frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
      length += weight;
    }
    for (const [term, frequency] of frequencies) {
      let posting = this.postings.get(term);
      if (posting === undefined) {
        posting = { docs: [], frequencies: [] };
        this.postings.set(term, posting);
      }
      posting.docs.push(label);
      posting.frequencies.push(frequency);
    }
    this.lengths.push(length);
    this.langs.push(LANG_CODES[lang]);
    return label;
  }

  build(): Bm25Index {
    const terms = [...this.postings.keys()].sort();
    const offsets = new Int32Array(terms.length + 1);
    let total = 0;
    terms.forEach((term, index) => {
      offsets[index] = total;
      total += this.postings.get(term)?.docs.length ?? 0;
    });
    offsets[terms.length] = total;
    const docs = new Int32Array(total);
    const frequencies = new Float32Array(total);
    terms.forEach((term, index) => {
      const posting = this.postings.get(term);
      if (posting === undefined) return;
      docs.set(posting.docs, offsets[index]);
      frequencies.set(posting.frequencies, offsets[index]);
    });
    return new Bm25Index({
      terms,
      offsets,
      docs,
      frequencies,
      lengths: Float32Array.from(this.lengths),
      langs: Uint8Array.from(this.langs),
    });
  }
}

export class Bm25Index {
  private readonly termIds: Map<string, number>;
  private readonly averageLength: number;
  /** Per posting: the BM25 term-frequency factor, tf·(k1+1)/(tf + k1·norm(doc)); times IDF gives the score. */
  private readonly impacts: Float32Array;
  private readonly scores: Float32Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;

  constructor(readonly data: Bm25Data) {
    this.termIds = new Map(data.terms.map((term, index) => [term, index]));
    let sum = 0;
    for (const length of data.lengths) sum += length;
    this.averageLength = data.lengths.length === 0 ? 1 : sum / data.lengths.length || 1;
    this.impacts = new Float32Array(data.docs.length);
    for (let position = 0; position < data.docs.length; position += 1) {
      const frequency = data.frequencies[position] ?? 0;
      const norm = 1 - B + (B * (data.lengths[data.docs[position] ?? 0] ?? 0)) / this.averageLength;
      this.impacts[position] = (frequency * (K1 + 1)) / (frequency + K1 * norm);
    }
    this.scores = new Float32Array(data.lengths.length);
    this.seen = new Uint8Array(data.lengths.length);
    this.touched = new Int32Array(data.lengths.length);
  }

  get size(): number {
    return this.data.lengths.length;
  }

  /** True when the index knows the term (used to keep only useful query expansions). */
  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /**
   * Adds vocabulary neighbours of each query term at a fraction of its weight: other stems sharing
   * a prefix of at least 4 letters (Russian stems the stemmer split differently: «звон»/«звонк») and,
   * for unknown terms, vocabulary terms one edit away (typos: «востанов» → «восстанов»).
   */
  expand(query: readonly WeightedTerm[], weight = FUZZY_WEIGHT): WeightedTerm[] {
    const result = [...query];
    const present = new Set(query.map((entry) => entry.term));
    const add = (term: string, base: number, of: string | undefined): void => {
      if (present.has(term)) return;
      present.add(term);
      result.push({ term, weight: base * weight, expansion: true, of });
    };
    for (const entry of query) {
      const of = entry.expansion === true ? entry.of : entry.term;
      for (const relative of this.relatives.through(entry.term, this.relativesOf)) add(relative, entry.weight, of);
    }
    return result;
  }

  /** Customers use the same words again and again: each term's relatives are worked out once. */
  private readonly relatives = new RecentCache<string, readonly string[]>(20_000, {
    maxBytes: 8 << 20,
    weigh: (key, value) => stringBytes(key) + stringsBytes(value),
  });

  private readonly relativesOf = (term: string): readonly string[] => {
    if (term.length < 4 || /\d/.test(term)) return [];
    const found = this.prefixRelatives(term);
    return !this.termIds.has(term) && term.length >= 5 ? [...found, ...this.editNeighbours(term)] : found;
  };

  private prefixRelatives(term: string): string[] {
    const relatives: string[] = [];
    for (let cut = 1; cut <= 2 && term.length - cut >= 4; cut += 1) {
      const shorter = term.slice(0, term.length - cut);
      if (this.termIds.has(shorter)) relatives.push(shorter);
    }
    const terms = this.data.terms;
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((terms[middle] ?? '') < term) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < terms.length; index += 1) {
      const candidate = terms[index] ?? '';
      if (!candidate.startsWith(term)) break;
      if (candidate !== term && candidate.length - term.length <= 2) relatives.push(candidate);
    }
    return relatives;
  }

  private editNeighbours(term: string): string[] {
    const index = this.deletionIndex();
    // One edit changes the length by one at most: a longer term has no neighbour, and its deletions would cost
    // its length squared (a 16,000-letter "word" in a customer message).
    if (term.length > this.longestTerm + 1) return [];
    const found = new Set<string>();
    for (const variant of [term, ...deletions(term)]) {
      for (const id of index.get(variant) ?? []) found.add(this.data.terms[id] ?? '');
    }
    found.delete('');
    return [...found];
  }

  private deletions?: Map<string, number[]>;
  private longestTerm = 0;

  /** Every vocabulary term and its one-letter deletions, for distance-1 lookups (SymSpell). */
  private deletionIndex(): Map<string, number[]> {
    if (this.deletions !== undefined) return this.deletions;
    const index = new Map<string, number[]>();
    this.data.terms.forEach((term, id) => {
      this.longestTerm = Math.max(this.longestTerm, term.length);
      if (term.length < 4) return;
      for (const variant of [term, ...deletions(term)]) {
        const list = index.get(variant);
        if (list === undefined) index.set(variant, [id]);
        else list.push(id);
      }
    });
    this.deletions = index;
    return index;
  }

  /** Inverse document frequency of a term; 0 for an unknown term. */
  idf(term: string): number {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    const df = (this.data.offsets[id + 1] ?? 0) - (this.data.offsets[id] ?? 0);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** The k best documents for the query terms, optionally only those in one language. */
  search(query: readonly WeightedTerm[], k: number, lang?: Lang): LexicalHit[] {
    const weights = new Map<string, number>();
    for (const { term, weight } of query) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    const langCode = lang === undefined ? -1 : LANG_CODES[lang];
    const { offsets, docs, langs } = this.data;
    const { impacts, scores, seen, touched } = this;
    let touchedCount = 0;
    let ceiling = 0;
    for (const [term, weight] of weights) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const idf = this.idf(term) * weight;
      ceiling += idf * (K1 + 1);
      const end = offsets[id + 1] ?? 0;
      for (let position = offsets[id] ?? 0; position < end; position += 1) {
        const doc = docs[position] ?? 0;
        if (langCode !== -1 && langs[doc] !== langCode) continue;
        if (seen[doc] === 0) {
          seen[doc] = 1;
          scores[doc] = 0;
          touched[touchedCount] = doc;
          touchedCount += 1;
        }
        scores[doc] = (scores[doc] ?? 0) + idf * (impacts[position] ?? 0);
      }
    }
    const best = new TopK(k);
    for (let index = 0; index < touchedCount; index += 1) {
      const doc = touched[index] ?? 0;
      const score = scores[doc] ?? 0;
      if (score > best.threshold) best.push(doc, score);
      seen[doc] = 0;
    }
    return best
      .sorted()
      .map((hit) => ({ label: hit.label, score: hit.score, normalized: ceiling > 0 ? hit.score / ceiling : 0 }));
  }
}
