// Chat-length answers from the shipped knowledge base: the sentence that answers, each part of a two-part
// question, a step with what goes on with it. Real pipeline, real index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConversation, testService, type TestService } from './support/test-service.ts';

let service: TestService;
beforeAll(async () => {
  service = await testService();
});
afterAll(async () => service.close());

async function answer(text: string): Promise<string> {
  const { post } = await openConversation(service.app);
  const body = (await (await post({ text })).json()) as { reply: { action: string; text: string } };
  expect(body.reply.action).toBe('answer');
  return body.reply.text;
}

describe('chat-length answers', () => {
  it('answers "what do your plans cost" with the sentence that lists every plan, not a section about one of them', async () => {
    const text = await answer('Здравствуйте! Сколько стоят ваши тарифы на интернет?');
    for (const price of ['490 ₽', '690 ₽', '990 ₽']) expect(text).toContain(price);
    expect(text).not.toContain('150 ₽');
    expect(text, 'says nothing the list already said').not.toContain('Тариф «Старт» — 490 ₽ в месяц');
  });

  it('answers both parts of a two-part question', async () => {
    const text = await answer('What are the ways to pay my bill, and how quickly does the money show up?');
    expect(text).toMatch(/bank card/);
    expect(text).toContain('15 minutes');
  });

  it('keeps what a step says after its first sentence ("It works for 5 minutes")', async () => {
    expect(await answer('hi, forgot my password for My Kometa. how do i reset it?')).toMatch(
      /Enter the code from the SMS\. It works for 5 minutes/,
    );
  });
});
