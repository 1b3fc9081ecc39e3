// `npm run bench:verification`: what checking a model's claims costs per reply.
// 1. The checker alone over the labelled replies of evals/grounding (every split): time per reply, first use of
//    a source set and warm.
// 2. Whole replies through the service's LLM path (HTTP app, pipeline, the real @langchain/openai client) against
//    a fake OpenAI-compatible server on 127.0.0.1 that answers at once, alternating the claim checker with a
//    pass-through that accepts every sentence, so both are measured in the same conditions: the difference is what
//    verification adds.
// 3. Handoff replies while the model takes 10 s per call.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAnswerComposer, createSummarizer } from '../src/adapters/llm/create-answer-composer.ts';
import { parseConfig } from '../src/core/config/config.ts';
import { parseGroundingSet } from '../src/core/evals/grounding-set.ts';
import { percentile } from '../src/core/evals/statistics.ts';
import { documentOfChunk, type SourceDocument } from '../src/core/verification/source-index.ts';
import { verifyText, type SentenceChecker } from '../src/core/verification/verify.ts';
import { ROOT } from '../test/run-cli.ts';
import { startFakeOpenAi } from '../test/support/fake-openai.ts';
import { openConversation, sampleKnowledge, testService } from '../test/support/test-service.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const stats = (values: number[]) => {
  const sorted = [...values].sort((left, right) => left - right);
  return `p50 ${percentile(sorted, 0.5).toFixed(2)} ms, p99 ${percentile(sorted, 0.99).toFixed(2)} ms (n = ${sorted.length})`;
};

// 1. The checker alone.
const { knowledge } = await sampleKnowledge();
const documents = new Map<string, SourceDocument[]>();
for (const chunk of knowledge.stored.index.chunks)
  documents.set(chunk.articleId, [...(documents.get(chunk.articleId) ?? []), documentOfChunk(chunk)]);
const cases = [];
for (const file of (await readdir(join(ROOT, 'evals', 'grounding'))).filter((name) => name.endsWith('.yaml'))) {
  const path = join(ROOT, 'evals', 'grounding', file);
  cases.push(...parseGroundingSet(path, await readFile(path, 'utf8')).cases);
}
const cold: number[] = [];
const warm: number[] = [];
for (const round of [cold, warm]) {
  for (const entry of cases) {
    const sources = entry.citations.flatMap((id) => documents.get(id) ?? []);
    const started = performance.now();
    verifyText(entry.reply, sources, { customerText: entry.question });
    round.push(performance.now() - started);
  }
}
process.stdout.write(
  `checker alone over ${cases.length} labelled replies:\n  first use of each source set: ${stats(cold)}\n  warm: ${stats(warm)}\n`,
);

// 2. Whole replies through the service, the model answering at once.
const fake = await startFakeOpenAi();
const REPLIES: Array<[string, string, string]> = [
  [
    'не приходит код подтверждения',
    'login-code-not-received-ru',
    'Здравствуйте! Понимаю, как неприятно ждать код. Код подтверждения обычно приходит в течение минуты. Если SMS не пришло, подождите 60 секунд и нажмите «Отправить код повторно». Если и это не помогло, получите код на электронную почту: он действует 15 минут. Спасибо за обращение, был рад помочь!',
  ],
  [
    'how much is the Optima plan',
    'plans-and-prices-en',
    'Hello! Optima costs 690 ₽ a month and gives you up to 500 Mbit/s plus 120 TV channels. Connection is free. You can rent the router for 99 ₽ a month or buy it for 3 490 ₽. Happy to help!',
  ],
  [
    'как сбросить пароль',
    'password-reset-ru',
    'Здравствуйте! Чтобы сбросить пароль, на странице входа нажмите «Забыли пароль?» и укажите номер телефона или почту. Ссылка из письма действует 24 часа. Был рад помочь!',
  ],
];
fake.responder = (body) => {
  const user =
    ((body.messages as Array<{ role: string; content: string }> | undefined) ?? []).find(
      (message) => message.role === 'user',
    )?.content ?? '';
  const found = REPLIES.find(([question]) => user.includes(question)) ?? REPLIES[0];
  return {
    kind: 'content',
    content: JSON.stringify({
      citations: [found?.[1] ?? ''],
      needsHuman: false,
      reason: '',
      confidence: 0.9,
      reply: found?.[2] ?? '',
    }),
    chunkSize: 24,
  };
};
const config = parseConfig({
  OPENAI_BASE_URL: fake.baseUrl,
  OPENAI_API_KEY: 'k',
  OPENAI_MODEL: 'bench',
  PROMPTS_DIR: join(ROOT, 'prompts'),
  LLM_TIMEOUT_MS: '10000',
});
const passThrough: SentenceChecker = { sentence: (text) => ({ text, checks: [], supported: true, substantive: true }) };
const services = {
  verified: await testService(
    {
      RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000000',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '10000000',
      MESSAGES_IN_FLIGHT_PER_ADDRESS: '100000',
    },
    {
      composer: await createAnswerComposer(config, {
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      }),
    },
  ),
  unchecked: await testService(
    {
      RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000000',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '10000000',
      MESSAGES_IN_FLIGHT_PER_ADDRESS: '100000',
    },
    {
      composer: await createAnswerComposer(
        config,
        { info: () => undefined, warn: () => undefined, error: () => undefined },
        { checker: () => passThrough },
      ),
    },
  ),
};
const times: Record<keyof typeof services, number[]> = { verified: [], unchecked: [] };
for (let round = 0; round < ROUNDS; round += 1) {
  for (const name of round % 2 === 0 ? (['verified', 'unchecked'] as const) : (['unchecked', 'verified'] as const)) {
    for (let index = 0; index < 30; index += 1) {
      const [question] = REPLIES[index % REPLIES.length] ?? ['', '', ''];
      const { post } = await openConversation(services[name].app);
      const started = performance.now();
      const response = await post({ text: question }, { accept: 'text/event-stream' });
      await response.text();
      if (round > 0) times[name].push(performance.now() - started);
    }
  }
}
const median = (values: number[]) =>
  percentile(
    [...values].sort((left, right) => left - right),
    0.5,
  );
const p99 = (values: number[]) =>
  percentile(
    [...values].sort((left, right) => left - right),
    0.99,
  );
process.stdout.write(
  `whole replies through the LLM path, model answering at once (streamed, ${ROUNDS - 1} measured rounds, alternating):\n  with the claim check: ${stats(times.verified)}\n  pass-through:         ${stats(times.unchecked)}\n  added by verification: p50 ${(median(times.verified) - median(times.unchecked)).toFixed(2)} ms, p99 ${(p99(times.verified) - p99(times.unchecked)).toFixed(2)} ms\n`,
);
await Promise.all([services.verified.close(), services.unchecked.close()]);

// 3. A request for a person while the model takes 10 s per call (answers and summaries alike).
fake.responder = () => ({ kind: 'delay', ms: 10_000, then: { kind: 'status', status: 500 } });
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const slow = parseConfig({
  OPENAI_BASE_URL: fake.baseUrl,
  OPENAI_API_KEY: 'k',
  OPENAI_MODEL: 'slow',
  PROMPTS_DIR: join(ROOT, 'prompts'),
  LLM_TIMEOUT_MS: '20000',
});
const desk = await testService(
  {},
  { composer: await createAnswerComposer(slow, quiet), summarizer: await createSummarizer(slow, quiet) },
);
const handoffs: number[] = [];
for (let index = 0; index < 20; index += 1) {
  const { post } = await openConversation(desk.app);
  const started = performance.now();
  const body = (await (
    await post({ text: index % 2 === 0 ? 'позовите оператора' : 'I want to talk to a human' })
  ).json()) as { reply: { action: string } };
  handoffs.push(performance.now() - started);
  if (body.reply.action !== 'handoff') throw new Error(`expected a handoff, got ${body.reply.action}`);
}
process.stdout.write(
  `a request for a person, the model taking 10 s per call (its summary follows in the background):\n  handoff reply: ${stats(handoffs)}\n`,
);
await desk.close();
await fake.close();
