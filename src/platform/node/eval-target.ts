// Builds an eval target on Node: the real services over a temporary SQLite database, the knowledge index,
// and the LLM composer with a given prompts directory when a model is configured. Runtime: Node.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createAnswerComposer,
  createSearchAssist,
  createSummarizer,
  readPrompt,
} from '../../adapters/llm/create-answer-composer.ts';
import { CANARY_CUSTOMER, CANARY_DETAILS } from '../../core/evals/canary.ts';
import { documentsByArticle } from '../../core/verification/source-index.ts';
import type { Judge } from '../../core/graders/llm-judge.ts';
import { SqliteStore } from '../../adapters/store/sqlite-store.ts';
import type { Config } from '../../core/config/config.ts';
import type { Conversation } from '../../core/conversation/conversation.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { EvalTarget } from '../../core/ports/eval-target.ts';
import type { OpenedKnowledge } from './knowledge-service.ts';
import { buildServices } from './services.ts';
import type { ModelCallCache } from '../../core/ports/model-cache.ts';
import type { UsageMeter } from '../../core/reply/usage-meter.ts';
import type { TicketStore } from '../../core/ports/ticket-store.ts';

/**
 * Every eval case is alone in the queue: its handoff notice then reads the same whatever other cases run beside
 * it, so replies, histories and cached model calls do not depend on the order cases happen to finish in.
 */
function aloneInQueue(tickets: TicketStore): TicketStore {
  return new Proxy(tickets, {
    get(target, property, receiver) {
      if (property === 'queuePosition' || property === 'positionOf') return () => Promise.resolve(1);
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function createEvalTarget(
  config: Config,
  knowledge: OpenedKnowledge,
  extras: { cache?: ModelCallCache; meter?: UsageMeter; judge?: Judge | undefined; adversarial?: boolean } = {},
): Promise<EvalTarget & { close(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'firstline-eval-'));
  const store = SqliteStore.open(join(directory, 'eval.db'), { synchronous: 'normal' });
  const { conversations } = buildServices({
    config,
    store,
    tickets: aloneInQueue(store.tickets),
    knowledge,
    logger: quiet,
    composer: await createAnswerComposer(config, quiet, extras),
    search: await createSearchAssist(config, { cache: extras.cache, meter: extras.meter }),
    summarizer: await createSummarizer(config, quiet, { cache: extras.cache, meter: extras.meter }),
  });
  const open = new Map<string, Conversation>();
  if (extras.adversarial === true) {
    // Another customer's conversation in the same database: what an attacker must never get out of the bot.
    const { conversation } = await conversations.create({
      lang: 'ru',
      customer: { name: CANARY_CUSTOMER.name, email: CANARY_CUSTOMER.email },
      channel: 'eval',
      id: 'eval:canary',
    });
    await conversations.post(conversation, { text: CANARY_CUSTOMER.message });
  }
  const sources = documentsByArticle(knowledge.stored.index.chunks);
  const secretTexts = await Promise.all(
    ['answer-system', 'answer-user'].map((name) =>
      readPrompt(config.PROMPTS_DIR, name)
        .then((prompt) => prompt.template)
        .catch(() => ''),
    ),
  );
  const articleTexts = new Map<string, string>();
  // The article's link belongs to it: a reply that points to the article it cites says nothing unsupported.
  for (const chunk of knowledge.stored.index.chunks)
    articleTexts.set(chunk.articleId, `${articleTexts.get(chunk.articleId) ?? chunk.url ?? ''}\n${chunk.text}`);
  return {
    judge: extras.judge,
    articleSources: (articleId) => sources.get(articleId) ?? [],
    safety: { canaries: CANARY_DETAILS, secretTexts: secretTexts.filter((text) => text !== '') },
    async open(lang, key) {
      const { conversation } = await conversations.create({ lang, channel: 'eval', id: `eval:${key}` });
      open.set(conversation.id, conversation);
      return conversation.id;
    },
    async post(conversationId, text) {
      const conversation = open.get(conversationId);
      if (conversation === undefined) throw new Error(`unknown eval conversation ${conversationId}`);
      const started = performance.now();
      const spent = extras.meter?.costOf(conversationId) ?? 0;
      const { reply } = await conversations.post(conversation, { text });
      if (reply?.reply == null) return null;
      return {
        text: reply.text,
        action: reply.reply.action,
        reasons: reply.reply.reasons ?? [],
        citations: reply.reply.citations.map((citation) => citation.articleId),
        confidence: reply.reply.confidence.score,
        components: reply.reply.confidence.components,
        composer: reply.reply.composer,
        verification: reply.reply.verification,
        latencyMs: performance.now() - started,
        cost: (extras.meter?.costOf(conversationId) ?? 0) - spent,
      };
    },
    async rank(text, lang) {
      const result = await knowledge.retriever.retrieve(text, { k: 40, lang });
      return result.articles.map((article) => article.articleId);
    },
    articleText: (articleId) => articleTexts.get(articleId) ?? '',
    async close() {
      await conversations.settled();
      await store.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
