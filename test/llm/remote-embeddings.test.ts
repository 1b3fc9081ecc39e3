import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/config.ts';
import { ingestKnowledge, openKnowledge } from '../../src/platform/node/knowledge-service.ts';
import { createReplyPipeline } from '../../src/platform/node/services.ts';
import { recordingLogger } from '../support/test-service.ts';
import { ROOT } from '../run-cli.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';

let fake: FakeOpenAi;
let directory: string;
beforeAll(async () => {
  fake = await startFakeOpenAi({ dimensions: 48 });
  directory = await mkdtemp(join(tmpdir(), 'firstline-remote-'));
});
afterAll(async () => {
  await fake.close();
  await rm(directory, { recursive: true, force: true });
});

const remoteConfig = (overrides: Record<string, string> = {}) =>
  parseConfig({
    KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
    INDEX_DIR: join(directory, 'index'),
    OPENAI_BASE_URL: fake.baseUrl,
    OPENAI_API_KEY: 'test-key',
    OPENAI_EMBEDDINGS_MODEL: 'fake-embed',
    OPENAI_EMBEDDINGS_BATCH: '100',
    ...overrides,
  });

describe('OpenAI-compatible embeddings', () => {
  it('embed the knowledge base in batches of plain floats, cache them, and serve queries', async () => {
    const config = remoteConfig();
    const first = await ingestKnowledge(config);
    expect(first.stored.snapshot.manifest.embedder).toEqual({
      id: `openai:${fake.baseUrl}:fake-embed:native`,
      dimensions: 48,
    });
    expect(first.stats.embedded).toBe(first.stats.chunks);
    const embedded = fake.embeddingRequests.reduce((sum, request) => sum + request.input.length, 0);
    expect(embedded).toBe(first.stats.chunks);
    expect(
      fake.embeddingRequests.every(
        (request) =>
          request.model === 'fake-embed' && request.encoding_format === 'float' && request.input.length <= 100,
      ),
    ).toBe(true);

    const before = fake.embeddingRequests.length;
    const second = await ingestKnowledge(config);
    expect(second.stats).toMatchObject({ embedded: 0, reused: first.stats.chunks });
    expect(fake.embeddingRequests.length).toBe(before);

    const { retriever } = await openKnowledge(config);
    const result = await retriever.retrieve('how do I change the wifi password on my router', { k: 20, lang: 'en' });
    expect(result.articles.slice(0, 3).map((article) => article.articleId)).toContain('wifi-setup-en');
    expect(fake.embeddingRequests.length).toBe(before + 1);
  });

  it('answer lexically, without waiting, when the embeddings endpoint hangs or fails', async () => {
    const config = remoteConfig({ EMBEDDINGS_TIMEOUT_MS: '300' });
    const outcomes: string[] = [];
    const knowledge = await openKnowledge(config, (outcome) => outcomes.push(outcome));
    const logger = recordingLogger();
    const pipeline = createReplyPipeline(config, knowledge, logger);
    const conversation = {
      id: 'c-remote',
      lang: 'en' as const,
      customer: {},
      channel: 'api',
      status: 'bot' as const,
      createdAt: '',
      updatedAt: '',
    };
    for (const mode of ['hang', 'fail'] as const) {
      fake.embeddings = mode;
      const result = await knowledge.retriever.retrieve('how do I reset my password', { k: 20, lang: 'en' });
      expect(result.lexicalOnly).toBe(true);
      expect(result.articles[0]?.articleId).toBe('password-reset-en');
      const reply = await pipeline.reply({
        conversation,
        history: [],
        text: 'how do I reset my password',
        requestId: 'r-1',
      });
      expect(reply.meta).toMatchObject({ action: 'answer', citations: [{ articleId: 'password-reset-en' }] });
      expect(reply.meta.confidence.components).toMatchObject({ similarity: 0, denseMargin: 0 });
    }
    fake.embeddings = 'ok';
    expect(outcomes).toEqual(['timeout', 'timeout', 'error', 'error']);
    expect(
      logger.entries.filter((entry) => entry.message.includes('lexical retrieval only')).map((entry) => entry.fields),
    ).toContainEqual({ conversationId: 'c-remote', requestId: 'r-1' });
  });
});
