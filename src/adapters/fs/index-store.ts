// Persists knowledge indexes as generations in a directory, switched atomically via a CURRENT file. Runtime: Node.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Chunk } from '../../core/knowledge/chunk.ts';
import { Bm25Index, type Bm25Data } from '../../core/retrieval/bm25-index.ts';
import type { IndexManifest, IndexSnapshot } from '../../core/retrieval/index-snapshot.ts';
import { INDEX_FORMAT_VERSION } from '../../core/retrieval/index-snapshot.ts';
import type { KnowledgeIndex } from '../../core/retrieval/knowledge-index.ts';
import { buildLexicalIndex } from '../../core/retrieval/lexical-index.ts';
import { planPartitions } from '../../core/retrieval/dense-partitions.ts';
import type { Lang } from '../../core/text/lang.ts';
import { pack, unpack } from '../../core/util/binary-pack.ts';
import { HnswVectorIndex, type HnswOptions, DEFAULT_HNSW } from '../vector/hnsw-index.ts';

const CURRENT = 'CURRENT';

interface HnswPartition {
  readonly lang: Lang;
  readonly labels: Int32Array;
  readonly index: HnswVectorIndex;
}

async function buildPartitions(snapshot: IndexSnapshot, hnsw: HnswOptions): Promise<HnswPartition[]> {
  const dimensions = snapshot.manifest.embedder.dimensions;
  return Promise.all(
    planPartitions(snapshot.chunks, snapshot.vectors, dimensions).map(async (plan) => ({
      lang: plan.lang,
      labels: plan.labels,
      index: await HnswVectorIndex.build(plan.vectors, dimensions, hnsw),
    })),
  );
}

export interface StoredIndex {
  readonly snapshot: IndexSnapshot;
  readonly index: KnowledgeIndex;
  readonly generation: string;
  readonly directory: string;
}

async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}-${Date.now()}`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

/**
 * Writes a snapshot and its built indexes into a new generation directory, then points CURRENT at it
 * (write-then-rename, so readers see the old or the new index, never a partial one), then prunes
 * older generations. Returns the loaded index.
 */
export async function saveIndex(
  directory: string,
  snapshot: IndexSnapshot,
  hnsw: HnswOptions = DEFAULT_HNSW,
): Promise<StoredIndex> {
  const generation = `gen-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const target = join(directory, generation);
  await mkdir(target, { recursive: true });
  const dimensions = snapshot.manifest.embedder.dimensions;
  const dense = await buildPartitions(snapshot, hnsw);
  const lexical = buildLexicalIndex(snapshot.chunks);
  const { terms, ...arrays } = lexical.data;
  await Promise.all([
    writeFile(join(target, 'manifest.json'), `${JSON.stringify(snapshot.manifest, null, 2)}\n`),
    writeFile(join(target, 'chunks.json'), JSON.stringify({ chunks: snapshot.chunks, embeddingKeys: snapshot.embeddingKeys })),
    writeFile(join(target, 'vectors.bin'), pack({ dimensions }, { vectors: snapshot.vectors })),
    writeFile(join(target, 'lexical.bin'), pack({ terms }, arrays)),
    ...dense.map((partition) => partition.index.save(join(target, `hnsw-${partition.lang}.bin`))),
  ]);
  await writeAtomically(join(directory, CURRENT), `${generation}\n`);
  await pruneGenerations(directory, generation);
  return { snapshot, index: { manifest: snapshot.manifest, chunks: snapshot.chunks, dense, lexical }, generation, directory };
}

async function pruneGenerations(directory: string, keep: string): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() && entry.name.startsWith('gen-') && entry.name !== keep)
      .map((entry) => rm(join(directory, entry.name), { recursive: true, force: true })),
  );
}

/**
 * Loads the current generation (or the one named, e.g. the generation a server process already serves), or
 * undefined when the directory holds no complete index.
 */
export async function loadIndex(directory: string, hnsw: HnswOptions = DEFAULT_HNSW, only?: string): Promise<StoredIndex | undefined> {
  const generation = only ?? (await readFile(join(directory, CURRENT), 'utf8').catch(() => '')).trim();
  if (generation === '') return undefined;
  const source = join(directory, generation);
  const manifest = JSON.parse(await readFile(join(source, 'manifest.json'), 'utf8')) as IndexManifest;
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return undefined;
  const stored = JSON.parse(await readFile(join(source, 'chunks.json'), 'utf8')) as {
    chunks: Chunk[];
    embeddingKeys: string[];
  };
  const vectorPack = unpack(new Uint8Array(await readFile(join(source, 'vectors.bin'))));
  const lexicalPack = unpack(new Uint8Array(await readFile(join(source, 'lexical.bin'))));
  const dimensions = manifest.embedder.dimensions;
  const rawVectors = vectorPack.arrays.vectors;
  const vectors = rawVectors instanceof Float32Array ? rawVectors : new Float32Array();
  const lexical = new Bm25Index({ ...(lexicalPack.arrays as unknown as Omit<Bm25Data, 'terms'>), terms: (lexicalPack.meta as { terms: string[] }).terms });
  const snapshot: IndexSnapshot = { manifest, chunks: stored.chunks, embeddingKeys: stored.embeddingKeys, vectors };
  const dense = await Promise.all(
    planPartitions(stored.chunks, vectors, dimensions).map(async (plan) => ({
      lang: plan.lang,
      labels: plan.labels,
      index: await HnswVectorIndex.load(join(source, `hnsw-${plan.lang}.bin`), dimensions, hnsw),
    })),
  );
  return {
    snapshot,
    index: { manifest, chunks: stored.chunks, dense, lexical },
    generation,
    directory,
  };
}
