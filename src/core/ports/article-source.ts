// Reads one knowledge-base article for display (citation links open it). Runtime: any.
import type { Lang } from '../text/lang.ts';

export interface ArticlePage {
  readonly id: string;
  readonly title: string;
  readonly lang: Lang;
  /** Markdown body without front matter. */
  readonly body: string;
  readonly url?: string | undefined;
  readonly updated?: string | undefined;
}

export interface ArticleSource {
  article(id: string): Promise<ArticlePage | undefined>;
}
