// The desk of one workspace as a SQLite-backed Durable Object: conversations, tickets, agents, the event log, the KPI
// projection, the rate limiters and the customers' and agents' live feeds (SSE streams the object holds), behind the
// same Hono app as on Node. Every check-then-write is one synchronous transaction of the object's SQLite; replies are
// computed outside it, by `ReplyService` in request isolates. Runtime: Workers.
import { DurableObject } from 'cloudflare:workers';
import { z } from 'zod';
import { consoleLogger } from '../../adapters/logging/console-logger.ts';
import { R2AttachmentStore } from '../../adapters/r2/r2-attachment-store.ts';
import { DurableObjectDatabase, type DurableObjectSqlStorage } from '../../adapters/store/durable-object-database.ts';
import { SqlConversationStore } from '../../adapters/store/sql-conversation-store.ts';
import { summarizerOf } from '../../adapters/llm/llm-paths.ts';
import { parseConfig, usesLlm, type Config } from '../../core/config/config.ts';
import { newToken } from '../../core/conversation/tokens.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { ErasureCounts } from '../../core/ports/ticket-store.ts';
import type { Reply, ReplyGenerator, ReplyRequest } from '../../core/ports/reply-generator.ts';
import type { AgentRole } from '../../core/queue/ticket.ts';
import { PROMPT_SPECS } from '../../core/prompts/prompt-check.ts';
import { INDEX_FORMAT_VERSION } from '../../core/retrieval/index-snapshot.ts';
import type { KnowledgeIndex } from '../../core/retrieval/knowledge-index.ts';
import { buildLexicalIndex } from '../../core/retrieval/lexical-index.ts';
import { HybridRetriever } from '../../core/retrieval/hybrid-retriever.ts';
import type { ReplyPipeline } from '../../core/reply/reply-pipeline.ts';
import { applyRetention } from '../../core/use-cases/retention.ts';
import { createApp } from '../../http/app.ts';
import { buildDeskServices, createReplyPipeline } from '../shared/desk-services.ts';
import { BUNDLE } from './bundle-layout.ts';
import { bundledPrompts } from './bundled-prompts.ts';
import { readBundled, settingsOf, type ReplyRpc, type WorkersEnv } from './worker-env.ts';

const PROMPT_NAMES = Object.keys(PROMPT_SPECS);
const migrationsSchema = z.array(z.object({ version: z.number().int(), name: z.string(), sql: z.string() }));

/** An index with nothing in it: the desk's own pipeline only ever writes the failure handoff. */
function emptyIndex(): KnowledgeIndex {
  return {
    manifest: {
      formatVersion: INDEX_FORMAT_VERSION,
      createdAt: new Date(0).toISOString(),
      embedder: { id: 'none', dimensions: 0 },
      chunking: { maxTokens: 0, overlapTokens: 0 },
      articles: [],
      chunkCount: 0,
    },
    chunks: [],
    dense: [],
    lexical: buildLexicalIndex([]),
  };
}

const NO_EMBEDDINGS = { embedQuery: () => Promise.resolve([]), embedDocuments: () => Promise.resolve([]) };

/** Replies from the reply isolates; when they cannot be reached, the pipeline's failure handoff (never no answer). */
class RemoteReplies implements ReplyGenerator {
  constructor(
    private readonly remote: ReplyRpc,
    private readonly fallback: ReplyPipeline,
    private readonly logger: Logger,
  ) {}

  async reply(request: ReplyRequest): Promise<Reply> {
    const { onToken, ...rest } = request;
    try {
      return await this.remote.reply(rest, onToken);
    } catch (error) {
      this.logger.error({ err: error, requestId: request.requestId }, 'the reply service failed; handing off');
      return this.fallback.failed(request, error);
    }
  }
}

interface Desk {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: SqlConversationStore;
  readonly app: { fetch(request: Request): Response | Promise<Response> };
  readonly services: ReturnType<typeof buildDeskServices>;
}

async function openDesk(storage: DurableObjectSqlStorage, env: WorkersEnv): Promise<Desk> {
  const config = parseConfig(settingsOf(env));
  const logger = consoleLogger(config.LOG_LEVEL, { redactPii: config.REDACT_PII === 'on' });
  const bundled = await readBundled(env.ASSETS, BUNDLE.migrations);
  if (bundled === undefined) throw new Error('the bundle has no migrations: run the build (npm run build:workers)');
  const migrations = migrationsSchema.parse(JSON.parse(new TextDecoder().decode(bundled)));
  const store = new SqlConversationStore(DurableObjectDatabase.open(storage, migrations));
  const index = emptyIndex();
  const fallback = createReplyPipeline(
    config,
    { stored: { index }, retriever: new HybridRetriever(index, NO_EMBEDDINGS) },
    logger,
  );
  const prompts = bundledPrompts(env.ASSETS);
  const services = buildDeskServices({
    config,
    store,
    logger,
    // With a model, the handoff summary is the model's, written after the handoff (it never waits on the model).
    summarizer: usesLlm(config) ? await summarizerOf(config, logger, { prompts }) : undefined,
    pipeline: fallback,
    replies: new RemoteReplies(env.REPLIES, fallback, logger),
    attachmentStore: env.FILES === undefined ? undefined : new R2AttachmentStore(env.FILES, store.attachmentRecords),
    // The object is its storage's only writer: its feeds are told at commit and never poll.
    pollMs: 0,
  });
  const app = createApp({
    ...services,
    tickets: store.tickets,
    macros: store.macros,
    logger,
    readiness: async () => {
      const checks: Record<string, string> = {};
      let ready = true;
      try {
        const knowledge = await env.REPLIES.status();
        checks.index = `${knowledge.chunks} chunks (${knowledge.generation})`;
        ready = knowledge.chunks > 0;
      } catch (error) {
        checks.index = error instanceof Error ? error.message : 'not loaded';
        ready = false;
      }
      if (usesLlm(config))
        try {
          for (const name of PROMPT_NAMES) await prompts(name);
          checks.prompts = `${PROMPT_NAMES.length} checked`;
        } catch (error) {
          checks.prompts = error instanceof Error ? error.message : 'invalid';
          ready = false;
        }
      try {
        await store.checkWritable();
        checks.database = 'writable';
      } catch (error) {
        checks.database = error instanceof Error ? error.message : 'not writable';
        ready = false;
      }
      return { ready, checks };
    },
    clientAddress: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
    articles: { article: (id) => env.REPLIES.article(id) },
    widgetOrigins:
      config.WIDGET_ORIGINS.trim() === '*' ? '*' : config.WIDGET_ORIGINS.split(',').map((origin) => origin.trim()),
  });
  return { config, logger, store, app, services };
}

export class DeskObject extends DurableObject<WorkersEnv> {
  private readonly desk: Promise<Desk>;

  constructor(ctx: DurableObjectState, env: WorkersEnv) {
    super(ctx, env);
    // No request is delivered before the migrations have run; a failure is answered per request (503).
    this.desk = ctx.blockConcurrencyWhile(() => openDesk(ctx.storage as unknown as DurableObjectSqlStorage, env));
    this.desk.catch(noop);
  }

  override async fetch(request: Request): Promise<Response> {
    return (await this.desk).app.fetch(request);
  }

  /** Creates an agent (the Worker's admin route, behind ADMIN_TOKEN); the token is shown only in this answer. */
  async addAgent(name: string, role: AgentRole): Promise<{ id: string; name: string; role: string; token: string }> {
    const { services } = await this.desk;
    const token = newToken();
    const agent = await services.agents.addAgent(name, role, token);
    return { id: agent.id, name: agent.name, role: agent.role, token };
  }

  /** Retention (RETENTION_DAYS), run by the Worker's Cron Trigger where the Node server uses a timer. */
  async sweep(): Promise<ErasureCounts> {
    const { config, store, services, logger } = await this.desk;
    const counts = await applyRetention({
      tickets: store.tickets,
      attachments: services.attachmentStore,
      days: config.RETENTION_DAYS,
      now: () => new Date(),
    });
    if (counts.conversations > 0)
      logger.info({ ...counts, days: config.RETENTION_DAYS }, 'retention: old conversations erased');
    return counts;
  }
}

function noop(): void {}
