// Retrieval eval: runs every case of evals/retrieval.yaml through the hybrid retriever and prints hit@1, hit@5, MRR
// per language. Follow-ups are searched with the previous question as context, as the service does. With --model
// and a model configured (OPENAI_*), the same cases are searched again with the model's help (follow-ups
// rewritten, the top candidates reranked) and both rankings are reported.
// Usage: npm run eval:retrieval [-- --suite FILE] [--misses] [--without thesaurus,fuzzy,cues,layout] [--model]
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/core/config/config.ts';
import { firstHitRank, retrievalMetrics, type RankedQuery } from '../src/core/evals/retrieval-metrics.ts';
import { parseSuite } from '../src/core/evals/suite.ts';
import { detectLanguage } from '../src/core/text/language.ts';
import { openKnowledge } from '../src/platform/node/knowledge-service.ts';
import { HybridRetriever } from '../src/core/retrieval/hybrid-retriever.ts';
import { reorder } from '../src/core/retrieval/search-assist.ts';
import { followUpContext } from '../src/core/reply/follow-up.ts';
import { createSearchAssist } from '../src/adapters/llm/create-answer-composer.ts';
import type { Message } from '../src/core/conversation/conversation.ts';

const { values } = parseArgs({
  options: {
    suite: { type: 'string', default: 'evals/retrieval.yaml' },
    misses: { type: 'boolean', default: false },
    without: { type: 'string', default: '' },
    model: { type: 'boolean', default: false },
  },
});
const parts = ['thesaurus', 'fuzzy', 'cues', 'layout'] as const;
const off = values.without.split(',').filter((part) => part !== '');
for (const part of off)
  if (!(parts as readonly string[]).includes(part))
    throw new Error(`--without: unknown part "${part}" (one of ${parts.join(', ')})`);
const suite = parseSuite(values.suite, await readFile(values.suite, 'utf8'));
const config = parseConfig(process.env);
const knowledge = await openKnowledge(config);
const assist = values.model ? await createSearchAssist(config) : undefined;
if (values.model && assist === undefined)
  throw new Error('--model needs a model: set OPENAI_MODEL (and OPENAI_BASE_URL for a local server)');
const retriever = new HybridRetriever(
  knowledge.stored.index,
  knowledge.embedder.queryEmbeddings ?? knowledge.embedder.embeddings,
  { language: Object.fromEntries(off.map((part) => [part, false])) },
);
const queries: RankedQuery[] = [];
const assisted: RankedQuery[] = [];
for (const evalCase of suite.cases) {
  const history: Message[] = [];
  for (const [index, turn] of evalCase.turns.entries()) {
    const lang = evalCase.lang ?? detectLanguage(turn.customer);
    const context = followUpContext(history, turn.customer);
    if (turn.expect.articles !== undefined) {
      const result = await retriever.retrieve(turn.customer, { k: 40, lang, context });
      queries.push({
        id: evalCase.id,
        ranked: result.articles.map((article) => article.articleId),
        expected: turn.expect.articles,
      });
      if (assist !== undefined) {
        const rewritten = history.length > 0 ? await assist.rewrite(turn.customer, history) : undefined;
        const query = rewritten ?? turn.customer;
        const searched = await retriever.retrieve(query, {
          k: 40,
          lang,
          context: rewritten === undefined ? context : undefined,
        });
        const ranking = await assist.rerank(query, searched.articles);
        const articles = ranking === undefined ? searched.articles : reorder(searched.articles, ranking);
        assisted.push({
          id: evalCase.id,
          ranked: articles.map((article) => article.articleId),
          expected: turn.expect.articles,
        });
      }
    }
    history.push({
      id: `${evalCase.id}#${index}`,
      conversationId: evalCase.id,
      role: 'customer',
      text: turn.customer,
      at: '',
    });
  }
}
const metrics = retrievalMetrics(queries);
if (values.misses) {
  for (const query of queries) {
    const rank = firstHitRank(query);
    if (rank !== 1) {
      const text = suite.cases.find((entry) => entry.id === query.id)?.turns[0]?.customer ?? '';
      process.stdout.write(
        `${query.id} rank=${rank ?? '-'} want=${query.expected.join(',')} got=${query.ranked.slice(0, 3).join(',')}\n   ${text}\n`,
      );
    }
  }
}
for (const lang of ['ru', 'en'] as const) {
  const subset = retrievalMetrics(queries.filter((query) => query.id.includes(`-${lang}-`)));
  process.stdout.write(`${lang}: ${JSON.stringify(subset)}\n`);
}
process.stdout.write(`${JSON.stringify(metrics)}\n`);
if (assist !== undefined) {
  for (const lang of ['ru', 'en'] as const)
    process.stdout.write(
      `model ${lang}: ${JSON.stringify(retrievalMetrics(assisted.filter((query) => query.id.includes(`-${lang}-`))))}\n`,
    );
  process.stdout.write(`model: ${JSON.stringify(retrievalMetrics(assisted))}\n`);
}
