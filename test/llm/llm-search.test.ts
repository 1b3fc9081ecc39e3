// The model's help with retrieval through the real @langchain/openai client against a scripted server on
// 127.0.0.1: follow-ups rewritten from the conversation, unsure results reranked, the offline search standing
// whenever the model fails or is late.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSearchAssist } from '../../src/adapters/llm/create-answer-composer.ts';
import { parseConfig } from '../../src/core/config/config.ts';
import { ROOT } from '../run-cli.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

let fake: FakeOpenAi;
let service: TestService;

interface ReplyBody {
  reply: { text: string; action: string; citations: Array<{ articleId: string }> };
}

const promptOf = (body: Record<string, unknown>) => JSON.stringify(body.messages);

beforeAll(async () => {
  fake = await startFakeOpenAi();
  const search = await createSearchAssist(
    parseConfig({
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: 'k',
      OPENAI_MODEL: 'fake-chat',
      SEARCH_TIMEOUT_MS: '800',
      PROMPTS_DIR: join(ROOT, 'prompts'),
    }),
  );
  if (search === undefined) throw new Error('no search assist');
  service = await testService({}, { search });
});
afterEach(() => {
  fake.script.length = 0;
  fake.chatRequests.length = 0;
  fake.fallback = { kind: 'status', status: 500 };
  fake.responder = undefined;
});
afterAll(async () => {
  await service.close();
  await fake.close();
});

describe('search with a model', () => {
  it('rewrites a follow-up into a standalone query from the conversation and searches with it', async () => {
    const conversation = async () => {
      const { post } = await openConversation(service.app);
      await post({ text: 'не приходит смс с кодом для входа' });
      return ((await (await post({ text: 'а если я сменил номер телефона?' })).json()) as ReplyBody).reply;
    };
    const offline = await conversation();
    fake.chatRequests.length = 0;
    fake.responder = (body) =>
      promptOf(body).includes('"ranking"')
        ? { kind: 'status', status: 500 }
        : { kind: 'content', content: '{"query": "как изменить номер телефона в договоре"}' };
    const rewritten = await conversation();
    const rewrite = fake.chatRequests.find((request) => promptOf(request).includes('standalone search query'));
    expect(promptOf(rewrite ?? {})).toContain('не приходит смс с кодом для входа');
    expect(rewritten.citations[0]?.articleId).toBe('change-contact-details-ru');
    expect(offline.citations[0]?.articleId).not.toBe('change-contact-details-ru');
  });

  it('lets the model choose between close articles instead of asking the customer', async () => {
    const { post: offlinePost } = await openConversation(service.app);
    fake.fallback = { kind: 'status', status: 500 };
    const offline = (await (
      await offlinePost({ text: 'your outage left me without internet for 2 days, do i still pay full month' })
    ).json()) as ReplyBody;
    expect(offline.reply.action).toBe('clarify');

    fake.responder = () => ({ kind: 'content', content: '{"ranking": ["outages-en", "payment-methods-en"]}' });
    const { post } = await openConversation(service.app);
    const body = (await (
      await post({ text: 'your outage left me without internet for 2 days, do i still pay full month' })
    ).json()) as ReplyBody;
    expect(promptOf(fake.chatRequests[0] ?? {})).toContain('[payment-methods-en]');
    expect(body.reply).toMatchObject({ action: 'answer', citations: [{ articleId: 'outages-en' }] });
  });

  it('keeps the offline search when the model is later than its deadline, without waiting for it', async () => {
    fake.responder = () => ({
      kind: 'delay',
      ms: 3000,
      then: { kind: 'content', content: '{"ranking": ["payment-methods-en"]}' },
    });
    const { post } = await openConversation(service.app);
    const started = performance.now();
    const body = (await (
      await post({ text: 'your outage left me without internet for 2 days, do i still pay full month' })
    ).json()) as ReplyBody;
    const waited = performance.now() - started;
    expect(body.reply.action).toBe('clarify');
    // The 800 ms deadline, not the model's 3 s: compared with the model's delay measured in the same run.
    expect(waited).toBeLessThan(3000 * 0.6);
  });

  it('ignores a ranking of articles that were not among the candidates', async () => {
    fake.responder = () => ({ kind: 'content', content: '{"ranking": ["made-up-article", "another"]}' });
    const { post } = await openConversation(service.app);
    const body = (await (
      await post({ text: 'your outage left me without internet for 2 days, do i still pay full month' })
    ).json()) as ReplyBody;
    expect(body.reply.action).toBe('clarify');
  });
});
