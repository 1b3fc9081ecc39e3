// One size of the retrieval benchmark, in its own process so peak RSS belongs to that size alone.
// Usage: node --import tsx bench/retrieval-worker.ts CHUNKS → one JSON line on stdout.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveIndex } from '../src/adapters/fs/index-store.ts';
import { TiktokenTokenizer } from '../src/adapters/tokenizer/tiktoken-tokenizer.ts';
import { HashingEmbeddings } from '../src/core/embeddings/hashing-embeddings.ts';
import { parseSuite } from '../src/core/evals/suite.ts';
import { ingest } from '../src/core/ingest/ingest.ts';
import { ExactVectorIndex } from '../src/core/retrieval/exact-vector-index.ts';
import type { HnswVectorIndex } from '../src/adapters/vector/hnsw-index.ts';
import { HybridRetriever } from '../src/core/retrieval/hybrid-retriever.ts';
import { planPartitions } from '../src/core/retrieval/dense-partitions.ts';
import { detectLanguage } from '../src/core/text/language.ts';
import { queryTerms } from '../src/core/text/terms.ts';
import { syntheticKnowledge } from './synthetic-knowledge.ts';

const chunkTarget = Number(process.argv[2]);
const QUERY_ROUNDS = Number(process.env.BENCH_QUERIES ?? 1000);
const EXACT_ROUNDS = Math.min(QUERY_ROUNDS, Number(process.env.BENCH_EXACT_QUERIES ?? 200));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function directorySize(directory: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(directory)) total += (await stat(join(directory, name))).size;
  return total;
}

const files = await syntheticKnowledge('knowledge', chunkTarget);
const embeddings = new HashingEmbeddings();
const tokenizer = new TiktokenTokenizer();
const workspace = await mkdtemp(join(tmpdir(), 'firstline-bench-'));
try {
  const ingestStarted = performance.now();
  const { snapshot } = await ingest(
    files,
    undefined,
    { chunking: { maxTokens: 300, overlapTokens: 40 }, maxArticleBytes: 1 << 20 },
    {
      embedder: { id: embeddings.modelId, embeddings, batchSize: 512 },
      tokenizer,
      now: () => new Date(),
    },
  );
  const stored = await saveIndex(workspace, snapshot);
  const ingestSeconds = (performance.now() - ingestStarted) / 1000;
  const chunks = snapshot.chunks.length;
  const size = await directorySize(join(workspace, stored.generation));

  const suite = parseSuite('evals/retrieval.yaml', await readFile('evals/retrieval.yaml', 'utf8'));
  const queries = suite.cases.map((entry) => entry.turns[0]?.customer ?? '');
  const retriever = new HybridRetriever(stored.index, embeddings);
  const dimensions = snapshot.manifest.embedder.dimensions;
  // The exact baseline scans the same language partition the HNSW index searches.
  const exact = new Map(
    planPartitions(snapshot.chunks, snapshot.vectors, dimensions).map((plan) => [
      plan.lang,
      new ExactVectorIndex(plan.vectors, dimensions),
    ]),
  );
  // The Node loader builds HNSW partitions; `nearest` times the search without a promise in between.
  const hnswByLang = new Map(
    stored.index.dense.map((partition) => [partition.lang, partition.index as HnswVectorIndex]),
  );
  const queryLangs = queries.map((query) => detectLanguage(query));
  const queryVectors = queries.map((query) => embeddings.embedQuerySync(query));

  for (let round = 0; round < 50; round += 1)
    await retriever.retrieve(queries[round % queries.length] ?? '', { k: 10 });
  const hybrid: number[] = [];
  const hnsw: number[] = [];
  const lexical: number[] = [];
  for (let round = 0; round < QUERY_ROUNDS; round += 1) {
    const query = queries[round % queries.length] ?? '';
    const vector = queryVectors[round % queries.length] ?? new Float32Array();
    const lang = queryLangs[round % queries.length] ?? 'ru';
    let started = performance.now();
    await retriever.retrieve(query, { k: 10, lang });
    hybrid.push(performance.now() - started);
    started = performance.now();
    hnswByLang.get(lang)?.nearest(vector, 10);
    hnsw.push(performance.now() - started);
    started = performance.now();
    stored.index.lexical.search(stored.index.lexical.expand(queryTerms(query)), 40, lang);
    lexical.push(performance.now() - started);
  }
  const exactTimes: number[] = [];
  let found = 0;
  for (let round = 0; round < EXACT_ROUNDS; round += 1) {
    const vector = queryVectors[round % queries.length] ?? new Float32Array();
    const lang = queryLangs[round % queries.length] ?? 'ru';
    const started = performance.now();
    const truth = exact.get(lang)?.nearest(vector, 10) ?? [];
    exactTimes.push(performance.now() - started);
    const truthLabels = new Set(truth.map((hit) => hit.label));
    found += (hnswByLang.get(lang)?.nearest(vector, 10) ?? []).filter((hit) => truthLabels.has(hit.label)).length;
  }
  const result = {
    chunks,
    ingestSeconds,
    ingestChunksPerSecond: chunks / ingestSeconds,
    indexBytes: size,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    hybrid: { p50: percentile(hybrid, 50), p99: percentile(hybrid, 99) },
    hnsw: { p50: percentile(hnsw, 50), p99: percentile(hnsw, 99) },
    lexical: { p50: percentile(lexical, 50), p99: percentile(lexical, 99) },
    exact: { p50: percentile(exactTimes, 50), p99: percentile(exactTimes, 99) },
    hnswSpeedup: percentile(exactTimes, 50) / percentile(hnsw, 50),
    recallAt10: found / (EXACT_ROUNDS * 10),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  tokenizer.free();
  await rm(workspace, { recursive: true, force: true });
}
