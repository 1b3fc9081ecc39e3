// Chooses the embedder from configuration: the offline hashing embedder, or OpenAIEmbeddings for any
// OpenAI-compatible endpoint. Runtime: any (the OpenAI client is loaded only when configured).
import type { Config } from '../../core/config/config.ts';
import { usesRemoteEmbeddings } from '../../core/config/config.ts';
import { HashingEmbeddings } from '../../core/embeddings/hashing-embeddings.ts';
import type { Embedder } from '../../core/ports/embedder.ts';
import { redactPii } from '../../core/text/pii.ts';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/** The query model with the customer's personal data masked before a query is sent (REDACT_PII=on). */
function redactingQueries(embeddings: EmbeddingsInterface): EmbeddingsInterface {
  return {
    embedQuery: (text) => embeddings.embedQuery(redactPii(text)),
    embedDocuments: (texts) => embeddings.embedDocuments(texts.map(redactPii)),
  };
}

export async function createEmbedder(config: Config): Promise<Embedder> {
  if (!usesRemoteEmbeddings(config)) {
    const embeddings = new HashingEmbeddings({ dimensions: config.EMBEDDING_DIMENSIONS });
    return { id: embeddings.modelId, embeddings, batchSize: 256 };
  }
  const { OpenAIEmbeddings } = await import('@langchain/openai');
  const model = config.OPENAI_EMBEDDINGS_MODEL ?? '';
  const dimensions = config.OPENAI_EMBEDDINGS_DIMENSIONS;
  const settings = {
    model,
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    dimensions,
    batchSize: config.OPENAI_EMBEDDINGS_BATCH,
    // Plain float arrays: base64 needs a decoder some compatible servers do not emulate.
    encodingFormat: 'float' as const,
    configuration: config.OPENAI_BASE_URL === undefined ? {} : { baseURL: config.OPENAI_BASE_URL },
  };
  const queryEmbeddings = new OpenAIEmbeddings({ ...settings, maxRetries: 0, timeout: config.EMBEDDINGS_TIMEOUT_MS });
  return {
    id: `openai:${config.OPENAI_BASE_URL ?? 'default'}:${model}:${dimensions ?? 'native'}`,
    // Ingestion can wait and retry; a customer's query cannot.
    embeddings: new OpenAIEmbeddings({ ...settings, maxRetries: 2 }),
    // Articles are embedded as written; only customers' queries carry personal data.
    queryEmbeddings: config.REDACT_PII === 'on' ? redactingQueries(queryEmbeddings) : queryEmbeddings,
    batchSize: config.OPENAI_EMBEDDINGS_BATCH,
  };
}
