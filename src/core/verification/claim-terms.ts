// The words the claim checker compares: content terms with hyphenated words split, matched on a five-letter
// prefix so that «действует» meets «действовать». Runtime: any.
import { contentTerms } from '../text/terms.ts';

/** Content terms, with hyphenated words as their parts («SMS-код» reads as «SMS» and «код»). */
export function termsOf(text: string): readonly string[] {
  return contentTerms(text.replace(/(?<=\p{L})-(?=\p{L})/gu, ' '));
}

/** Terms with a five-letter prefix, so «действует» meets «действовать». */
export const prefixOf = (term: string) => (term.length >= 5 ? term.slice(0, 5) : term);

