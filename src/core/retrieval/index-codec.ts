// One index generation as bytes, for any runtime: the manifest, the chunks, the vectors and the BM25 arrays,
// encoded and decoded without touching a file system. A runtime without an HNSW library loads the same
// generation with the exact vector index (`exactKnowledgeIndex`). Runtime: any.
import type { Chunk } from '../knowledge/chunk.ts';
import { pack, unpack } from '../util/binary-pack.ts';
import { Bm25Index, type Bm25Data } from './bm25-index.ts';
import { planPartitions } from './dense-partitions.ts';
import { ExactVectorIndex } from './exact-vector-index.ts';
import { INDEX_FORMAT_VERSION, type IndexManifest, type IndexSnapshot } from './index-snapshot.ts';
import type { KnowledgeIndex } from './knowledge-index.ts';
import { buildLexicalIndex } from './lexical-index.ts';

/** The files of a generation every runtime reads; runtime-specific indexes (HNSW graphs) sit beside them. */
export const GENERATION_FILES = {
  manifest: 'manifest.json',
  chunks: 'chunks.json',
  vectors: 'vectors.bin',
  lexical: 'lexical.bin',
} as const;

export interface GenerationFiles {
  readonly manifest: string;
  readonly chunks: string;
  readonly vectors: Uint8Array;
  readonly lexical: Uint8Array;
}

export interface DecodedGeneration {
  readonly snapshot: IndexSnapshot;
  readonly lexical: Bm25Index;
}

export function encodeGeneration(
  snapshot: IndexSnapshot,
  lexical: Bm25Index = buildLexicalIndex(snapshot.chunks),
): GenerationFiles {
  const { terms, ...arrays } = lexical.data;
  return {
    manifest: `${JSON.stringify(snapshot.manifest, null, 2)}\n`,
    chunks: JSON.stringify({ chunks: snapshot.chunks, embeddingKeys: snapshot.embeddingKeys }),
    vectors: pack({ dimensions: snapshot.manifest.embedder.dimensions }, { vectors: snapshot.vectors }),
    lexical: pack({ terms }, arrays),
  };
}

/** The manifest alone (to check the format before reading the rest); undefined for another format version. */
export function decodeManifest(text: string): IndexManifest | undefined {
  const manifest = JSON.parse(text) as IndexManifest;
  return manifest.formatVersion === INDEX_FORMAT_VERSION ? manifest : undefined;
}

/** A generation's snapshot and lexical index; undefined when it was written in another format version. */
export function decodeGeneration(files: GenerationFiles): DecodedGeneration | undefined {
  const manifest = decodeManifest(files.manifest);
  if (manifest === undefined) return undefined;
  const stored = JSON.parse(files.chunks) as { chunks: Chunk[]; embeddingKeys: string[] };
  const vectorPack = unpack(files.vectors);
  const lexicalPack = unpack(files.lexical);
  const rawVectors = vectorPack.arrays.vectors;
  const vectors = rawVectors instanceof Float32Array ? rawVectors : new Float32Array();
  const lexical = new Bm25Index({
    ...(lexicalPack.arrays as unknown as Omit<Bm25Data, 'terms'>),
    terms: (lexicalPack.meta as { terms: string[] }).terms,
  });
  return { snapshot: { manifest, chunks: stored.chunks, embeddingKeys: stored.embeddingKeys, vectors }, lexical };
}

/** The generation ready to search with exact dense scans, one per language: for runtimes without HNSW. */
export function exactKnowledgeIndex(decoded: DecodedGeneration): KnowledgeIndex {
  const { snapshot } = decoded;
  const dimensions = snapshot.manifest.embedder.dimensions;
  const dense = planPartitions(snapshot.chunks, snapshot.vectors, dimensions).map((plan) => ({
    lang: plan.lang,
    labels: plan.labels,
    index: new ExactVectorIndex(plan.vectors, dimensions),
  }));
  return { manifest: snapshot.manifest, chunks: snapshot.chunks, dense, lexical: decoded.lexical };
}
