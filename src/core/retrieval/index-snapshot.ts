// What an ingest produces and an index directory stores: manifest, chunks and their vectors. Runtime: any.
import type { ArticleSummary } from '../knowledge/article.ts';
import type { Chunk } from '../knowledge/chunk.ts';
import type { ChunkingOptions } from '../knowledge/chunk-article.ts';
import type { ThesaurusData } from '../text/thesaurus.ts';

export const INDEX_FORMAT_VERSION = 2;

export interface IndexedArticle extends ArticleSummary {
  /** SHA-256 of the file bytes and the chunking settings; unchanged hash means reusable chunks. */
  readonly hash: string;
}

export interface IndexManifest {
  readonly formatVersion: number;
  readonly createdAt: string;
  readonly embedder: { readonly id: string; readonly dimensions: number };
  readonly chunking: ChunkingOptions;
  readonly articles: readonly IndexedArticle[];
  readonly chunkCount: number;
  /** The knowledge base's own thesaurus (thesaurus.yaml), added to the built-in one at search time. */
  readonly thesaurus?: ThesaurusData | undefined;
}

export interface IndexSnapshot {
  readonly manifest: IndexManifest;
  readonly chunks: readonly Chunk[];
  /** Cache key of each chunk's vector: SHA-256 of embedder id and embedded text. */
  readonly embeddingKeys: readonly string[];
  /** Row-major unit vectors, `chunks.length × manifest.embedder.dimensions`. */
  readonly vectors: Float32Array;
}
