// `npm run bench:retrieval`: ingest and query benchmarks at 1k, 10k and 100k synthetic chunks.
// Each size runs in its own process (peak RSS per size); prints a Markdown table and writes JSON to bench/results/.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);

interface SizeResult {
  chunks: number;
  ingestChunksPerSecond: number;
  indexBytes: number;
  peakRssBytes: number;
  hybrid: { p50: number; p99: number };
  hnsw: { p50: number; p99: number };
  lexical: { p50: number; p99: number };
  exact: { p50: number; p99: number };
  hnswSpeedup: number;
  recallAt10: number;
}

const results: SizeResult[] = [];
for (const size of sizes) {
  process.stderr.write(`bench: ${size} chunks…\n`);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/retrieval-worker.ts', String(size)], {
    maxBuffer: 1 << 20,
  });
  results.push(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as SizeResult);
}

const ms = (value: number) => value.toFixed(3);
const mb = (value: number) => (value / 1024 / 1024).toFixed(1);
const lines = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${mb(totalmem())} MiB RAM, Node ${process.version}.`,
  '',
  '| chunks | ingest (chunks/s) | index on disk (MiB) | peak RSS (MiB) | hybrid p50 / p99 (ms) | HNSW p50 / p99 (ms) | BM25 p50 / p99 (ms) | exact scan p50 / p99 (ms) | HNSW speed-up (p50) | HNSW recall@10 |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (result) =>
      `| ${result.chunks} | ${result.ingestChunksPerSecond.toFixed(0)} | ${mb(result.indexBytes)} | ${mb(result.peakRssBytes)} | ${ms(result.hybrid.p50)} / ${ms(result.hybrid.p99)} | ${ms(result.hnsw.p50)} / ${ms(result.hnsw.p99)} | ${ms(result.lexical.p50)} / ${ms(result.lexical.p99)} | ${ms(result.exact.p50)} / ${ms(result.exact.p99)} | ${result.hnswSpeedup.toFixed(1)}× | ${result.recallAt10.toFixed(3)} |`,
  ),
];
await mkdir('bench/results', { recursive: true });
await writeFile(
  `bench/results/retrieval-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  `${JSON.stringify(results, null, 2)}\n`,
);
process.stdout.write(`${lines.join('\n')}\n`);
