// Retrieval eval: runs every case of evals/retrieval.yaml through the hybrid retriever and prints hit@1, hit@5, MRR.
// Usage: npm run eval:retrieval [-- --suite FILE] [--misses] [--without thesaurus,fuzzy,cues,layout]
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/core/config/config.ts';
import { firstHitRank, retrievalMetrics, type RankedQuery } from '../src/core/evals/retrieval-metrics.ts';
import { parseSuite } from '../src/core/evals/suite.ts';
import { detectLanguage } from '../src/core/text/language.ts';
import { openKnowledge } from '../src/runtime/node/knowledge-service.ts';
import { HybridRetriever } from '../src/core/retrieval/hybrid-retriever.ts';

const { values } = parseArgs({
  options: { suite: { type: 'string', default: 'evals/retrieval.yaml' }, misses: { type: 'boolean', default: false }, without: { type: 'string', default: '' } },
});
const parts = ['thesaurus', 'fuzzy', 'cues', 'layout'] as const;
const off = values.without.split(',').filter((part) => part !== '');
for (const part of off) if (!(parts as readonly string[]).includes(part)) throw new Error(`--without: unknown part "${part}" (one of ${parts.join(', ')})`);
const suite = parseSuite(values.suite, await readFile(values.suite, 'utf8'));
const knowledge = await openKnowledge(parseConfig(process.env));
const retriever = new HybridRetriever(knowledge.stored.index, knowledge.embedder.queryEmbeddings ?? knowledge.embedder.embeddings, { language: Object.fromEntries(off.map((part) => [part, false])) });
const queries: RankedQuery[] = [];
for (const evalCase of suite.cases) {
  for (const turn of evalCase.turns) {
    if (turn.expect.articles === undefined) continue;
    const result = await retriever.retrieve(turn.customer, { k: 40, lang: evalCase.lang ?? detectLanguage(turn.customer) });
    queries.push({ id: evalCase.id, ranked: result.articles.map((article) => article.articleId), expected: turn.expect.articles });
  }
}
const metrics = retrievalMetrics(queries);
if (values.misses) {
  for (const query of queries) {
    const rank = firstHitRank(query);
    if (rank !== 1) {
      const text = suite.cases.find((entry) => entry.id === query.id)?.turns[0]?.customer ?? '';
      process.stdout.write(`${query.id} rank=${rank ?? '-'} want=${query.expected.join(',')} got=${query.ranked.slice(0, 3).join(',')}\n   ${text}\n`);
    }
  }
}
for (const lang of ['ru', 'en'] as const) {
  const subset = retrievalMetrics(queries.filter((query) => query.id.includes(`-${lang}-`)));
  process.stdout.write(`${lang}: ${JSON.stringify(subset)}\n`);
}
process.stdout.write(`${JSON.stringify(metrics)}\n`);
