// One message at a time per conversation through the reply pipeline; conversations side by side.
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/adapters/store/sqlite-store.ts';
import { parseConfig, queueSettings } from '../src/core/config/config.ts';
import type { Reply, ReplyGenerator, ReplyRequest } from '../src/core/ports/reply-generator.ts';
import { ConversationService } from '../src/core/use-cases/customer-conversation.ts';
import { uuid7Generator } from '../src/core/util/uuid7.ts';

/** A reply generator that takes a little time and records how many replies of each conversation overlap. */
class SlowReplies implements ReplyGenerator {
  readonly running = new Map<string, number>();
  readonly most = new Map<string, number>();
  readonly seen: ReplyRequest[] = [];

  async reply(request: ReplyRequest): Promise<Reply> {
    const id = request.conversation.id;
    this.running.set(id, (this.running.get(id) ?? 0) + 1);
    this.most.set(id, Math.max(this.most.get(id) ?? 0, this.running.get(id) ?? 0));
    this.seen.push(request);
    await new Promise((resolve) => setTimeout(resolve, 10));
    this.running.set(id, (this.running.get(id) ?? 1) - 1);
    const handoff = request.text === 'a person, please';
    return {
      text: `re: ${request.text}`,
      meta: {
        action: handoff ? 'handoff' : 'answer',
        citations: [],
        confidence: { score: 0.9, components: {} },
        lang: 'en',
        ...(handoff ? { reasons: ['human_request' as const] } : {}),
      },
    };
  }
}

function service(replies: ReplyGenerator) {
  const store = SqliteStore.open(':memory:');
  const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const conversations = new ConversationService({
    store,
    tickets: store.tickets,
    queue: queueSettings(parseConfig({})),
    replies,
    now: () => new Date(),
    newId: uuid7Generator(),
    logger,
  });
  return { store, conversations };
}

describe('conversation turns', () => {
  it('answers a burst to one conversation one message at a time, each once, each with the conversation as it stood', async () => {
    const replies = new SlowReplies();
    const { store, conversations } = service(replies);
    const { conversation } = await conversations.create({ lang: 'en' });
    const other = (await conversations.create({ lang: 'en' })).conversation;
    const texts = ['one', 'two', 'three', 'four', 'five'];
    const results = await Promise.all([
      ...texts.map((text) => conversations.post(conversation, { text })),
      conversations.post(other, { text: 'elsewhere' }),
    ]);
    expect(results.map((result) => result.reply?.text)).toEqual([
      ...texts.map((text) => `re: ${text}`),
      're: elsewhere',
    ]);
    expect(replies.most.get(conversation.id)).toBe(1);
    // Each message's history is the conversation as it stood when it arrived: the burst came before any reply.
    const last = replies.seen.find((request) => request.text === 'five');
    expect(last?.history.map((entry) => entry.text)).toEqual(['one', 'two', 'three', 'four']);
    const first = replies.seen.find((request) => request.text === 'one');
    expect(first?.history).toEqual([]);
    // The next message sees every reply.
    await conversations.post(conversation, { text: 'six' });
    const sixth = replies.seen.find((request) => request.text === 'six');
    expect(sixth?.history.filter((entry) => entry.role === 'bot')).toHaveLength(5);
    await store.close();
  });

  it('keeps the bot silent for messages that waited behind a handoff', async () => {
    const replies = new SlowReplies();
    const { store, conversations } = service(replies);
    const { conversation } = await conversations.create({ lang: 'en' });
    const [handoff, after] = await Promise.all([
      conversations.post(conversation, { text: 'a person, please' }),
      conversations.post(conversation, { text: 'hello?' }),
    ]);
    expect(handoff.reply?.text).toMatch(/^re: a person, please/);
    expect(after.reply).toBeNull();
    expect(replies.seen.map((request) => request.text)).toEqual(['a person, please']);
    const events = (await store.listEvents(conversation.id)).map((event) => event.type);
    expect(events).not.toContain('reply-dropped');
    await store.close();
  });
});
