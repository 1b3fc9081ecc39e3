// Snowball stemming for Russian and English words, chosen by the word's script. Runtime: any.
import snowball from 'snowball-stemmers';
import { isCyrillic, isLatin } from './normalize.ts';

const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Stems a normalised word: Russian for Cyrillic, English for Latin, numbers unchanged. */
export function stem(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let result = word;
  if (isCyrillic(word)) result = russian.stem(word);
  else if (isLatin(word) && !/\d/.test(word)) result = english.stem(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}
