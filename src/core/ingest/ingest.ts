// Ingestion: validates articles, re-chunks only changed ones, embeds only texts not in the cache. Runtime: any.
import { summarizeArticle, type Article } from '../knowledge/article.ts';
import { chunkIndexText, type Chunk } from '../knowledge/chunk.ts';
import { chunkArticle, type ChunkingOptions } from '../knowledge/chunk-article.ts';
import { KnowledgeError, type KnowledgeProblem } from '../knowledge/knowledge-error.ts';
import { parseArticle } from '../knowledge/parse-article.ts';
import { parseThesaurus, THESAURUS_FILE } from '../knowledge/parse-thesaurus.ts';
import type { ThesaurusData } from '../text/thesaurus.ts';
import type { Embedder } from '../ports/embedder.ts';
import type { Tokenizer } from '../ports/tokenizer.ts';
import { INDEX_FORMAT_VERSION, type IndexedArticle, type IndexSnapshot } from '../retrieval/index-snapshot.ts';
import { sha256Hex } from '../text/hash.ts';
import { unitVector } from '../util/unit-vector.ts';

export interface SourceFile {
  /** Path relative to the knowledge directory. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface IngestOptions {
  readonly chunking: ChunkingOptions;
  readonly maxArticleBytes: number;
}

export interface IngestDependencies {
  readonly embedder: Embedder;
  readonly tokenizer: Tokenizer;
  readonly now: () => Date;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface IngestStats {
  readonly articles: number;
  readonly chunks: number;
  /** Chunk texts sent to the embedder. */
  readonly embedded: number;
  /** Chunks whose vector came from the previous index. */
  readonly reused: number;
  /** Articles re-chunked because they are new or changed. */
  readonly changedArticles: number;
  readonly removedArticles: number;
}

/** Validates every file; throws {@link KnowledgeError} listing all problems (bad files, duplicate ids). */
export function parseKnowledge(files: readonly SourceFile[], maxArticleBytes: number): Article[] {
  const problems: KnowledgeProblem[] = [];
  const articles: Article[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const result = parseArticle(file.path, file.bytes, maxArticleBytes);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const previous = seen.get(result.article.id);
    if (previous !== undefined) {
      problems.push({
        file: file.path,
        line: 2,
        message: `duplicate id "${result.article.id}", also used by ${previous}`,
      });
      continue;
    }
    seen.set(result.article.id, file.path);
    articles.push(result.article);
  }
  if (files.length === 0) problems.push({ file: '(knowledge directory)', message: 'no .md articles found' });
  if (problems.length > 0) throw new KnowledgeError(problems);
  return articles.sort((left, right) => left.id.localeCompare(right.id));
}

/** The knowledge base's own thesaurus, when it has one; throws {@link KnowledgeError} naming the line of a problem. */
function readThesaurus(files: readonly SourceFile[]): ThesaurusData | undefined {
  const file = files.find((entry) => entry.path === THESAURUS_FILE);
  if (file === undefined) return undefined;
  const result = parseThesaurus(file.path, file.bytes);
  if (!result.ok) throw new KnowledgeError(result.problems);
  return result.thesaurus;
}

/**
 * Builds a new snapshot from source files, reusing chunks of unchanged articles and cached vectors
 * from `previous` (same embedder). The previous snapshot is never modified.
 */
export async function ingest(
  files: readonly SourceFile[],
  previous: IndexSnapshot | undefined,
  options: IngestOptions,
  dependencies: IngestDependencies,
): Promise<{ snapshot: IndexSnapshot; stats: IngestStats }> {
  const { embedder, tokenizer } = dependencies;
  const thesaurus = readThesaurus(files);
  const articles = parseKnowledge(
    files.filter((file) => file.path !== THESAURUS_FILE),
    options.maxArticleBytes,
  );
  const bytesByPath = new Map(files.map((file) => [file.path, file.bytes]));
  const settingsKey = JSON.stringify(options.chunking);

  const sameEmbedder = previous?.manifest.embedder.id === embedder.id;
  const dimensions = previous?.manifest.embedder.dimensions ?? 0;
  const previousArticles = new Map((previous?.manifest.articles ?? []).map((article) => [article.id, article]));
  const previousChunks = new Map<string, Chunk[]>();
  const cache = new Map<string, Float32Array>();
  previous?.chunks.forEach((chunk, position) => {
    const list = previousChunks.get(chunk.articleId) ?? [];
    list.push(chunk);
    previousChunks.set(chunk.articleId, list);
    const key = previous.embeddingKeys[position];
    if (sameEmbedder && key !== undefined) {
      cache.set(key, previous.vectors.subarray(position * dimensions, (position + 1) * dimensions));
    }
  });

  const indexed: IndexedArticle[] = [];
  const chunks: Chunk[] = [];
  let changedArticles = 0;
  for (const article of articles) {
    const bytes = bytesByPath.get(article.path) ?? new Uint8Array();
    const hash = await sha256Hex(`${await sha256Hex(bytes)}\n${settingsKey}`);
    indexed.push({ ...summarizeArticle(article), hash });
    const reusable = previousArticles.get(article.id)?.hash === hash ? previousChunks.get(article.id) : undefined;
    if (reusable === undefined) changedArticles += 1;
    chunks.push(...(reusable ?? chunkArticle(article, tokenizer, options.chunking)));
  }

  const embeddingKeys = await Promise.all(chunks.map((chunk) => sha256Hex(`${embedder.id}\n${chunkIndexText(chunk)}`)));
  const missing = [...new Set(embeddingKeys.filter((key) => !cache.has(key)))];
  const textByKey = new Map(embeddingKeys.map((key, position) => [key, chunkIndexText(chunks[position] as Chunk)]));
  const fresh = new Set(missing);
  let done = 0;
  dependencies.onProgress?.(0, missing.length);
  for (let start = 0; start < missing.length; start += embedder.batchSize) {
    const batch = missing.slice(start, start + embedder.batchSize);
    const vectors = await embedder.embeddings.embedDocuments(batch.map((key) => textByKey.get(key) ?? ''));
    batch.forEach((key, index) => cache.set(key, unitVector(vectors[index] ?? [])));
    done += batch.length;
    dependencies.onProgress?.(done, missing.length);
  }

  const outputDimensions = chunks.length === 0 ? dimensions : (cache.get(embeddingKeys[0] ?? '')?.length ?? 0);
  const vectors = new Float32Array(chunks.length * outputDimensions);
  embeddingKeys.forEach((key, position) => {
    const vector = cache.get(key);
    if (vector === undefined || vector.length !== outputDimensions) {
      throw new Error(`embedder returned a vector of ${vector?.length ?? 0} dimensions, expected ${outputDimensions}`);
    }
    vectors.set(vector, position * outputDimensions);
  });

  const currentIds = new Set(articles.map((article) => article.id));
  const removedArticles = [...previousArticles.keys()].filter((id) => !currentIds.has(id)).length;
  return {
    snapshot: {
      manifest: {
        formatVersion: INDEX_FORMAT_VERSION,
        createdAt: dependencies.now().toISOString(),
        embedder: { id: embedder.id, dimensions: outputDimensions },
        chunking: options.chunking,
        articles: indexed,
        chunkCount: chunks.length,
        ...(thesaurus === undefined ? {} : { thesaurus }),
      },
      chunks,
      embeddingKeys,
      vectors,
    },
    stats: {
      articles: articles.length,
      chunks: chunks.length,
      embedded: missing.length,
      reused: embeddingKeys.filter((key) => !fresh.has(key)).length,
      changedArticles,
      removedArticles,
    },
  };
}
