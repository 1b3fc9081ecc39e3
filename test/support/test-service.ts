// Builds the real service (SQLite file, the sample knowledge index, the offline pipeline) for HTTP tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/adapters/store/sqlite-store.ts';
import { parseConfig, type Config } from '../../src/core/config/config.ts';
import type { Logger } from '../../src/core/ports/logger.ts';
import type { AgentService } from '../../src/core/use-cases/agent-desk.ts';
import type { ConversationService } from '../../src/core/use-cases/customer-conversation.ts';
import type { AttachmentService } from '../../src/core/use-cases/attachments.ts';
import type { AttachmentStore } from '../../src/core/ports/attachment-store.ts';
import type { Summarizer } from '../../src/core/ports/summarizer.ts';
import type { SearchAssist } from '../../src/core/retrieval/search-assist.ts';
import type { AnswerComposer } from '../../src/core/ports/answer-composer.ts';
import { createApp, type AppDependencies } from '../../src/http/app.ts';
import { openKnowledge, type OpenedKnowledge } from '../../src/platform/node/knowledge-service.ts';
import { buildServices } from '../../src/platform/node/services.ts';
import { ROOT } from '../run-cli.ts';

export interface RecordedLog {
  readonly level: 'info' | 'warn' | 'error';
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

export function recordingLogger(): Logger & { readonly entries: RecordedLog[] } {
  const entries: RecordedLog[] = [];
  return {
    entries,
    info: (fields, message) => entries.push({ level: 'info', fields, message }),
    warn: (fields, message) => entries.push({ level: 'warn', fields, message }),
    error: (fields, message) => entries.push({ level: 'error', fields, message }),
  };
}

let shared: Promise<{ knowledge: OpenedKnowledge; directory: string }> | undefined;

/** The sample knowledge base, indexed once per test file. */
export function sampleKnowledge(): Promise<{ knowledge: OpenedKnowledge; directory: string }> {
  shared ??= (async () => {
    const directory = await mkdtemp(join(tmpdir(), 'firstline-index-'));
    const knowledge = await openKnowledge(
      parseConfig({ KNOWLEDGE_DIR: join(ROOT, 'knowledge'), INDEX_DIR: directory }),
    );
    return { knowledge, directory };
  })();
  return shared;
}

export interface TestService {
  readonly app: ReturnType<typeof createApp>;
  readonly agents: AgentService;
  readonly conversations: ConversationService;
  readonly attachments: AttachmentService;
  readonly attachmentStore: AttachmentStore;
  /** The service's DATA_DIR (the database, the attachments folder). */
  readonly dataDirectory: string;
  readonly store: SqliteStore;
  readonly logger: ReturnType<typeof recordingLogger>;
  readonly config: Config;
  close(): Promise<void>;
}

export async function testService(
  overrides: Record<string, string> = {},
  options: {
    composer?: AnswerComposer;
    summarizer?: Summarizer;
    search?: SearchAssist;
    deps?: Partial<AppDependencies>;
    now?: () => Date;
  } = {},
): Promise<TestService> {
  const { knowledge } = await sampleKnowledge();
  const dataDirectory = await mkdtemp(join(tmpdir(), 'firstline-data-'));
  const config = parseConfig({ DATA_DIR: dataDirectory, ...overrides });
  const store = SqliteStore.open(join(dataDirectory, 'firstline.db'), { synchronous: 'normal' });
  const logger = recordingLogger();
  const {
    conversations,
    agents,
    limits,
    rateLimits,
    feed,
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
    composer: options.composer,
    summarizer: options.summarizer,
    search: options.search,
    now: options.now,
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
      await store.checkWritable();
      return { ready: true, checks: { database: 'writable' } };
    },
    limits,
    rateLimits,
    feed,
    metrics: supportMetrics,
    reports,
    clientAddress: (c) => c.req.header('x-test-address') ?? '127.0.0.1',
    ...options.deps,
  });
  return {
    app,
    agents,
    attachments,
    attachmentStore,
    dataDirectory,
    conversations,
    store,
    logger,
    config,
    close: async () => {
      await conversations.settled();
      await autoAssignment?.stop();
      await store.close();
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}

/** Opens a conversation through the API and returns its id, token and an authorised JSON poster. */
export async function openConversation(app: TestService['app'], body: unknown = {}) {
  const response = await app.request('/v1/conversations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const { id, token } = (await response.json()) as { id: string; token: string };
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    app.request(`/v1/conversations/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  return { id, token, post };
}
