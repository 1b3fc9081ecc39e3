// Features of a message for the trained detectors: character n-grams of its words (robust to typos,
// inflection and transliteration), its word stems and stem pairs, and the hits of the hand-written lexicons
// (which carry what a few hundred training examples cannot). Runtime: any.
import { normalize, words } from '../text/normalize.ts';
import { stem } from '../text/stem.ts';
import { disambiguate } from '../text/word-senses.ts';
import type { Features } from './linear-model.ts';

/** Character n-gram lengths, taken inside each word padded with spaces (" оп", "опер", …). */
export const DEFAULT_NGRAMS: readonly number[] = [3, 4];

/**
 * The message's features: n-grams and stems L2-normalised together (a long message does not weigh more than
 * a short one), and each lexicon hit (`lex:<name>`) and shape signal with value 1.
 */
export function textFeatures(
  text: string,
  lexicon: readonly string[] = [],
  ngrams: readonly number[] = DEFAULT_NGRAMS,
): Map<string, number> {
  const features = new Map<string, number>();
  const add = (name: string) => features.set(name, (features.get(name) ?? 0) + 1);
  const tokens = words(disambiguate(text));
  const stems = tokens.map(stem);
  for (const token of tokens) {
    const padded = ` ${token} `;
    for (const n of ngrams)
      for (let start = 0; start + n <= padded.length; start += 1) add(`c:${padded.slice(start, start + n)}`);
  }
  stems.forEach((current, index) => {
    add(`w:${current}`);
    if (index > 0) add(`b:${stems[index - 1]}_${current}`);
  });
  let norm = 0;
  for (const value of features.values()) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (const [name, value] of features) features.set(name, value / norm);
  for (const name of lexicon) features.set(`lex:${name}`, 1);
  for (const name of shapeSignals(text)) features.set(`shape:${name}`, 1);
  return features;
}

/** Signals of how a message is written: capitals, runs of ! and ?, length. */
export function shapeSignals(text: string): string[] {
  const signals: string[] = [];
  const letters = text.match(/\p{L}/gu) ?? [];
  const capitals = text.match(/\p{Lu}/gu) ?? [];
  if (letters.length >= 8 && capitals.length / letters.length >= 0.6) signals.push('caps');
  if (/!{2,}/.test(text)) signals.push('exclamations');
  if (/\?{2,}|[?!]{3,}/.test(text)) signals.push('question-run');
  const length = normalize(text).length;
  signals.push(length < 25 ? 'short' : length < 120 ? 'medium' : 'long');
  return signals;
}

export type { Features };
