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
import { dequantizeVectors, quantizeVectors } from './quantized-vectors.ts';

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

/** `quantize: true` stores the vectors as int8 with a scale each (a quarter of the bytes); decoding reads either. */
export function encodeGeneration(
  snapshot: IndexSnapshot,
  lexical: Bm25Index = buildLexicalIndex(snapshot.chunks),
  options: { readonly quantize?: boolean } = {},
): GenerationFiles {
  const { terms, ...arrays } = lexical.data;
  const dimensions = snapshot.manifest.embedder.dimensions;
  const quantized = options.quantize === true ? quantizeVectors(snapshot.vectors, dimensions) : undefined;
  return {
    manifest: `${JSON.stringify(snapshot.manifest, null, 2)}\n`,
    chunks: JSON.stringify({ chunks: snapshot.chunks, embeddingKeys: snapshot.embeddingKeys }),
    vectors:
      quantized === undefined
        ? pack({ dimensions }, { vectors: snapshot.vectors })
        : pack(
            { dimensions, quantized: 'int8' },
            { codes: new Uint8Array(quantized.codes.buffer), scales: quantized.scales },
          ),
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
  const vectors = vectorsOf(vectorPack, manifest.embedder.dimensions);
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

/** The float32 vectors of a pack, stored as they are or as int8 codes with a scale each. */
function vectorsOf(vectorPack: ReturnType<typeof unpack>, dimensions: number): Float32Array {
  const { codes, scales, vectors } = vectorPack.arrays;
  if ((vectorPack.meta as { quantized?: string }).quantized !== 'int8')
    return vectors instanceof Float32Array ? vectors : new Float32Array();
  if (!(codes instanceof Uint8Array) || !(scales instanceof Float32Array)) return new Float32Array();
  const signed = new Int8Array(codes.buffer, codes.byteOffset, codes.byteLength);
  return dequantizeVectors({ codes: signed, scales }, dimensions);
}
