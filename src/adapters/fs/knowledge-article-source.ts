// Serves articles of the loaded index from their files in the knowledge directory. Runtime: Node.
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { parseArticle } from '../../core/knowledge/parse-article.ts';
import type { ArticlePage, ArticleSource } from '../../core/ports/article-source.ts';
import type { IndexedArticle } from '../../core/retrieval/index-snapshot.ts';

export function knowledgeArticleSource(
  directory: string,
  articles: readonly IndexedArticle[],
  maxBytes: number,
): ArticleSource {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const root = resolve(directory);
  return {
    async article(id: string): Promise<ArticlePage | undefined> {
      const indexed = byId.get(id);
      if (indexed === undefined) return undefined;
      const path = resolve(join(root, indexed.path));
      if (!path.startsWith(root + sep)) return undefined;
      const bytes = await readFile(path).catch(() => undefined);
      if (bytes === undefined) return undefined;
      const parsed = parseArticle(indexed.path, new Uint8Array(bytes), maxBytes);
      if (!parsed.ok) return undefined;
      const { article } = parsed;
      return {
        id: article.id,
        title: article.title,
        lang: article.lang,
        body: article.body,
        url: article.url,
        updated: article.updated,
      };
    },
  };
}
