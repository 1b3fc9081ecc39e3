// Turns text into the content terms retrieval works on: canonical, stop-word free, stemmed. Runtime: any.
import { canonicalWord } from './lexicon.ts';
import { isCyrillic, isLatin, words } from './normalize.ts';
import { stem } from './stem.ts';
import { isStopword } from './stopwords.ts';
import { toCyrillic, toLatin } from './transliterate.ts';
import { RecentCache, stringBytes, stringsBytes } from '../util/recent-cache.ts';

export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
  /** True for a term the customer did not type (a transliteration or fuzzy neighbour). */
  readonly expansion?: boolean;
  /** For a reading of a typed term (its transliteration, another form, a typo's correction): that term. */
  readonly of?: string | undefined;
}

/** Weight of a transliterated or otherwise expanded query term relative to the word the customer typed. */
export const EXPANSION_WEIGHT = 0.5;

/** «kak», «na», «gde»: a Russian function word in Latin letters (not "no", which English needs). */
const transliteratedStopword = (word: string) =>
  word.length <= 5 && word !== 'no' && isLatin(word) && isStopword(toCyrillic(word));

function contentWords(text: string): string[] {
  const result: string[] = [];
  for (const word of words(text)) {
    const canonical = canonicalWord(word);
    const parts = canonical === word && word.includes('-') ? word.split('-') : [canonical];
    for (const part of parts) {
      if (part.length === 0 || isStopword(part) || transliteratedStopword(part)) continue;
      if (part.length === 1 && !/\d/.test(part)) continue;
      result.push(part);
    }
  }
  return result;
}

const termCache = new RecentCache<string, readonly string[]>(4096, {
  maxBytes: 8 << 20,
  weigh: (key, value) => stringBytes(key) + stringsBytes(value),
});

/**
 * Content terms of a text, in order: canonical words, stop words dropped, stemmed. Results are
 * memoised (bounded), because the same article passages are analysed for every reply.
 */
export function contentTerms(text: string): readonly string[] {
  return termCache.through(text, (key) => contentWords(key).map(stem));
}

/**
 * Query terms: the content terms with weight 1, plus each word's transliteration into the other
 * script with weight {@link EXPANSION_WEIGHT}, so mixed-script product words still match.
 */
export function queryTerms(text: string): readonly WeightedTerm[] {
  return queryTermCache.through(text, analyseQuery);
}

/** Retrieval, confidence and the embedder each ask for the same message's terms. */
const queryTermCache = new RecentCache<string, readonly WeightedTerm[]>(1024, {
  maxBytes: 4 << 20,
  weigh: (key, value) => stringBytes(key) + value.reduce((sum, entry) => sum + 32 + stringBytes(entry.term), 16),
});

function analyseQuery(text: string): readonly WeightedTerm[] {
  const result: WeightedTerm[] = [];
  for (const word of contentWords(text)) {
    const term = stem(word);
    result.push({ term, weight: 1 });
    const other = isCyrillic(word) ? toLatin(word) : isLatin(word) ? toCyrillic(word) : undefined;
    if (other === undefined || /\d/.test(word)) continue;
    const expanded = stem(canonicalWord(other));
    if (expanded !== term && expanded.length > 1)
      result.push({ term: expanded, weight: EXPANSION_WEIGHT, expansion: true, of: term });
  }
  return result;
}
