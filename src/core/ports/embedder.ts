// Port: an embedding model with a stable identity, so its vectors can be cached. Runtime: any.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';

export interface Embedder {
  /** Identifies model and settings; vectors are cached under (id, text hash). */
  readonly id: string;
  readonly embeddings: EmbeddingsInterface;
  /** Texts sent per embedDocuments call. */
  readonly batchSize: number;
  /** The same model set up for queries (a short client timeout, no retries), when it is remote. */
  readonly queryEmbeddings?: EmbeddingsInterface | undefined;
}
