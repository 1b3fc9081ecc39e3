// Node composition root: builds every adapter from configuration and serves createApp() over HTTP. Runtime: Node.
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { swaggerAssets } from '../../adapters/http/swagger-assets.ts';
import { uiAssets } from '../../adapters/http/ui-bundle.ts';
import { evalRunsDirectory } from '../../adapters/fs/eval-runs-directory.ts';
import { knowledgeArticleSource } from '../../adapters/fs/knowledge-article-source.ts';
import { createLogger } from '../../adapters/logging/pino-logger.ts';
import {
  checkPrompts,
  createAnswerComposer,
  createSearchAssist,
  createSummarizer,
} from '../../adapters/llm/create-answer-composer.ts';
import { TiktokenTokenizer } from '../../adapters/tokenizer/tiktoken-tokenizer.ts';
import { ModelMetricsRegistry } from '../../core/metrics/model-metrics-registry.ts';
import { SqliteStore } from '../../adapters/store/sqlite-store.ts';
import type { Config } from '../../core/config/config.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { ReplyPipeline } from '../../core/reply/reply-pipeline.ts';
import { createApp } from '../../http/app.ts';
import { openKnowledge } from './knowledge-service.ts';
import { ReplyWorkerPool, replyWorkerCount } from './reply-worker-pool.ts';
import { buildServices, createReplyPipeline } from './services.ts';
import { startRetention } from './retention-timer.ts';

/** Worker threads for the offline pipeline, or undefined (main thread) when none are wanted or they fail to start. */
async function startReplyWorkers(
  config: Config,
  generation: string,
  fallback: ReplyPipeline,
  logger: Logger,
): Promise<ReplyWorkerPool | undefined> {
  const size = replyWorkerCount(config.REPLY_WORKERS);
  if (size === 0) return undefined;
  try {
    return await ReplyWorkerPool.start({ size, data: { config, generation }, fallback, logger });
  } catch (error) {
    logger.error({ err: error }, 'reply workers could not start; the main thread runs the reply pipeline');
    return undefined;
  }
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Opens the database and the knowledge index (building it when missing), then listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.LOG_LEVEL, { redactPii: config.REDACT_PII === 'on' });
  // A broken prompt stops the service here, with file:line, instead of failing the first customer's message.
  const prompts = await checkPrompts(config.PROMPTS_DIR);
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const store = SqliteStore.open(join(config.DATA_DIR, 'firstline.db'), { synchronous: config.SQLITE_SYNCHRONOUS });
  const metrics = new ModelMetricsRegistry(new TiktokenTokenizer());
  const knowledge = await openKnowledge(config, (outcome, seconds, error) => {
    metrics.embedding(outcome, seconds);
    if (outcome === 'ok') return;
    metrics.fallback('lexical_retrieval');
    logger.warn({ outcome, seconds, err: error }, 'query embedding failed; lexical retrieval only');
  });
  if (knowledge.ingested !== undefined)
    logger.info({ ...knowledge.ingested.stats, seconds: knowledge.ingested.seconds }, 'knowledge index built');
  const composer = await createAnswerComposer(config, logger, { metrics });
  const search = await createSearchAssist(config, { metrics });
  const pipeline = createReplyPipeline(config, knowledge, logger, composer, search);
  const workers =
    composer === undefined ? await startReplyWorkers(config, knowledge.stored.generation, pipeline, logger) : undefined;
  const {
    conversations,
    agents,
    limits,
    rateLimits,
    feed,
    typing,
    metrics: supportMetrics,
    reports,
    autoAssignment,
    attachments,
    attachmentStore,
  } = buildServices({
    config,
    store,
    knowledge,
    logger,
    composer,
    search,
    pipeline,
    replies: workers,
    summarizer: await createSummarizer(config, logger, { metrics }),
  });
  const app = createApp({
    conversations,
    agents,
    attachments,
    attachmentStore,
    tickets: store.tickets,
    macros: store.macros,
    logger,
    readiness: async () => {
      const checks: Record<string, string> = { index: `${knowledge.stored.index.chunks.length} chunks` };
      try {
        // Prompt files edited while the service runs are read on the next start: say so before then.
        await checkPrompts(config.PROMPTS_DIR);
        checks.prompts = `${prompts.length} checked`;
      } catch (error) {
        checks.prompts = error instanceof Error ? error.message : 'invalid';
        return { ready: false, checks };
      }
      try {
        await store.checkWritable();
        checks.database = 'writable';
        return { ready: knowledge.stored.index.chunks.length > 0, checks };
      } catch (error) {
        checks.database = error instanceof Error ? error.message : 'not writable';
        return { ready: false, checks };
      }
    },
    limits,
    rateLimits,
    replyLoad:
      workers === undefined ? undefined : () => ({ pending: workers.pending, limit: config.REPLY_QUEUE_LIMIT }),
    feed,
    typing,
    metrics: supportMetrics,
    reports,
    clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown',
    docsAsset: swaggerAssets(),
    uiAsset: uiAssets((error) =>
      logger.error({ err: error }, 'the web UI could not be built; /chat, /agent and /lead will not load'),
    ),
    articles: knowledgeArticleSource(
      config.KNOWLEDGE_DIR,
      knowledge.stored.snapshot.manifest.articles,
      config.MAX_ARTICLE_BYTES,
    ),
    evalRuns: evalRunsDirectory(config.EVAL_RESULTS_DIR),
    metricsText: () => metrics.text(),
    widgetOrigins:
      config.WIDGET_ORIGINS.trim() === '*' ? '*' : config.WIDGET_ORIGINS.split(',').map((origin) => origin.trim()),
  });
  const server: ServerType = await new Promise((resolve) => {
    const instance = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, () => resolve(instance));
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.PORT;
  const url = `http://${config.HOST}:${port}`;
  logger.info(
    {
      url,
      chunks: knowledge.stored.index.chunks.length,
      embedder: knowledge.embedder.id,
      replyWorkers: workers?.size ?? 0,
    },
    'listening',
  );
  const retention = startRetention({
    days: config.RETENTION_DAYS,
    everyMinutes: config.RETENTION_SWEEP_MINUTES,
    tickets: store.tickets,
    attachments: attachmentStore,
    logger,
  });
  return {
    url,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          void Promise.all([retention.stop(), autoAssignment?.stop()])
            .then(() => Promise.all([workers?.close(), store.close()]))
            .then(() => resolve());
        });
      }),
  };
}
