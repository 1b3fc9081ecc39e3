import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSummarizer } from '../../src/adapters/llm/create-answer-composer.ts';
import { parseConfig } from '../../src/core/config/config.ts';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { ROOT } from '../run-cli.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';
import { openConversation, recordingLogger, testService, type TestService } from '../support/test-service.ts';

let fake: FakeOpenAi;
let service: TestService;
const agentToken = newToken();

beforeAll(async () => {
  fake = await startFakeOpenAi();
  const config = parseConfig({
    OPENAI_BASE_URL: fake.baseUrl,
    OPENAI_API_KEY: 'k',
    OPENAI_MODEL: 'fake-chat',
    LLM_TIMEOUT_MS: '2000',
    PROMPTS_DIR: join(ROOT, 'prompts'),
  });
  service = await testService({}, { summarizer: await createSummarizer(config, recordingLogger()) });
  await service.agents.addAgent('Мария', 'agent', agentToken);
});
afterAll(async () => {
  await service.close();
  await fake.close();
});

async function ticketsOf(conversationId: string) {
  const { tickets } = (await (
    await service.app.request('/v1/tickets', { headers: { authorization: `Bearer ${agentToken}` } })
  ).json()) as { tickets: Array<{ id: string; conversationId: string; summary: { problem: string; source: string } }> };
  return tickets.filter((ticket) => ticket.conversationId === conversationId);
}

async function ticketSummaryAfter(text: string) {
  const customer = await openConversation(service.app);
  await customer.post({ text });
  await service.conversations.settled();
  const { tickets } = (await (
    await service.app.request('/v1/tickets', { headers: { authorization: `Bearer ${agentToken}` } })
  ).json()) as { tickets: Array<{ conversationId: string; summary: { problem: string; source: string } }> };
  return tickets.find((ticket) => ticket.conversationId === customer.id)?.summary;
}

describe('LLM handoff summary', () => {
  it('never delays the handoff reply: the extractive summary goes at once and the model’s replaces it when it arrives', async () => {
    let release: () => void = () => undefined;
    const open = new Promise<void>((resolve) => {
      release = resolve;
    });
    fake.script.push({
      kind: 'gate',
      open,
      then: {
        kind: 'content',
        content: JSON.stringify({
          problem: 'Клиент просит оператора: не работает интернет.',
          botSaid: [],
          customerAnswered: [],
          openQuestions: [],
        }),
      },
    });
    const customer = await openConversation(service.app);
    const requestsBefore = fake.chatRequests.length;
    const reply = (await (await customer.post({ text: 'Позовите оператора, у меня не работает интернет' })).json()) as {
      reply: { action: string; text: string };
    };
    // The customer has the handoff with the queue notice while the model has not answered (it cannot: the gate is shut).
    expect(reply.reply.action).toBe('handoff');
    expect(reply.reply.text).toMatch(/очеред/);
    await vi.waitUntil(() => fake.chatRequests.length === requestsBefore + 1);
    const [waiting] = await ticketsOf(customer.id);
    expect(waiting?.summary.source).toBe('extractive');

    release();
    await service.conversations.settled();
    const [updated] = await ticketsOf(customer.id);
    expect(updated?.summary).toMatchObject({
      problem: 'Клиент просит оператора: не работает интернет.',
      source: 'llm',
    });
    const events = await service.store.tickets.eventsAfter(0, { conversationId: customer.id });
    expect(events.map((event) => event.type)).toContain('ticket-summary-updated');
  });

  it('uses the model’s summary when every statement is in the transcript', async () => {
    fake.script.push({
      kind: 'content',
      content: JSON.stringify({
        problem: 'Роутер постоянно перезагружается.',
        botSaid: [],
        customerAnswered: [],
        openQuestions: [],
      }),
    });
    const summary = await ticketSummaryAfter('Позовите оператора. Роутер постоянно перезагружается.');
    expect(summary).toMatchObject({ problem: 'Роутер постоянно перезагружается.', source: 'llm' });
    expect(JSON.stringify(fake.chatRequests.at(-1))).toContain('Роутер постоянно перезагружается.');
  });

  it('falls back to the extractive summary when the model invents something', async () => {
    fake.script.push({
      kind: 'content',
      content: JSON.stringify({
        problem: 'Роутер перезагружается каждые 15 минут после грозы.',
        botSaid: [],
        customerAnswered: [],
        openQuestions: [],
      }),
    });
    const summary = await ticketSummaryAfter('Позовите оператора. Роутер постоянно перезагружается.');
    expect(summary).toMatchObject({ problem: 'Роутер постоянно перезагружается.', source: 'extractive' });
  });
});
