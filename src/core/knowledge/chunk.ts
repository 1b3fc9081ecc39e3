// A retrievable piece of an article: one section (or part of a long one) with its heading path. Runtime: any.
import type { Lang } from '../text/lang.ts';

export interface Chunk {
  /** `<articleId>#<n>`, stable while the article's text is unchanged. */
  readonly id: string;
  readonly articleId: string;
  readonly title: string;
  /** Headings from the article title down to this section. */
  readonly headingPath: readonly string[];
  readonly lang: Lang;
  readonly topic?: string | undefined;
  readonly url?: string | undefined;
  readonly handoff: boolean;
  /** The article's tags: authors put customers' own words here. */
  readonly tags: readonly string[];
  /** Section text without headings (Markdown). */
  readonly text: string;
  readonly tokens: number;
}

/** The text that is embedded and indexed for a chunk: title, heading path and body together. */
export function chunkIndexText(chunk: Pick<Chunk, 'headingPath' | 'tags' | 'text'>): string {
  return `${chunkHeaderText(chunk)}\n${chunk.text}`;
}

/** Title, headings and tags: the part of a chunk that names its subject. */
export function chunkHeaderText(chunk: Pick<Chunk, 'headingPath' | 'tags'>): string {
  return [...chunk.headingPath, chunk.tags.join(', ')].join('\n');
}
