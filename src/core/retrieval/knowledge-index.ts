// A loaded knowledge index: chunks with their dense and lexical indexes, ready to search. Runtime: any.
import type { Chunk } from '../knowledge/chunk.ts';
import type { VectorIndex } from '../ports/vector-index.ts';
import type { Bm25Index } from './bm25-index.ts';
import type { IndexManifest } from './index-snapshot.ts';

export interface KnowledgeIndex {
  readonly manifest: IndexManifest;
  readonly chunks: readonly Chunk[];
  /** Dense index whose labels are positions in `chunks`. */
  readonly vectors: VectorIndex;
  /** Lexical index whose labels are positions in `chunks`. */
  readonly lexical: Bm25Index;
}
