// An embedder fake that wraps the real hashing embeddings and records every text it was asked to embed.
import { HashingEmbeddings } from '../../src/core/embeddings/hashing-embeddings.ts';
import type { Embedder } from '../../src/core/ports/embedder.ts';

export interface RecordingEmbedder extends Embedder {
  readonly calls: string[][];
}

export function recordingEmbedder(dimensions = 64): RecordingEmbedder {
  const inner = new HashingEmbeddings({ dimensions });
  const calls: string[][] = [];
  return {
    id: inner.modelId,
    batchSize: 8,
    calls,
    embeddings: {
      embedDocuments: async (texts) => {
        calls.push([...texts]);
        return inner.embedDocuments(texts);
      },
      embedQuery: (text) => inner.embedQuery(text),
    },
  };
}
