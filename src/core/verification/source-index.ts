// What the claim checker knows about the passages a reply cites: each sentence's quantities, contacts,
// names and commitments, its terms, and term weights over the passages. Built once per source set. Runtime: any.
import type { Chunk } from '../knowledge/chunk.ts';
import { prefixOf, termsOf } from './claim-terms.ts';
import { RecentCache } from '../util/recent-cache.ts';
export { prefixOf, termsOf } from './claim-terms.ts';
import { commitmentsOf, type Commitment } from './commitments.ts';
import { contactsOf, type Contact } from './contacts.ts';
import { entitiesOf, menuStepsOf, type Entity } from './entities.ts';
import { mentionsOf, nameVocabulary, type Mention } from './names.ts';
import { quantitiesOf, type Quantity } from './quantities.ts';
import { plainSentence, segmentsOf } from './segments.ts';

/** A passage of a cited article: its text, and the heading it sits under. */
export interface SourceDocument {
  readonly text: string;
  readonly heading?: string | undefined;
  readonly articleId?: string | undefined;
}

/** A retrieved chunk as the checker reads it: its text under its heading path. */
export function documentOfChunk(chunk: Pick<Chunk, 'text' | 'headingPath' | 'articleId'>): SourceDocument {
  return { text: chunk.text, heading: chunk.headingPath.join(' › '), articleId: chunk.articleId };
}

/** The passages of each article, with its own link as one more: a reply may always point to the article it cites. */
export function documentsByArticle(
  chunks: Iterable<Pick<Chunk, 'text' | 'headingPath' | 'articleId' | 'url'>>,
): Map<string, SourceDocument[]> {
  const documents = new Map<string, SourceDocument[]>();
  for (const chunk of chunks) {
    const list = documents.get(chunk.articleId) ?? [];
    if (list.length === 0 && chunk.url !== undefined)
      list.push({ text: chunk.url, heading: chunk.headingPath[0] ?? '', articleId: chunk.articleId });
    list.push(documentOfChunk(chunk));
    documents.set(chunk.articleId, list);
  }
  return documents;
}

export interface Passage {
  readonly text: string;
  readonly heading: string;
  readonly articleId: string;
  readonly terms: ReadonlySet<string>;
  readonly quantities: readonly Quantity[];
  readonly contacts: readonly Contact[];
  readonly entities: readonly Entity[];
  readonly commitments: readonly Commitment[];
  /** Where the sources' names occur in the passage, and in its heading. */
  readonly mentions: readonly Mention[];
  readonly headingMentions: readonly Mention[];
}

/** Facts of one text, with contacts masked before quantities are read (a phone is not four numbers). */
export function factsOf(text: string): {
  quantities: Quantity[];
  contacts: Contact[];
  entities: Entity[];
  commitments: Commitment[];
} {
  const contacts = contactsOf(text);
  // All contacts blanked in one pass (they do not overlap, and come in order): masking one at a time rebuilds the
  // text for each, and V8's Array#join of its characters grows faster than the text's length.
  let masked = '';
  let at = 0;
  for (const contact of contacts) {
    masked += text.slice(at, contact.start) + ' '.repeat(contact.end - contact.start);
    at = contact.end;
  }
  masked += text.slice(at);
  return {
    contacts,
    quantities: quantitiesOf(masked),
    entities: [...entitiesOf(text), ...menuStepsOf(text)],
    commitments: commitmentsOf(text),
  };
}

/** The section heading of a heading path; nothing for an article's introduction (its title fits every section). */
export function sectionOf(heading: string): string {
  const parts = heading.split(' › ');
  return parts.length > 1 ? (parts.at(-1) ?? '') : '';
}

const UNSEEN_FREQUENCY = 3;

export class SourceIndex {
  readonly passages: readonly Passage[];
  private readonly documentFrequency = new Map<string, number>();
  /** Keys of every name in the sources, with how many passages mention it. */
  readonly entityKeys = new Map<string, number>();
  /** Words the sources use as names (plans, products, sections). */
  readonly vocabulary: ReadonlySet<string>;
  private readonly titleNames: ReadonlySet<string>;
  private readonly prefixes = new Set<string>();
  private readonly normalizedText: string;

  constructor(documents: readonly SourceDocument[]) {
    const texts: Array<{ text: string; heading: string; articleId: string }> = [];
    for (const document of documents) {
      // A heading states facts too («Тариф «Оптима» — 690 ₽ в месяц»).
      const last = document.heading?.split(' › ').at(-1)?.trim() ?? '';
      if (/[\p{L}\d]/u.test(last) && !texts.some((entry) => entry.text === last))
        texts.push({ text: last, heading: '', articleId: document.articleId ?? '' });
      for (const segment of segmentsOf(document.text)) {
        const text = plainSentence(segment.text);
        if (/[\p{L}\d]/u.test(text))
          texts.push({ text, heading: document.heading ?? '', articleId: document.articleId ?? '' });
      }
    }
    const vocabulary = nameVocabulary([
      ...texts.map((entry) => entry.text),
      ...new Set(texts.map((entry) => entry.heading)),
    ]);
    this.vocabulary = vocabulary;
    this.titleNames = new Set(
      documents.flatMap((document) =>
        mentionsOf(document.heading?.split(' › ')[0] ?? '', vocabulary).map((mention) => mention.key),
      ),
    );
    this.passages = texts.map(({ text, heading, articleId }) => ({
      text,
      heading,
      articleId,
      terms: new Set([...termsOf(text)].map(prefixOf)),
      ...factsOf(text),
      mentions: mentionsOf(text, vocabulary),
      headingMentions: mentionsOf(sectionOf(heading), vocabulary),
    }));
    for (const passage of this.passages) {
      const headingTerms = termsOf(sectionOf(passage.heading)).map(prefixOf);
      for (const term of new Set([...passage.terms, ...headingTerms])) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
        this.prefixes.add(term);
      }
      for (const key of new Set([
        ...passage.entities.map((entity) => entity.key),
        ...passage.mentions.map((mention) => mention.key),
        ...entitiesOf(passage.heading).map((entity) => entity.key),
      ])) {
        this.entityKeys.set(key, (this.entityKeys.get(key) ?? 0) + 1);
      }
    }
    this.normalizedText = documents
      .map((document) => `${document.heading ?? ''}\n${document.text}`)
      .join('\n')
      .toLowerCase()
      .replace(/ё/g, 'е');
  }

  /** Weight of a term: rare terms of the sources count most; terms the sources never use count as the rarest. */
  weight(term: string): number {
    const frequency = this.documentFrequency.get(term) ?? 0;
    // A word the sources never use counts like a fairly rare one: it may be the invented part, or a paraphrase.
    return Math.log(1 + (this.passages.length + 1) / (frequency === 0 ? UNSEEN_FREQUENCY : frequency));
  }

  hasTerm(term: string): boolean {
    return this.prefixes.has(prefixOf(term));
  }

  /** True when the lower-cased text occurs in the sources as written (names, codes). */
  containsText(text: string): boolean {
    return this.normalizedText.includes(text.toLowerCase().replace(/ё/g, 'е'));
  }

  /** Weighted share of `terms` found in the passage or its heading, in [0, 1]; 0 for no terms. */
  alignment(terms: readonly string[], passage: Passage): number {
    let total = 0;
    let found = 0;
    const heading = new Set(termsOf(passage.heading).map(prefixOf));
    for (const term of new Set(terms.map(prefixOf))) {
      const weight = this.weight(term);
      total += weight;
      if (passage.terms.has(term) || heading.has(term)) found += weight;
    }
    return total === 0 ? 0 : found / total;
  }

  /** Weighted share of `terms` found in a set of term prefixes, in [0, 1]. */
  alignmentWith(terms: readonly string[], local: ReadonlySet<string>): number {
    let total = 0;
    let found = 0;
    for (const term of new Set(terms.map(prefixOf))) {
      const weight = this.weight(term);
      total += weight;
      if (local.has(term)) found += weight;
    }
    return total === 0 ? 0 : found / total;
  }

  /** The terms of `terms` (as prefixes) found in the passage or its heading. */
  found(terms: readonly string[], passage: Passage): Set<string> {
    const heading = new Set(termsOf(sectionOf(passage.heading)).map(prefixOf));
    return new Set(terms.map(prefixOf).filter((term) => passage.terms.has(term) || heading.has(term)));
  }

  /**
   * A name mentioned in many passages, or in an article's title (the brand), tells nothing about which
   * subject a number belongs to.
   */
  isDistinctive(key: string): boolean {
    const count = this.entityKeys.get(key) ?? 0;
    return count > 0 && count <= Math.max(3, this.passages.length * 0.3) && !this.titleNames.has(key);
  }
}

const INDEXES = new RecentCache<string, SourceIndex>(256);

/** The index of a source set, reused while the same passages keep being cited. */
export function sourceIndexOf(documents: readonly SourceDocument[]): SourceIndex {
  const key = documents
    .map((document) => `${document.articleId ?? ''}\u0001${document.heading ?? ''}\u0001${document.text}`)
    .join('\u0002');
  return INDEXES.through(key, () => new SourceIndex(documents));
}
