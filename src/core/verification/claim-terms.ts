// The words the claim checker compares: content terms with hyphenated words split, matched on a five-letter
// prefix so that «действует» meets «действовать». Runtime: any.
import { contentTerms } from '../text/terms.ts';

/** Content terms, with hyphenated words as their parts («SMS-код» reads as «SMS» and «код»). */
export function termsOf(text: string): readonly string[] {
  return contentTerms(text.replace(/(?<=\p{L})-(?=\p{L})/gu, ' '));
}

/** Terms with a five-letter prefix, so «действует» meets «действовать». */
export const prefixOf = (term: string) => (term.length >= 5 ? term.slice(0, 5) : term);

/**
 * Words that say nothing about what a value or a promise is about: auxiliaries, modals and filler the
 * general stop-word list keeps for retrieval's sake. Compared as five-letter prefixes.
 */
const GENERIC = new Set(
  `within during then first next also via yours yourself aren't isn't don't doesn't won't can't also just still
  usual simpli right here there able need needs
  нужно нужн можно можн будет будут буд явля быва имеет обычн также тольк всего сразу вполн действ случае случа
  case затем потом сначала далее течение`
    .split(/\s+/)
    .flatMap((word) => [prefixOf(word), ...contentTerms(word).map(prefixOf)]),
);

export const isGeneric = (term: string) => GENERIC.has(prefixOf(term));
