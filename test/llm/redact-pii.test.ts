// REDACT_PII through the real @langchain/openai client against a scripted server on 127.0.0.1: with it on, a
// customer's phone, e-mail, card and account numbers reach no model (answer, search rewrite and rerank, handoff
// summary, query embeddings) and no log line; the customer is still answered and the stored messages are intact.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../src/adapters/embeddings/create-embedder.ts';
import {
  createAnswerComposer,
  createSearchAssist,
  createSummarizer,
} from '../../src/adapters/llm/create-answer-composer.ts';
import { createLogger } from '../../src/adapters/logging/pino-logger.ts';
import { parseConfig } from '../../src/core/config/config.ts';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { ROOT } from '../run-cli.ts';
import { startFakeOpenAi, type ChatScript, type FakeOpenAi } from '../support/fake-openai.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

const FIRST =
  'Не приходит смс с кодом для входа. Мой телефон +7 (916) 123-45-67, почта ivan.petrov@mail.ru, ' +
  'карта 4111 1111 1111 1111, лицевой счёт 123456789.';
const SECOND = 'А если я сменил номер? Новый 8 916 765-43-21, пишите на anna.smith@example.org';
const THIRD = 'Позовите оператора, карта 5500 0000 0000 0004 и счёт 987654321';
const PERSONAL = [
  '+7 (916) 123-45-67',
  '123-45-67',
  'ivan.petrov@mail.ru',
  '4111 1111 1111 1111',
  '123456789',
  '765-43-21',
  'anna.smith@example.org',
  '5500 0000 0000 0004',
  '987654321',
];

interface Side {
  readonly service: TestService;
  readonly logs: string[];
}

let fake: FakeOpenAi;
let on: Side;
let off: Side;
const agentToken = newToken();

const promptOf = (body: Record<string, unknown>) => JSON.stringify(body.messages);
const REWRITE = 'standalone search query';
const RERANK = 'Order these help-centre articles';
const SUMMARY = 'TRANSCRIPT:';
const ANSWER = 'first-line support assistant';
/** Set before a conversation: the provider fails the first answer and echoes the question in its error, as some do. */
let failNextAnswer = false;

/** The model: a query for a rewrite, the given order for a rerank, a transcript sentence for a summary, else an answer. */
function respond(body: Record<string, unknown>): ChatScript {
  const prompt = promptOf(body);
  const ids = [...prompt.matchAll(/\[([a-z0-9]+(?:-[a-z0-9]+)*-(?:ru|en))\]/g)].map((match) => match[1] ?? '');
  if (prompt.includes(REWRITE))
    return { kind: 'content', content: '{"query": "не приходит смс с кодом для входа после смены номера"}' };
  if (prompt.includes(RERANK)) return { kind: 'content', content: JSON.stringify({ ranking: ids }) };
  if (prompt.includes(SUMMARY))
    return {
      kind: 'content',
      content: JSON.stringify({
        problem: 'Не приходит смс с кодом для входа.',
        botSaid: [],
        customerAnswered: [],
        openQuestions: [],
      }),
    };
  if (failNextAnswer) {
    failNextAnswer = false;
    return {
      kind: 'status',
      status: 500,
      body: JSON.stringify({ error: { message: `upstream failed on: ${FIRST}`, type: 'server_error' } }),
    };
  }
  return {
    kind: 'content',
    content: JSON.stringify({
      citations: ids.slice(0, 1),
      needsHuman: false,
      reason: '',
      confidence: 0.9,
      reply: 'Здравствуйте! Код подтверждения обычно приходит в течение минуты. Спасибо за обращение!',
    }),
  };
}

async function side(redact: 'on' | 'off'): Promise<Side> {
  const logs: string[] = [];
  const logger = createLogger('info', {
    redactPii: redact === 'on',
    destination: { write: (line: string) => void logs.push(line) },
  });
  const config = parseConfig({
    OPENAI_BASE_URL: fake.baseUrl,
    OPENAI_API_KEY: 'k',
    OPENAI_MODEL: 'fake-chat',
    LLM_TIMEOUT_MS: '3000',
    SEARCH_TIMEOUT_MS: '2000',
    PROMPTS_DIR: join(ROOT, 'prompts'),
    REDACT_PII: redact,
  });
  const composer = await createAnswerComposer(config, logger);
  const search = await createSearchAssist(config);
  const summarizer = await createSummarizer(config, logger);
  if (composer === undefined || search === undefined || summarizer === undefined) throw new Error('no model paths');
  const service = await testService(
    // Low thresholds: the test is about what the model is sent, not about how sure retrieval is of a noisy message.
    { REDACT_PII: redact, SEARCH_RERANK: 'always', ANSWER_THRESHOLD: '0.2', HANDOFF_THRESHOLD: '0.1' },
    { composer, search, summarizer },
  );
  await service.agents.addAgent('Мария', 'agent', agentToken);
  return { service, logs };
}

/** Three customer messages: an answered question, a follow-up (rewritten), a request for a person (summarised). */
async function converse({ service }: Side) {
  const customer = await openConversation(service.app);
  failNextAnswer = true;
  const replies: Array<{ action: string; text: string }> = [];
  for (const text of [FIRST, SECOND, THIRD]) {
    const response = await customer.post({ text });
    expect(response.status).toBe(200);
    replies.push(((await response.json()) as { reply: { action: string; text: string } }).reply);
  }
  await service.conversations.settled();
  const messages = await service.store.listMessages(customer.id);
  const { tickets } = (await (
    await service.app.request('/v1/tickets', { headers: { authorization: `Bearer ${agentToken}` } })
  ).json()) as { tickets: Array<{ conversationId: string; summary: { problem: string; source: string } }> };
  return { replies, messages, summary: tickets.find((ticket) => ticket.conversationId === customer.id)?.summary };
}

const sentToModels = () => fake.chatRequests.map(promptOf).join('\n');
const leaked = (text: string) => PERSONAL.filter((item) => text.includes(item));

beforeAll(async () => {
  fake = await startFakeOpenAi();
  fake.responder = respond;
  on = await side('on');
  off = await side('off');
});
afterEach(() => {
  fake.script.length = 0;
  fake.chatRequests.length = 0;
  fake.embeddingRequests.length = 0;
});
afterAll(async () => {
  await on.service.close();
  await off.service.close();
  await fake.close();
});

describe('REDACT_PII=on', () => {
  it('sends no phone, e-mail, card or account number to any model path, and still answers the customer', async () => {
    const { replies, messages, summary } = await converse(on);
    const prompts = fake.chatRequests.map(promptOf);
    // Every path was taken: the answer, the rewrite of the follow-up, the rerank and the handoff summary.
    for (const path of [ANSWER, REWRITE, RERANK, SUMMARY])
      expect(prompts.filter((prompt) => prompt.includes(path)).length, path).toBeGreaterThan(0);

    expect(leaked(sentToModels())).toEqual([]);
    for (const placeholder of ['[phone]', '[email]', '[card]', '[number]'])
      expect(sentToModels()).toContain(placeholder);

    expect(replies[0]?.action).toBe('answer');
    expect(replies[0]?.text).toContain('Код подтверждения обычно приходит в течение минуты');
    expect(replies[2]?.action).toBe('handoff');
    // The summary is checked against what the model saw, so masking does not push it back to the extractive one.
    expect(summary).toMatchObject({ problem: 'Не приходит смс с кодом для входа.', source: 'llm' });
    // Stored as written: agents see everything.
    expect(messages.filter((message) => message.role === 'customer').map((message) => message.text)).toEqual([
      FIRST,
      SECOND,
      THIRD,
    ]);
  });

  it('writes no personal data to the log, the provider error that echoed the question included', async () => {
    await converse(on);
    const logs = on.logs.join('');
    expect(logs).toContain('model call failed');
    expect(logs).toContain('upstream failed on: Не приходит смс');
    expect(leaked(logs)).toEqual([]);
    on.logs.length = 0;
  });

  it('masks the customer’s query before it is embedded by a remote model', async () => {
    const config = (redact: 'on' | 'off') =>
      parseConfig({
        OPENAI_BASE_URL: fake.baseUrl,
        OPENAI_API_KEY: 'k',
        OPENAI_EMBEDDINGS_MODEL: 'fake-embed',
        REDACT_PII: redact,
      });
    for (const redact of ['on', 'off'] as const) {
      const embedder = await createEmbedder(config(redact));
      await (embedder.queryEmbeddings ?? embedder.embeddings).embedQuery(FIRST);
      await embedder.embeddings.embedDocuments(['Позвоните 8 800 555-35-35, счёт 123456789']);
    }
    const [maskedQuery, article, plainQuery, plainArticle] = fake.embeddingRequests.map((request) =>
      request.input.join('\n'),
    );
    expect(leaked(maskedQuery ?? '')).toEqual([]);
    expect(maskedQuery).toContain('[phone]');
    expect(leaked(plainQuery ?? '')).toEqual(PERSONAL.filter((item) => FIRST.includes(item)));
    // Articles are embedded as written either way.
    expect(article).toBe('Позвоните 8 800 555-35-35, счёт 123456789');
    expect(plainArticle).toBe(article);
  });
});

describe('REDACT_PII=off', () => {
  it('sends the customer’s words as written, so the checks above can fail', async () => {
    const { replies } = await converse(off);
    expect(replies[0]?.action).toBe('answer');
    expect(leaked(sentToModels())).toEqual(PERSONAL);
    expect(leaked(off.logs.join(''))).toEqual(PERSONAL.filter((item) => FIRST.includes(item)));
  });
});
