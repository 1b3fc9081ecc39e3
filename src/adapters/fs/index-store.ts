// Persists knowledge indexes as generations in a directory, switched atomically via a CURRENT file: the
// runtime-free files of the codec plus one HNSW graph per language. Runtime: Node.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  decodeGeneration,
  decodeManifest,
  encodeGeneration,
  GENERATION_FILES,
} from '../../core/retrieval/index-codec.ts';
import type { IndexSnapshot } from '../../core/retrieval/index-snapshot.ts';
import type { KnowledgeIndex } from '../../core/retrieval/knowledge-index.ts';
import { buildLexicalIndex } from '../../core/retrieval/lexical-index.ts';
import { planPartitions } from '../../core/retrieval/dense-partitions.ts';
import type { Lang } from '../../core/text/lang.ts';
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
  const dense = await buildPartitions(snapshot, hnsw);
  const lexical = buildLexicalIndex(snapshot.chunks);
  const files = encodeGeneration(snapshot, lexical);
  await Promise.all([
    ...Object.entries(GENERATION_FILES).map(([part, name]) =>
      writeFile(join(target, name), files[part as keyof typeof GENERATION_FILES]),
    ),
    ...dense.map((partition) => partition.index.save(join(target, `hnsw-${partition.lang}.bin`))),
  ]);
  await writeAtomically(join(directory, CURRENT), `${generation}\n`);
  await pruneGenerations(directory, generation);
  return {
    snapshot,
    index: { manifest: snapshot.manifest, chunks: snapshot.chunks, dense, lexical },
    generation,
    directory,
  };
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
export async function loadIndex(
  directory: string,
  hnsw: HnswOptions = DEFAULT_HNSW,
  only?: string,
): Promise<StoredIndex | undefined> {
  const generation = only ?? (await readFile(join(directory, CURRENT), 'utf8').catch(() => '')).trim();
  if (generation === '') return undefined;
  const source = join(directory, generation);
  const manifestText = await readFile(join(source, GENERATION_FILES.manifest), 'utf8');
  if (decodeManifest(manifestText) === undefined) return undefined;
  const [chunks, vectors, lexical] = await Promise.all([
    readFile(join(source, GENERATION_FILES.chunks), 'utf8'),
    readFile(join(source, GENERATION_FILES.vectors)),
    readFile(join(source, GENERATION_FILES.lexical)),
  ]);
  const decoded = decodeGeneration({
    manifest: manifestText,
    chunks,
    vectors: new Uint8Array(vectors),
    lexical: new Uint8Array(lexical),
  });
  if (decoded === undefined) return undefined;
  const { snapshot } = decoded;
  const { manifest } = snapshot;
  const dimensions = manifest.embedder.dimensions;
  const dense = await Promise.all(
    planPartitions(snapshot.chunks, snapshot.vectors, dimensions).map(async (plan) => ({
      lang: plan.lang,
      labels: plan.labels,
      index: await HnswVectorIndex.load(join(source, `hnsw-${plan.lang}.bin`), dimensions, hnsw),
    })),
  );
  return {
    snapshot,
    index: { manifest, chunks: snapshot.chunks, dense, lexical: decoded.lexical },
    generation,
    directory,
  };
}
