// Node wiring of ingestion and index loading: files from disk, tiktoken, hnswlib, the configured embedder. Runtime: Node.
import { createEmbedder } from '../../adapters/embeddings/create-embedder.ts';
import { readKnowledgeFiles } from '../../adapters/fs/knowledge-files.ts';
import { loadIndex, saveIndex, type StoredIndex } from '../../adapters/fs/index-store.ts';
import { TiktokenTokenizer } from '../../adapters/tokenizer/tiktoken-tokenizer.ts';
import type { Config } from '../../core/config/config.ts';
import { ingest, type IngestStats } from '../../core/ingest/ingest.ts';
import type { Embedder } from '../../core/ports/embedder.ts';
import { HybridRetriever, type HybridRetrieverOptions } from '../../core/retrieval/hybrid-retriever.ts';

/** How the retriever reports remote query embeddings (metrics, logs). */
export type QueryEmbeddingObserver = HybridRetrieverOptions['onQueryEmbedding'];

function retrieverFor(
  stored: StoredIndex,
  embedder: Embedder,
  config: Config,
  observer: QueryEmbeddingObserver,
): HybridRetriever {
  return new HybridRetriever(stored.index, embedder.queryEmbeddings ?? embedder.embeddings, {
    queryTimeoutMs: config.EMBEDDINGS_TIMEOUT_MS,
    onQueryEmbedding: observer,
  });
}

export interface IngestRun {
  readonly stored: StoredIndex;
  readonly stats: IngestStats;
  readonly seconds: number;
}

/** Ingests `config.KNOWLEDGE_DIR` into `config.INDEX_DIR`, reusing the current index where unchanged. */
export async function ingestKnowledge(
  config: Config,
  options: { embedder?: Embedder; onProgress?: (done: number, total: number) => void } = {},
): Promise<IngestRun> {
  const started = performance.now();
  const embedder = options.embedder ?? (await createEmbedder(config));
  const files = await readKnowledgeFiles(config.KNOWLEDGE_DIR);
  const previous = await loadIndex(config.INDEX_DIR).catch(() => undefined);
  const tokenizer = new TiktokenTokenizer();
  try {
    const { snapshot, stats } = await ingest(
      files,
      previous?.snapshot,
      {
        chunking: { maxTokens: config.CHUNK_MAX_TOKENS, overlapTokens: config.CHUNK_OVERLAP_TOKENS },
        maxArticleBytes: config.MAX_ARTICLE_BYTES,
      },
      { embedder, tokenizer, now: () => new Date(), onProgress: options.onProgress },
    );
    const stored = await saveIndex(config.INDEX_DIR, snapshot);
    return { stored, stats, seconds: (performance.now() - started) / 1000 };
  } finally {
    tokenizer.free();
  }
}

export interface OpenedKnowledge {
  readonly stored: StoredIndex;
  readonly retriever: HybridRetriever;
  readonly embedder: Embedder;
  /** Set when the index had to be built (missing, or built by another embedder). */
  readonly ingested?: IngestRun | undefined;
}

/** Opens one index generation that is already on disk (a reply worker opens the one its server serves). */
export async function openGeneration(
  config: Config,
  generation: string,
  observer?: QueryEmbeddingObserver,
): Promise<OpenedKnowledge> {
  const stored = await loadIndex(config.INDEX_DIR, undefined, generation);
  if (stored === undefined)
    throw new Error(`index generation ${generation} in ${config.INDEX_DIR} could not be loaded`);
  const embedder = await createEmbedder(config);
  return { stored, retriever: retrieverFor(stored, embedder, config, observer), embedder };
}

/** Loads the index, building it first when it is missing or was built with a different embedder. */
export async function openKnowledge(config: Config, observer?: QueryEmbeddingObserver): Promise<OpenedKnowledge> {
  const embedder = await createEmbedder(config);
  let stored = await loadIndex(config.INDEX_DIR).catch(() => undefined);
  let ingested: IngestRun | undefined;
  if (stored === undefined || stored.snapshot.manifest.embedder.id !== embedder.id) {
    ingested = await ingestKnowledge(config, { embedder });
    stored = ingested.stored;
  }
  return { stored, retriever: retrieverFor(stored, embedder, config, observer), embedder, ingested };
}
