// The reply pipeline in stateless request isolates: the desk object calls it over RPC (service binding `REPLIES`), so
// the CPU of retrieval, composition and checking is spent outside the object, whose single thread keeps only the
// desk's state. The knowledge generation is loaded once per isolate and swapped when a new one is published.
// Runtime: Workers.
import { WorkerEntrypoint } from 'cloudflare:workers';
import { createEmbedder } from '../../adapters/embeddings/create-embedder.ts';
import { consoleLogger } from '../../adapters/logging/console-logger.ts';
import { answerComposerOf, searchAssistOf } from '../../adapters/llm/llm-paths.ts';
import { JsTiktokenTokenizer } from '../../adapters/tokenizer/js-tiktoken-tokenizer.ts';
import { parseConfig, usesLlm, type Config } from '../../core/config/config.ts';
import type { AnswerComposer } from '../../core/ports/answer-composer.ts';
import type { SearchAssist } from '../../core/retrieval/search-assist.ts';
import type { ArticlePage } from '../../core/ports/article-source.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { Reply } from '../../core/ports/reply-generator.ts';
import type { ReplyPipeline } from '../../core/reply/reply-pipeline.ts';
import { exactKnowledgeIndex } from '../../core/retrieval/index-codec.ts';
import { HybridRetriever } from '../../core/retrieval/hybrid-retriever.ts';
import { createReplyPipeline } from '../shared/desk-services.ts';
import { transferableReply } from '../shared/transferable-reply.ts';
import { bundledPrompts } from './bundled-prompts.ts';
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

/** The model's parts of the pipeline when a model is configured (built once per isolate, like the knowledge). */
interface ModelPaths {
  readonly composer?: AnswerComposer | undefined;
  readonly search?: SearchAssist | undefined;
}

/** The pipeline for one decoded generation, with the embedder this configuration names (it must be the index's). */
async function servingOf(
  config: Config,
  logger: Logger,
  model: ModelPaths,
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
    pipeline: createReplyPipeline(config, { stored: { index }, retriever }, logger, model.composer, model.search),
    articles: new Map(Object.entries(pages)),
    chunks: index.chunks.length,
  };
}

/** One per isolate: the settings do not change while it lives. */
let shared: Promise<Generations<Serving>> | undefined;

async function open(env: WorkersEnv): Promise<Generations<Serving>> {
  const config = parseConfig(settingsOf(env));
  const logger = consoleLogger(config.LOG_LEVEL, { redactPii: config.REDACT_PII === 'on' });
  // With a model: @langchain/openai over fetch, the bundle's prompts, js-tiktoken for the token budgets.
  const prompts = bundledPrompts(env.ASSETS);
  const model: ModelPaths = usesLlm(config)
    ? {
        composer: await answerComposerOf(config, logger, { prompts, tokenizer: new JsTiktokenTokenizer() }),
        search: await searchAssistOf(config, { prompts }),
      }
    : {};
  return knowledgeGenerations<Serving>({
    read: layoutReader(env),
    build: (generation, decoded, articles) =>
      servingOf(config, logger, model, generation, exactKnowledgeIndex(decoded), articles),
    refreshMs: REFRESH_MS,
    clock: () => Date.now(),
    logger,
  });
}

function knowledgeOf(env: WorkersEnv): Promise<Generations<Serving>> {
  // A failed start (a broken prompt, bad settings) is tried again by the next request, not cached.
  shared ??= open(env).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

export class ReplyService extends WorkerEntrypoint<WorkersEnv> {
  /** The pipeline's reply (a failure inside it is a handoff); a generation that cannot be loaded rejects, and the desk hands off. */
  async reply(request: RemoteReplyRequest, onToken?: (token: string) => void): Promise<Reply> {
    const serving = await (await knowledgeOf(this.env)).current();
    const reply = await serving.pipeline.reply(
      onToken === undefined ? request : { ...request, onToken: (token) => void onToken(token) },
    );
    return transferableReply(reply);
  }

  async article(id: string): Promise<ArticlePage | undefined> {
    return (await (await knowledgeOf(this.env)).current()).articles.get(id);
  }

  async status(): Promise<KnowledgeStatus> {
    const serving = await (await knowledgeOf(this.env)).current();
    return { generation: serving.generation, chunks: serving.chunks };
  }
}
