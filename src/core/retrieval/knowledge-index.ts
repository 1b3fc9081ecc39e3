// A loaded knowledge index: chunks with their dense and lexical indexes, ready to search. Runtime: any.
import type { Chunk } from '../knowledge/chunk.ts';
import type { Bm25Index } from './bm25-index.ts';
import type { DensePartition } from './dense-partitions.ts';
import type { IndexManifest } from './index-snapshot.ts';

export interface KnowledgeIndex {
  readonly manifest: IndexManifest;
  readonly chunks: readonly Chunk[];
  /** Dense indexes, one per language; their labels map to positions in `chunks`. */
  readonly dense: readonly DensePartition[];
  /** Lexical index whose labels are positions in `chunks`. */
  readonly lexical: Bm25Index;
}
