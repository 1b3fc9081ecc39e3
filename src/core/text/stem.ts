// Snowball stemming for Russian and English words, chosen by the word's script. Runtime: any.
import snowball from 'snowball-stemmers';
import { RecentCache, stringBytes } from '../util/recent-cache.ts';
import { isCyrillic, isLatin } from './normalize.ts';

const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');
/** Words recur endlessly; each is stemmed once while it stays in use. */
const cache = new RecentCache<string, string>(50_000, {
  maxBytes: 8 << 20,
  weigh: (key, value) => stringBytes(key) + stringBytes(value),
});

/** Stems a normalised word: Russian for Cyrillic, English for Latin, numbers unchanged. */
export function stem(word: string): string {
  return cache.through(word, stemWord);
}

function stemWord(word: string): string {
  if (isCyrillic(word)) return russian.stem(word);
  if (isLatin(word) && !/\d/.test(word)) return english.stem(word);
  return word;
}
