// Mentions of the sources' proper names (plans, products, sections) in a text, with their positions: what a
// number in the same sentence is about. Runtime: any.
import { normalize } from '../text/normalize.ts';
import { stem } from '../text/stem.ts';
import { entitiesOf } from './entities.ts';

export interface Mention {
  readonly key: string;
  readonly start: number;
}

const CAPITALISED = /(?<![\p{L}\d])\p{Lu}[\p{L}\d-]{2,}/gu;
const keyOfWord = (word: string) => stem(normalize(word));
const UNIT_OR_ABBREVIATION = /^(?:[мгкmgk]бит|[mgk]bit|[mgk]bps|[гмтк]гц|[gmtk]hz|[гмтк]б$|[gmtk]b$|wi-fi|sms|смс)/iu;
/** Capitalised units and abbreviations («ТВ-каналов», "IP-address") are not names. */
const NOT_A_NAME = { test: (word: string) => UNIT_OR_ABBREVIATION.test(word) || /^\p{Lu}{2,}-/u.test(word) };

/**
 * True when only spaces, or the end of a sentence and spaces, come before `position`. Read backwards over the
 * spaces, not by trimming all the text before each word (quadratic in a text of many capitalised words).
 */
function startsSentence(text: string, position: number): boolean {
  let end = position;
  while (end > 0 && /\s/u.test(text.charAt(end - 1))) end -= 1;
  return end === 0 || '.!?…'.includes(text.charAt(end - 1));
}

/**
 * The words a text uses as names: quoted, introduced by «тариф» / "plan", or capitalised somewhere other
 * than at the start of a sentence.
 */
export function nameVocabulary(sentences: readonly string[]): Set<string> {
  const vocabulary = new Set<string>();
  const lowerCase = new Map<string, number>();
  const capitalised = new Map<string, number>();
  for (const sentence of sentences) {
    for (const entity of entitiesOf(sentence)) if (entity.kind !== 'code') vocabulary.add(entity.key);
    for (const match of sentence.matchAll(CAPITALISED)) {
      if (startsSentence(sentence, match.index) || NOT_A_NAME.test(match[0])) continue;
      const key = keyOfWord(match[0]);
      capitalised.set(key, (capitalised.get(key) ?? 0) + 1);
    }
    for (const word of sentence.match(/(?<![\p{L}\d])\p{Ll}[\p{L}\d-]{2,}/gu) ?? [])
      lowerCase.set(keyOfWord(word), (lowerCase.get(keyOfWord(word)) ?? 0) + 1);
  }
  // A word written in lower case at least as often («Если», "start the router") is an ordinary word, not a name.
  for (const [key, count] of capitalised) if (count > (lowerCase.get(key) ?? 0)) vocabulary.add(key);
  return vocabulary;
}

/** Mentions of vocabulary names in a text, in order: quoted names and capitalised words. */
export function mentionsOf(text: string, vocabulary: ReadonlySet<string>): Mention[] {
  const mentions: Mention[] = [];
  const starts = new Set<number>();
  const add = (mention: Mention) => {
    mentions.push(mention);
    starts.add(mention.start);
  };
  for (const entity of entitiesOf(text)) if (vocabulary.has(entity.key)) add({ key: entity.key, start: entity.start });
  for (const match of text.matchAll(CAPITALISED)) {
    const key = keyOfWord(match[0]);
    if (NOT_A_NAME.test(match[0])) continue;
    // A mention already found at (or next to) this word: looked up, not searched for among all the mentions.
    const near = [match.index - 1, match.index, match.index + 1].some((start) => starts.has(start));
    if (vocabulary.has(key) && !near) add({ key, start: match.index });
  }
  return mentions.sort((left, right) => left.start - right.start);
}

/** The name a position is about: the nearest mention before it, else the nearest after it. */
export function nameAt(
  mentions: readonly Mention[],
  position: number,
  accept: (key: string) => boolean = () => true,
): Mention | undefined {
  let before: Mention | undefined;
  let after: Mention | undefined;
  for (const mention of mentions) {
    if (!accept(mention.key)) continue;
    if (mention.start <= position) before = mention;
    else {
      after ??= mention;
      break;
    }
  }
  return before ?? after;
}
