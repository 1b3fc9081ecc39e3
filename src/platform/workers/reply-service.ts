// The reply pipeline in stateless request isolates: the desk object calls it over RPC (service binding `REPLIES`), so
// the CPU of retrieval, composition and checking is spent outside the object, whose single thread keeps only the
// desk's state. The knowledge generation is loaded once per isolate and swapped when a new one is published.
// Runtime: Workers.
import { WorkerEntrypoint } from 'cloudflare:workers';
import { createEmbedder } from '../../adapters/embeddings/create-embedder.ts';
import { consoleLogger } from '../../adapters/logging/console-logger.ts';
import { parseConfig, type Config } from '../../core/config/config.ts';
import type { ArticlePage } from '../../core/ports/article-source.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { Reply } from '../../core/ports/reply-generator.ts';
import type { ReplyPipeline } from '../../core/reply/reply-pipeline.ts';
import { exactKnowledgeIndex } from '../../core/retrieval/index-codec.ts';
import { HybridRetriever } from '../../core/retrieval/hybrid-retriever.ts';
import { createReplyPipeline } from '../shared/desk-services.ts';
import { transferableReply } from '../shared/transferable-reply.ts';
import { knowledgeGenerations, type Generations, type LayoutReader } from './knowledge-generations.ts';
import {
  readBundled,
  settingsOf,
  type KnowledgeStatus,
  type RemoteReplyRequest,
  type WorkersEnv,
} from './worker-env.ts';

/** What one loaded generation serves. */
interface Serving {
  readonly generation: string;
  readonly pipeline: ReplyPipeline;
  readonly articles: ReadonlyMap<string, ArticlePage>;
  readonly chunks: number;
}

/** How often an isolate looks for a newly published generation. */
const REFRESH_MS = 30_000;

/** Where generations are read: the bundled static assets (default) or R2 (`KNOWLEDGE_SOURCE=r2`). */
export function layoutReader(env: WorkersEnv): LayoutReader {
  const source = env['KNOWLEDGE_SOURCE'] ?? 'assets';
  if (source === 'assets') return (path) => readBundled(env.ASSETS, path);
  if (source !== 'r2') throw new Error(`KNOWLEDGE_SOURCE must be assets or r2 (got "${String(source)}")`);
  const bucket = env.FILES;
  if (bucket === undefined) throw new Error('KNOWLEDGE_SOURCE=r2 needs the FILES bucket binding');
  return async (path) => {
    const object = await bucket.get(path);
    return object === null ? undefined : new Uint8Array(await object.arrayBuffer());
  };
}

/** The pipeline for one decoded generation, with the embedder this configuration names (it must be the index's). */
async function servingOf(
  config: Config,
  logger: Logger,
  generation: string,
  index: ReturnType<typeof exactKnowledgeIndex>,
  articles: Uint8Array,
): Promise<Serving> {
  const embedder = await createEmbedder(config);
  if (embedder.id !== index.manifest.embedder.id)
    throw new Error(
      `knowledge generation ${generation} was built with ${index.manifest.embedder.id}, not ${embedder.id}: ingest with the Worker's settings and publish again`,
    );
  const retriever = new HybridRetriever(index, embedder.queryEmbeddings ?? embedder.embeddings, {
    queryTimeoutMs: config.EMBEDDINGS_TIMEOUT_MS,
  });
  const pages = JSON.parse(new TextDecoder().decode(articles)) as Record<string, ArticlePage>;
  return {
    generation,
    pipeline: createReplyPipeline(config, { stored: { index }, retriever }, logger),
    articles: new Map(Object.entries(pages)),
    chunks: index.chunks.length,
  };
}

/** One per isolate: the settings do not change while it lives. */
let shared: { readonly generations: Generations<Serving>; readonly logger: Logger } | undefined;

function knowledgeOf(env: WorkersEnv) {
  if (shared !== undefined) return shared;
  const config = parseConfig(settingsOf(env));
  const logger = consoleLogger(config.LOG_LEVEL, { redactPii: config.REDACT_PII === 'on' });
  const generations = knowledgeGenerations<Serving>({
    read: layoutReader(env),
    build: (generation, decoded, articles) =>
      servingOf(config, logger, generation, exactKnowledgeIndex(decoded), articles),
    refreshMs: REFRESH_MS,
    clock: () => Date.now(),
    logger,
  });
  shared = { generations, logger };
  return shared;
}

export class ReplyService extends WorkerEntrypoint<WorkersEnv> {
  /** Always resolves: a generation that cannot be loaded is thrown to the caller, which hands off. */
  async reply(request: RemoteReplyRequest, onToken?: (token: string) => void): Promise<Reply> {
    const { generations } = knowledgeOf(this.env);
    const serving = await generations.current();
    const reply = await serving.pipeline.reply(
      onToken === undefined ? request : { ...request, onToken: (token) => void onToken(token) },
    );
    return transferableReply(reply);
  }

  async article(id: string): Promise<ArticlePage | undefined> {
    return (await knowledgeOf(this.env).generations.current()).articles.get(id);
  }

  async status(): Promise<KnowledgeStatus> {
    const serving = await knowledgeOf(this.env).generations.current();
    return { generation: serving.generation, chunks: serving.chunks };
  }
}
