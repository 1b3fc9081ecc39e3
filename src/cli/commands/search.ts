// `firstline search "query" [--k 5] [--knowledge DIR] [--lang ru|en] [--json]`: top articles with scores. Runtime: Node.
import { parseArgs } from 'node:util';
import { parseConfig } from '../../core/config/config.ts';
import type { ScoredArticle } from '../../core/retrieval/hybrid-retriever.ts';
import { detectLanguage } from '../../core/text/language.ts';
import { langSchema } from '../../core/text/lang.ts';
import { openKnowledge } from '../../platform/node/knowledge-service.ts';
import { UsageError } from '../usage-error.ts';

function describe(article: ScoredArticle, rank: number): string {
  const { scores } = article;
  const best = article.chunks[0]?.chunk;
  const snippet = (best?.text ?? '').replace(/\s+/g, ' ').slice(0, 140);
  return [
    `${rank}. ${article.articleId}  ${article.title}${article.handoff ? '  [handoff: always]' : ''}`,
    `   fused ${scores.fused.toFixed(3)}  dense ${scores.dense.toFixed(3)} (#${scores.denseRank ?? '-'})  lexical ${scores.lexical.toFixed(3)} (#${scores.lexicalRank ?? '-'})`,
    `   § ${best?.headingPath.slice(1).join(' › ') || '(introduction)'}: ${snippet}`,
  ].join('\n');
}

export async function searchCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      k: { type: 'string', default: '5' },
      knowledge: { type: 'string' },
      index: { type: 'string' },
      lang: { type: 'string' },
      'all-languages': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const query = positionals.join(' ').trim();
  if (query === '') throw new UsageError('search needs a query, e.g. firstline search "не приходит код"');
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 100)
    throw new UsageError(`--k must be a whole number from 1 to 100, got "${values.k}"`);
  const lang = values.lang === undefined ? detectLanguage(query) : langSchema.safeParse(values.lang).data;
  if (lang === undefined) throw new UsageError(`--lang must be ru or en, got "${values.lang}"`);
  const config = parseConfig({
    ...env,
    KNOWLEDGE_DIR: values.knowledge ?? env.KNOWLEDGE_DIR,
    INDEX_DIR: values.index ?? env.INDEX_DIR,
  });
  const { retriever } = await openKnowledge(config);
  const result = await retriever.retrieve(query, {
    k: Math.max(k * 4, 20),
    lang: values['all-languages'] ? undefined : lang,
  });
  const articles = result.articles.slice(0, k);
  if (values.json) {
    const output = articles.map((article) => ({
      articleId: article.articleId,
      title: article.title,
      url: article.url,
      lang: article.lang,
      handoff: article.handoff,
      scores: article.scores,
      chunks: article.chunks.map(({ chunk, scores }) => ({
        id: chunk.id,
        heading: chunk.headingPath,
        text: chunk.text,
        scores,
      })),
    }));
    process.stdout.write(`${JSON.stringify({ query, lang, articles: output }, null, 2)}\n`);
  } else {
    process.stdout.write(`${articles.map((article, index) => describe(article, index + 1)).join('\n')}\n`);
  }
  return 0;
}
