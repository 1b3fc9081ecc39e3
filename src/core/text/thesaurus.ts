// The domain thesaurus: words and phrases customers use for the same thing ("how much" / "price" / «сколько
// стоит» / «цена»; "where is my order" / "track" / «отследить»), kept as data. A phrase of the query that
// belongs to a group brings the group's other words into the search at a lower weight. Runtime: any.
import { z } from 'zod';
import { stem } from './stem.ts';
import { words } from './normalize.ts';
import { contentTerms, EXPANSION_WEIGHT, type WeightedTerm } from './terms.ts';
import { canonicalWord } from './lexicon.ts';

/** One group per line of the data: phrases that mean the same to a customer, in either language. */
export const thesaurusSchema = z.object({
  groups: z.array(z.array(z.string().trim().min(1, 'an empty phrase')).min(2, 'a group needs at least two phrases')),
});

export type ThesaurusData = z.infer<typeof thesaurusSchema>;

interface Phrase {
  /** Stems of every word, stop words included ("how much" → how, much): what the message must contain. */
  readonly pattern: readonly string[];
  /** Its content terms: what the other phrases of the group bring in. */
  readonly terms: readonly string[];
}

const stemsOf = (text: string) => words(text).map((word) => stem(canonicalWord(word)));

export class Thesaurus {
  private readonly groups: ReadonlyArray<readonly Phrase[]>;
  /** Groups a first stem can start a phrase of, to test only those. */
  private readonly byFirst = new Map<string, number[]>();

  private constructor(groups: readonly (readonly string[])[]) {
    this.groups = groups.map((group) =>
      group
        .map((phrase) => ({ pattern: stemsOf(phrase), terms: [...contentTerms(phrase)] }))
        .filter((phrase) => phrase.pattern.length > 0),
    );
    this.groups.forEach((group, index) => {
      for (const phrase of group) {
        const first = phrase.pattern[0] as string;
        const list = this.byFirst.get(first) ?? [];
        if (!list.includes(index)) list.push(index);
        this.byFirst.set(first, list);
      }
    });
  }

  static empty(): Thesaurus {
    return new Thesaurus([]);
  }

  /** The union of several data sets (the built-in general vocabulary and a deployment's own). */
  static of(...data: readonly ThesaurusData[]): Thesaurus {
    return new Thesaurus(data.flatMap((entry) => entry.groups));
  }

  get size(): number {
    return this.groups.length;
  }

  /** Indexes of the groups with a phrase in the text. */
  groupsIn(text: string): number[] {
    const stems = stemsOf(text);
    const found = new Set<number>();
    stems.forEach((first, start) => {
      for (const index of this.byFirst.get(first) ?? []) {
        if (found.has(index)) continue;
        const group = this.groups[index] ?? [];
        if (group.some((phrase) => phrase.pattern.every((part, offset) => stems[start + offset] === part)))
          found.add(index);
      }
    });
    return [...found];
  }

  /**
   * The query's terms plus, for every group one of its phrases matches, the group's other terms at
   * `weight` (terms the query already has keep their own weight).
   */
  expand(text: string, terms: readonly WeightedTerm[], weight = EXPANSION_WEIGHT): WeightedTerm[] {
    const result = [...terms];
    const present = new Set(terms.map((entry) => entry.term));
    for (const index of this.groupsIn(text)) {
      for (const phrase of this.groups[index] ?? []) {
        for (const term of phrase.terms) {
          if (present.has(term)) continue;
          present.add(term);
          result.push({ term, weight, expansion: true });
        }
      }
    }
    return result;
  }
}
