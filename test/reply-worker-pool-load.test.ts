import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/adapters/logging/pino-logger.ts';
import { parseConfig } from '../src/core/config/config.ts';
import type { ReplyRequest } from '../src/core/ports/reply-generator.ts';
import { ReplyWorkerPool } from '../src/platform/node/reply-worker-pool.ts';
import { createReplyPipeline } from '../src/platform/node/services.ts';
import { sampleKnowledge } from './support/test-service.ts';

describe('ReplyWorkerPool load', () => {
  it('counts replies pending across its workers until they settle', async () => {
    const logger = createLogger('silent');
    const config = parseConfig({ LOG_LEVEL: 'silent' });
    const { knowledge } = await sampleKnowledge();
    const pipeline = createReplyPipeline(config, knowledge, logger);
    const pool = await ReplyWorkerPool.start({
      size: 2,
      data: { config, generation: knowledge.stored.generation },
      fallback: pipeline,
      logger,
      entry: new URL('./fakes/slow-reply-worker.mjs', import.meta.url),
    });
    try {
      expect(pool.pending).toBe(0);
      const request = (ms: number): ReplyRequest => ({
        conversation: {
          id: `c-${ms}`,
          lang: 'en',
          customer: {},
          channel: 'api',
          status: 'bot',
          createdAt: '2026-12-01T10:00:00.000Z',
          updatedAt: '2026-12-01T10:00:00.000Z',
        },
        history: [],
        text: String(ms),
      });
      const replies = [pool.reply(request(50)), pool.reply(request(50)), pool.reply(request(50))];
      expect(pool.pending).toBe(3);
      await Promise.all(replies);
      expect(pool.pending).toBe(0);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
