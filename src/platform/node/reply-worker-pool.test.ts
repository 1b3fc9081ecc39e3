import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/logging/pino-logger.ts';
import { parseConfig, type Config } from '../../core/config/config.ts';
import type { Conversation, Message } from '../../core/conversation/conversation.ts';
import type { ReplyPipeline } from '../../core/reply/reply-pipeline.ts';
import type { ReplyRequest } from '../../core/ports/reply-generator.ts';
import { openKnowledge, type OpenedKnowledge } from './knowledge-service.ts';
import { ReplyWorkerPool, replyWorkerCount } from './reply-worker-pool.ts';
import { createReplyPipeline } from './services.ts';

let directory: string;
let config: Config;
let knowledge: OpenedKnowledge;
let pipeline: ReplyPipeline;
const logger = createLogger('silent');

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'firstline-workers-'));
  config = parseConfig({ DATA_DIR: directory, KNOWLEDGE_DIR: 'knowledge', LOG_LEVEL: 'silent' });
  knowledge = await openKnowledge(config);
  pipeline = createReplyPipeline(config, knowledge, logger);
}, 120_000);
afterAll(async () => rm(directory, { recursive: true, force: true }));

const conversation = (id: string, lang: 'ru' | 'en'): Conversation => ({
  id,
  lang,
  customer: {},
  channel: 'api',
  status: 'bot',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
});
const message = (conversationId: string, role: Message['role'], text: string, seq: number): Message => ({
  id: `${conversationId}-${seq}`,
  conversationId,
  role,
  text,
  at: '2026-12-01T10:00:00.000Z',
});

const requests: ReplyRequest[] = [
  { conversation: conversation('c-ru', 'ru'), history: [], text: 'Как поменять тариф?' },
  { conversation: conversation('c-en', 'en'), history: [], text: 'How do I reset my router password?' },
  {
    conversation: conversation('c-follow', 'ru'),
    history: [
      message('c-follow', 'customer', 'Как оплатить счёт картой?', 1),
      message('c-follow', 'bot', 'Здравствуйте! Оплатить можно в личном кабинете.', 2),
    ],
    text: 'а если платёж не прошёл?',
  },
  { conversation: conversation('c-human', 'en'), history: [], text: 'I want to talk to a human right now' },
];

describe('ReplyWorkerPool', () => {
  it('answers exactly as the in-process pipeline does, streaming included, and falls back to it once closed', async () => {
    const pool = await ReplyWorkerPool.start({
      size: 2,
      data: { config, generation: knowledge.stored.generation },
      fallback: pipeline,
      logger,
    });
    expect(pool.size).toBe(2);
    const replies = await Promise.all(
      requests.map(async (request) => {
        const tokens: string[] = [];
        const reply = await pool.reply({ ...request, onToken: (text) => tokens.push(text) });
        return { reply, tokens };
      }),
    );
    for (const [index, request] of requests.entries()) {
      const expected = await pipeline.reply(request);
      const { reply, tokens } = replies[index] ?? { reply: undefined, tokens: [] };
      expect(reply?.text).toBe(expected.text);
      expect(reply?.meta).toEqual(expected.meta);
      expect(tokens.join('')).toBe(expected.text);
    }
    expect(replies.map(({ reply }) => reply.meta.action)).toEqual(['answer', 'answer', 'answer', 'handoff']);
    await pool.close();
    expect(pool.size).toBe(0);
    expect((await pool.reply(requests[0] as ReplyRequest)).text).toBe(
      (await pipeline.reply(requests[0] as ReplyRequest)).text,
    );
  }, 60_000);

  it('hands the customer off with reason error and replaces a worker that overruns the deadline', async () => {
    const pool = await ReplyWorkerPool.start({
      size: 1,
      data: { config, generation: knowledge.stored.generation },
      fallback: pipeline,
      logger,
      replyTimeoutMs: 1,
    });
    try {
      const reply = await pool.reply(requests[1] as ReplyRequest);
      expect(reply.meta.action).toBe('handoff');
      expect(reply.meta.reasons).toEqual(['error']);
      expect(reply.text).toMatch(/specialist|colleague|person|human/i);
      expect(pool.replaced).toBe(1);
      const deadline = Date.now() + 30_000;
      while (pool.size === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(pool.size).toBe(1);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('hands off the customers of a worker that dies, keeps answering the others, and replaces it', async () => {
    const entry = new URL('../../../test/fakes/crashing-reply-worker.mjs', import.meta.url);
    const pool = await ReplyWorkerPool.start({
      size: 2,
      data: { config, generation: knowledge.stored.generation },
      fallback: pipeline,
      logger,
      entry,
    });
    try {
      const base = requests[1] as ReplyRequest;
      const [crashed, answered] = await Promise.all([
        pool.reply({ ...base, text: 'crash' }),
        pool.reply({ ...base, text: 'hello' }),
      ]);
      expect(crashed.meta).toMatchObject({ action: 'handoff', reasons: ['error'] });
      expect(crashed.error).toBeInstanceOf(Error);
      expect(answered.text).toBe('echo: hello');
      expect(pool.replaced).toBe(1);
      const deadline = Date.now() + 30_000;
      while (pool.size < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(pool.size).toBe(2);
      expect((await pool.reply({ ...base, text: 'still there?' })).text).toBe('echo: still there?');
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('counts the reply deadline from when the worker starts a request, not from when it was queued', async () => {
    const entry = new URL('../../../test/fakes/slow-reply-worker.mjs', import.meta.url);
    const pool = await ReplyWorkerPool.start({
      size: 1,
      data: { config, generation: knowledge.stored.generation },
      fallback: pipeline,
      logger,
      entry,
      replyTimeoutMs: 400,
    });
    try {
      const base = requests[1] as ReplyRequest;
      // Six requests of 150 ms each wait up to 750 ms in the queue: each is within its deadline once started.
      const replies = await Promise.all(Array.from({ length: 6 }, () => pool.reply({ ...base, text: '150' })));
      expect(replies.map((reply) => reply.meta.action)).toEqual(Array(6).fill('answer'));
      expect(pool.replaced).toBe(0);
      // A request that overruns its own deadline is still handed off.
      const slow = await pool.reply({ ...base, text: '700' });
      expect(slow.meta).toMatchObject({ action: 'handoff', reasons: ['error'] });
      expect(pool.replaced).toBe(1);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('refuses to start on an index generation that is not on disk', async () => {
    await expect(
      ReplyWorkerPool.start({ size: 1, data: { config, generation: 'gen-missing' }, fallback: pipeline, logger }),
    ).rejects.toThrow(/gen-missing|ENOENT/);
  }, 60_000);

  it('uses one worker per spare core, at most four, unless told a count', () => {
    expect([1, 2, 3, 8, 64].map((cores) => replyWorkerCount('auto', cores))).toEqual([0, 1, 2, 4, 4]);
    expect(replyWorkerCount(3, 2)).toBe(3);
    expect(replyWorkerCount(0, 8)).toBe(0);
  });
});
