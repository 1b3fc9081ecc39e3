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
/** Capitalised units and abbreviations are not names. */
const NOT_A_NAME = /^(?:[мгкmgk]бит|[mgk]bit|[mgk]bps|wi-fi|sms|смс)/iu;

/**
 * The words a text uses as names: quoted, introduced by «тариф» / "plan", or capitalised somewhere other
 * than at the start of a sentence.
 */
export function nameVocabulary(sentences: readonly string[]): Set<string> {
  const vocabulary = new Set<string>();
  const lowerCase = new Set<string>();
  const capitalised = new Set<string>();
  for (const sentence of sentences) {
    for (const entity of entitiesOf(sentence)) if (entity.kind !== 'code') vocabulary.add(entity.key);
    for (const match of sentence.matchAll(CAPITALISED)) {
      const before = sentence.slice(0, match.index).trimEnd();
      if (before === '' || /[.!?…]$/u.test(before) || NOT_A_NAME.test(match[0])) continue;
      capitalised.add(keyOfWord(match[0]));
    }
    for (const word of sentence.match(/(?<![\p{L}\d])\p{Ll}[\p{L}\d-]{2,}/gu) ?? []) lowerCase.add(keyOfWord(word));
  }
  // A word also written in lower case («Если», "Start the router") is an ordinary word, not a name.
  for (const key of capitalised) if (!lowerCase.has(key)) vocabulary.add(key);
  return vocabulary;
}

/** Mentions of vocabulary names in a text, in order: quoted names and capitalised words. */
export function mentionsOf(text: string, vocabulary: ReadonlySet<string>): Mention[] {
  const mentions: Mention[] = [];
  for (const entity of entitiesOf(text)) if (vocabulary.has(entity.key)) mentions.push({ key: entity.key, start: entity.start });
  for (const match of text.matchAll(CAPITALISED)) {
    const key = keyOfWord(match[0]);
    if (NOT_A_NAME.test(match[0])) continue;
    if (vocabulary.has(key) && !mentions.some((mention) => Math.abs(mention.start - match.index) <= 1)) mentions.push({ key, start: match.index });
  }
  return mentions.sort((left, right) => left.start - right.start);
}

/** The name a position is about: the nearest mention before it, else the nearest after it. */
export function nameAt(mentions: readonly Mention[], position: number, accept: (key: string) => boolean = () => true): Mention | undefined {
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
