import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/core/config/config.ts';
import { retrievalMetrics, type RankedQuery } from '../src/core/evals/retrieval-metrics.ts';
import { parseSuite } from '../src/core/evals/suite.ts';
import { openKnowledge } from '../src/platform/node/knowledge-service.ts';
import { ROOT } from './run-cli.ts';

const directory = await mkdtemp(join(tmpdir(), 'firstline-quality-'));
afterAll(async () => rm(directory, { recursive: true, force: true }));

describe('retrieval quality on the shipped eval set (offline embedder)', () => {
  it('meets hit@1 ≥ 0.85 and hit@5 ≥ 0.97 overall, and stays near them in each language', async () => {
    const suitePath = join(ROOT, 'evals', 'retrieval.yaml');
    const suite = parseSuite(suitePath, await readFile(suitePath, 'utf8'));
    expect(suite.cases.length).toBeGreaterThanOrEqual(200);
    const { retriever } = await openKnowledge(
      parseConfig({ KNOWLEDGE_DIR: join(ROOT, 'knowledge'), INDEX_DIR: directory }),
    );
    const queries: RankedQuery[] = [];
    for (const entry of suite.cases) {
      const turn = entry.turns[0];
      if (turn?.expect.articles === undefined) continue;
      const result = await retriever.retrieve(turn.customer, { k: 40, lang: entry.lang });
      queries.push({
        id: `${entry.lang}:${entry.id}`,
        ranked: result.articles.map((article) => article.articleId),
        expected: turn.expect.articles,
      });
    }
    const overall = retrievalMetrics(queries);
    expect(overall.hitAt1, 'hit@1').toBeGreaterThanOrEqual(0.85);
    expect(overall.hitAt5, 'hit@5').toBeGreaterThanOrEqual(0.97);
    for (const lang of ['ru', 'en']) {
      const metrics = retrievalMetrics(queries.filter((query) => query.id.startsWith(`${lang}:`)));
      expect(metrics.queries).toBeGreaterThanOrEqual(100);
      expect(metrics.hitAt1, `${lang} hit@1`).toBeGreaterThanOrEqual(0.8);
      expect(metrics.hitAt5, `${lang} hit@5`).toBeGreaterThanOrEqual(0.95);
    }
  });
});
