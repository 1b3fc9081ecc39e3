// `npm run eval:quantization`: what storing the index's vectors as int8 (the Worker's bundle and R2 generations) costs
// in ranking. For every customer question of the eval suites, the top 10 chunks of its language by the exact float32
// scan against the top 10 over the int8 vectors read back: recall@10 per suite and language, and the bytes saved.
import { readFile } from 'node:fs/promises';
import { parseConfig } from '../src/core/config/config.ts';
import { parseSuite } from '../src/core/evals/suite.ts';
import { planPartitions } from '../src/core/retrieval/dense-partitions.ts';
import { ExactVectorIndex } from '../src/core/retrieval/exact-vector-index.ts';
import { encodeGeneration } from '../src/core/retrieval/index-codec.ts';
import { dequantizeVectors, quantizeVectors } from '../src/core/retrieval/quantized-vectors.ts';
import { detectLanguage } from '../src/core/text/language.ts';
import { openKnowledge } from '../src/platform/node/knowledge-service.ts';

const SUITES = ['evals/retrieval.yaml', 'evals/first-questions.yaml', 'evals/first-questions-holdout.yaml'];
const K = 10;

const config = parseConfig(process.env);
const knowledge = await openKnowledge(config);
const { snapshot } = knowledge.stored;
const dimensions = snapshot.manifest.embedder.dimensions;
const readBack = dequantizeVectors(quantizeVectors(snapshot.vectors, dimensions), dimensions);
const exact = new Map(
  planPartitions(snapshot.chunks, snapshot.vectors, dimensions).map((plan) => [
    plan.lang,
    new ExactVectorIndex(plan.vectors, dimensions),
  ]),
);
const quantized = new Map(
  planPartitions(snapshot.chunks, readBack, dimensions).map((plan) => [
    plan.lang,
    new ExactVectorIndex(plan.vectors, dimensions),
  ]),
);
const embeddings = knowledge.embedder.queryEmbeddings ?? knowledge.embedder.embeddings;

const rows: string[] = [];
let worst = 1;
for (const path of SUITES) {
  const suite = parseSuite(path, await readFile(path, 'utf8'));
  const recall: Record<string, number[]> = {};
  for (const evalCase of suite.cases)
    for (const turn of evalCase.turns) {
      const lang = evalCase.lang ?? detectLanguage(turn.customer);
      const query = Float32Array.from(await embeddings.embedQuery(turn.customer));
      const truth = exact.get(lang)?.nearest(query, K) ?? [];
      const found = new Set((quantized.get(lang)?.nearest(query, K) ?? []).map((hit) => hit.label));
      if (truth.length === 0) continue;
      (recall[lang] ??= []).push(truth.filter((hit) => found.has(hit.label)).length / truth.length);
    }
  for (const [lang, values] of Object.entries(recall).sort()) {
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const perfect = values.filter((value) => value === 1).length;
    worst = Math.min(worst, mean);
    rows.push(`| ${path} | ${lang} | ${values.length} | ${mean.toFixed(4)} | ${perfect}/${values.length} |`);
  }
}
const float32 = encodeGeneration(snapshot).vectors.byteLength;
const int8 = encodeGeneration(snapshot, undefined, { quantize: true }).vectors.byteLength;
console.log(`Embedder ${snapshot.manifest.embedder.id}, ${snapshot.chunks.length} chunks, ${dimensions} dimensions.\n`);
console.log('| suite | language | questions | recall@10 (int8 vs float32) | questions with all 10 |');
console.log('|---|---|---:|---:|---:|');
for (const row of rows) console.log(row);
console.log(`\nvectors.bin: ${(float32 / 1024).toFixed(1)} KiB float32 → ${(int8 / 1024).toFixed(1)} KiB int8`);
console.log(`lowest recall@10: ${worst.toFixed(4)} (target ≥ 0.98)`);
process.exitCode = worst >= 0.98 ? 0 : 1;
