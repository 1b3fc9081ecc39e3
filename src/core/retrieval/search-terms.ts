// The terms a message is searched with: its own words, their spellings in the other script, and the words
// the thesaurus (built-in and the knowledge base's own) counts as the same. Runtime: any.
import generalThesaurus from '../text/general-thesaurus.json' with { type: 'json' };
import { queryTerms, type WeightedTerm } from '../text/terms.ts';
import { Thesaurus, thesaurusSchema } from '../text/thesaurus.ts';
import type { IndexManifest } from './index-snapshot.ts';

/**
 * Weight of a thesaurus equivalent against a word the customer typed. A group brings many words at once, so
 * each counts little: at 0.2 the first-questions and retrieval sets both gain, at 0.5 the groups drown the
 * customer's own words (docs/benchmarks.md, "Language layer").
 */
export const THESAURUS_WEIGHT = 0.2;

/** The built-in general support vocabulary, validated once. */
export const GENERAL_THESAURUS = thesaurusSchema.parse(generalThesaurus);

const byManifest = new WeakMap<IndexManifest, Thesaurus>();

/** The thesaurus a knowledge index searches with: the built-in groups and its own. */
export function thesaurusOf(manifest: IndexManifest): Thesaurus {
  let thesaurus = byManifest.get(manifest);
  if (thesaurus === undefined) {
    thesaurus = Thesaurus.of(GENERAL_THESAURUS, manifest.thesaurus ?? { groups: [] });
    byManifest.set(manifest, thesaurus);
  }
  return thesaurus;
}

/** The message's query terms with the thesaurus's equivalents added. */
export function searchTerms(text: string, thesaurus: Thesaurus): WeightedTerm[] {
  return thesaurus.expand(text, queryTerms(text), THESAURUS_WEIGHT);
}
