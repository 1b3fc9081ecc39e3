import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerComposer } from '../../src/adapters/llm/create-answer-composer.ts';
import { parseConfig } from '../../src/core/config/config.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';
import { openConversation, recordingLogger, testService, type TestService } from '../support/test-service.ts';
import { ROOT } from '../run-cli.ts';
import { join } from 'node:path';

let fake: FakeOpenAi;
let service: TestService;
const logger = recordingLogger();

beforeAll(async () => {
  fake = await startFakeOpenAi();
  const config = parseConfig({ OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: 'test-key', OPENAI_MODEL: 'fake-chat', LLM_TIMEOUT_MS: '1500', PROMPTS_DIR: join(ROOT, 'prompts') });
  const composer = await createAnswerComposer(config, logger);
  service = await testService({}, { composer });
});
afterEach(() => {
  fake.script.length = 0;
  fake.chatRequests.length = 0;
  fake.fallback = { kind: 'status', status: 500 };
});
afterAll(async () => {
  await service.close();
  await fake.close();
});

interface ReplyBody {
  reply: { text: string; action: string; citations: Array<{ articleId: string }>; confidence: { score: number; components: Record<string, number> }; reasons?: string[] };
}

const good = (reply: string, citations = ['login-code-not-received-ru'], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ reply, citations, confidence: 0.9, needsHuman: false, reason: '', ...extra });
const GROUNDED = 'Здравствуйте! Код подтверждения обычно приходит в течение минуты. Если SMS не пришло, подождите 60 секунд и нажмите «Отправить код повторно». Спасибо за обращение, был рад помочь!';

async function ask(text: string, headers: Record<string, string> = {}) {
  const { post } = await openConversation(service.app);
  return post({ text }, headers);
}

describe('LLM answer path against a fake OpenAI-compatible server', () => {
  it('answers with the model’s validated reply, its citations and its self-assessment', async () => {
    fake.script.push({ kind: 'content', content: good(GROUNDED) });
    const body = (await (await ask('не приходит код подтверждения')).json()) as ReplyBody;
    expect(body.reply.text).toBe(GROUNDED);
    expect(body.reply.citations).toEqual([{ articleId: 'login-code-not-received-ru', title: expect.any(String), url: expect.any(String) }]);
    expect(body.reply.confidence.components.selfAssessment).toBe(0.9);
    expect(body.reply.confidence.components.groundedness).toBe(1);
    const request = fake.chatRequests[0] as { model: string; stream: boolean; messages: Array<{ role: string; content: string }>; response_format?: unknown };
    expect(request).toMatchObject({ model: 'fake-chat', stream: true, response_format: { type: 'json_object' } });
    expect(request.messages[0]?.content).toContain('formal «Вы»');
    expect(request.messages[1]?.content).toContain('[login-code-not-received-ru]');
    expect(request.messages[1]?.content).toContain('не приходит код подтверждения');
  });

  it('streams the reply field token by token as the model writes it', async () => {
    fake.script.push({ kind: 'content', content: good(GROUNDED), chunkSize: 5 });
    const text = await (await ask('не приходит код подтверждения', { accept: 'text/event-stream' })).text();
    const tokens = [...text.matchAll(/^event: token\ndata: (.+)$/gm)].map((match) => (JSON.parse(match[1] ?? '{}') as { text: string }).text);
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join('')).toBe(GROUNDED);
    expect(text).toMatch(/event: reply\ndata: .*"action":"answer"/);
  });

  it('retries invalid JSON once and uses the second answer', async () => {
    fake.script.push({ kind: 'content', content: 'Sure! Here is your answer: the code comes in a minute.' }, { kind: 'content', content: good(GROUNDED) });
    const body = (await (await ask('не приходит код подтверждения')).json()) as ReplyBody;
    expect(fake.chatRequests).toHaveLength(2);
    expect(body.reply.text).toBe(GROUNDED);
  });

  it('rejects citations of articles that were not in the context', async () => {
    fake.script.push({ kind: 'content', content: good(GROUNDED, ['made-up-article']) }, { kind: 'content', content: good(GROUNDED) });
    const body = (await (await ask('не приходит код подтверждения')).json()) as ReplyBody;
    expect(fake.chatRequests).toHaveLength(2);
    expect(body.reply.citations.map((citation) => citation.articleId)).toEqual(['login-code-not-received-ru']);
  });

  it('falls back to the offline composer after two invalid answers', async () => {
    fake.script.push({ kind: 'content', content: '{"reply": 5}' }, { kind: 'content', content: 'not json' });
    const body = (await (await ask('не приходит код подтверждения')).json()) as ReplyBody;
    expect(fake.chatRequests).toHaveLength(2);
    expect(body.reply.action).toBe('answer');
    expect(body.reply.confidence.components.selfAssessment).toBeUndefined();
    expect(body.reply.text).toContain('«Отправить код повторно»');
  });

  it('falls back to the offline composer on server errors', async () => {
    fake.fallback = { kind: 'status', status: 503 };
    const body = (await (await ask('how do I reset my password')).json()) as ReplyBody;
    expect(fake.chatRequests.length).toBeGreaterThanOrEqual(1);
    expect(body.reply).toMatchObject({ action: 'answer', citations: [{ articleId: 'password-reset-en' }] });
  });

  it('falls back to the offline composer when the model is slower than the deadline', async () => {
    fake.fallback = { kind: 'delay', ms: 5000, then: { kind: 'content', content: good(GROUNDED) } };
    const body = (await (await ask('не приходит код подтверждения')).json()) as ReplyBody;
    expect(body.reply.action).toBe('answer');
    expect(body.reply.confidence.components.selfAssessment).toBeUndefined();
    expect(logger.entries.some((entry) => entry.message === 'model call failed')).toBe(true);
  });

  it('does not send a model reply that invents facts; the offline composer answers instead', async () => {
    fake.script.push({ kind: 'content', content: good('Код действует 45 минут, а повторно его можно запросить через 3 секунды. Мы начислим Вам бонус за ожидание.') });
    const body = (await (await ask('не приходит код подтверждения')).json()) as ReplyBody;
    expect(body.reply.text).not.toContain('45 минут');
    expect(body.reply.text).toContain('60 секунд');
    expect(service.logger.entries.some((entry) => entry.message.startsWith('model reply not grounded'))).toBe(true);
  });

  it('hands off when the model says a human is needed', async () => {
    fake.script.push({ kind: 'content', content: good('Этот вопрос лучше решит специалист.', [], { needsHuman: true, confidence: 0.2, reason: 'unclear' }) });
    const body = (await (await ask('не приходит код подтверждения')).json()) as ReplyBody;
    expect(body.reply).toMatchObject({ action: 'handoff', reasons: ['low_confidence'] });
  });
});
