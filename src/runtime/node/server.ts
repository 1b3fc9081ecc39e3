// Node composition root: builds every adapter from configuration and serves createApp() over HTTP. Runtime: Node.
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { swaggerAssets } from '../../adapters/http/swagger-assets.ts';
import { createLogger } from '../../adapters/logging/pino-logger.ts';
import { createAnswerComposer, createSummarizer } from '../../adapters/llm/create-answer-composer.ts';
import { SqliteStore } from '../../adapters/store/sqlite-store.ts';
import { queueSettings, type Config } from '../../core/config/config.ts';
import { ConversationService } from '../../core/conversation/conversation-service.ts';
import { AgentService } from '../../core/queue/agent-service.ts';
import { DEFAULT_CONFIDENCE_WEIGHTS } from '../../core/reply/confidence.ts';
import { ReplyPipeline } from '../../core/reply/reply-pipeline.ts';
import { createApp } from '../../http/app.ts';
import { openKnowledge } from './knowledge-service.ts';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Opens the database and the knowledge index (building it when missing), then listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.LOG_LEVEL);
  mkdirSync(config.DATA_DIR, { recursive: true });
  const store = SqliteStore.open(join(config.DATA_DIR, 'firstline.db'), { synchronous: config.SQLITE_SYNCHRONOUS });
  const knowledge = await openKnowledge(config);
  if (knowledge.ingested !== undefined) logger.info({ ...knowledge.ingested.stats, seconds: knowledge.ingested.seconds }, 'knowledge index built');
  const pipeline = new ReplyPipeline({
    index: knowledge.stored.index,
    retriever: knowledge.retriever,
    weights: config.CONFIDENCE_WEIGHTS ?? DEFAULT_CONFIDENCE_WEIGHTS,
    thresholds: { answer: config.ANSWER_THRESHOLD, handoff: config.HANDOFF_THRESHOLD, clarifyMargin: config.CLARIFY_MARGIN },
    minGroundedness: config.MIN_GROUNDEDNESS,
    composer: await createAnswerComposer(config, logger),
    logger,
    handoffThresholds: { emotion: config.EMOTION_HANDOFF_THRESHOLD, empathy: 0.2 },
  });
  const conversations = new ConversationService({ store, tickets: store.tickets, queue: queueSettings(config), summarizer: await createSummarizer(config, logger), replies: pipeline, now: () => new Date(), newId: () => crypto.randomUUID(), logger });
  const perMinute = (count: number) => ({ capacity: count, refillPerSecond: count / 60 });
  const agents = new AgentService({ tickets: store.tickets, conversations: store, now: () => new Date(), newId: () => crypto.randomUUID() });
  const app = createApp({
    conversations,
    agents,
    tickets: store.tickets,
    logger,
    readiness: async () => {
      const checks: Record<string, string> = { index: `${knowledge.stored.index.chunks.length} chunks` };
      try {
        await store.checkWritable();
        checks.database = 'writable';
        return { ready: knowledge.stored.index.chunks.length > 0, checks };
      } catch (error) {
        checks.database = error instanceof Error ? error.message : 'not writable';
        return { ready: false, checks };
      }
    },
    limits: {
      maxTextLength: config.MAX_TEXT_LENGTH,
      maxBodyBytes: config.MAX_BODY_BYTES,
      perConversation: perMinute(config.RATE_LIMIT_CONVERSATION_PER_MINUTE),
      perAddress: perMinute(config.RATE_LIMIT_ADDRESS_PER_MINUTE),
    },
    clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown',
    docsAsset: swaggerAssets(),
  });
  const server: ServerType = await new Promise((resolve) => {
    const instance = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, () => resolve(instance));
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.PORT;
  const url = `http://${config.HOST}:${port}`;
  logger.info({ url, chunks: knowledge.stored.index.chunks.length, embedder: knowledge.embedder.id }, 'listening');
  return {
    url,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          void store.close().then(() => resolve());
        });
      }),
  };
}
