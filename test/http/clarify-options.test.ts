import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

interface ClarifyOption {
  id: string;
  label: string;
  articleId: string;
}

interface Reply {
  action: string;
  text: string;
  lang: string;
  citations: Array<{ articleId: string }>;
  options?: ClarifyOption[];
}

let service: TestService;
beforeAll(async () => {
  service = await testService();
});
afterAll(async () => service.close());

/** With the sample knowledge base, a bare «роутер» / "router" is close to three articles: the bot asks which. */
const CASES = {
  ru: {
    question: 'роутер',
    options: ['order-equipment-ru', 'wifi-setup-ru', 'router-lights-ru'],
    politeness: /Спасибо|Благодарю/,
  },
  en: {
    question: 'router',
    options: ['wifi-setup-en', 'order-equipment-en', 'router-lights-en'],
    politeness: /Thank/,
  },
} as const;

async function clarified(lang: 'ru' | 'en') {
  const conversation = await openConversation(service.app, { lang });
  const response = await conversation.post({ text: CASES[lang].question });
  expect(response.status).toBe(200);
  const { reply } = (await response.json()) as { reply: Reply };
  return { ...conversation, reply };
}

async function answerTo(post: (payload: unknown) => Response | Promise<Response>, payload: unknown): Promise<Reply> {
  const response = await post(payload);
  expect(response.status).toBe(200);
  return ((await response.json()) as { reply: Reply }).reply;
}

describe('clarifying questions with options', () => {
  it.each(['ru', 'en'] as const)('lists the options in the reply in the order of the text (%s)', async (lang) => {
    const { reply } = await clarified(lang);
    expect(reply.action).toBe('clarify');
    expect(reply.options?.map((option) => option.articleId)).toEqual(CASES[lang].options);
    expect(reply.options?.map((option) => option.id)).toEqual(['1', '2', '3']);
    // Text-only clients still read a numbered list with the same labels.
    for (const option of reply.options ?? []) expect(reply.text).toContain(`${option.id}. ${option.label}`);
  });

  it('shows the options when the conversation is read back', async () => {
    const { id, token, reply } = await clarified('ru');
    const response = await service.app.request(`/v1/conversations/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { messages } = (await response.json()) as { messages: Array<{ role: string; options?: ClarifyOption[] }> };
    expect(reply.options).toHaveLength(3);
    expect(messages.at(-1)?.options).toEqual(reply.options);
  });

  it.each([
    ['ru', '1', 0],
    ['ru', 'второе', 1],
    ['ru', 'вариант 3', 2],
    ['en', '3', 2],
    ['en', 'the second one', 1],
    ['en', 'the last one', 2],
  ] as const)('answers the original question from the option a %s reply %j picks', async (lang, text, index) => {
    const { post } = await clarified(lang);
    const reply = await answerTo(post, { text });
    expect(reply).toMatchObject({
      action: 'answer',
      lang,
      citations: [{ articleId: CASES[lang].options[index] }],
    });
    expect(reply.options).toBeUndefined();
    expect(reply.text).toMatch(CASES[lang].politeness);
  });

  it.each(['ru', 'en'] as const)('answers from the option whose label the customer sends (%s)', async (lang) => {
    const { post, reply } = await clarified(lang);
    const label = reply.options?.[2]?.label ?? '';
    expect(await answerTo(post, { text: label })).toMatchObject({
      action: 'answer',
      citations: [{ articleId: CASES[lang].options[2] }],
    });
  });

  it.each(['ru', 'en'] as const)('answers from the option an optionId names, whatever the text (%s)', async (lang) => {
    const { post } = await clarified(lang);
    expect(await answerTo(post, { text: 'ok', optionId: '2' })).toMatchObject({
      action: 'answer',
      lang,
      citations: [{ articleId: CASES[lang].options[1] }],
    });
  });

  it('writes in Russian with «Вы» when a Russian option is picked by number', async () => {
    const { post } = await clarified('ru');
    const reply = await answerTo(post, { text: '2' });
    expect(reply.text).toContain('192.168.0.1');
    expect(reply.text).toMatch(/Спасибо/);
  });

  it('refuses an optionId the last reply did not offer with 400 bad_request:option', async () => {
    const { post } = await clarified('en');
    const response = await post({ text: 'ok', optionId: '7' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad_request:option');
    expect(body.error.message).toContain('1, 2, 3');
  });

  it('refuses an optionId when the last reply asked nothing', async () => {
    const conversation = await openConversation(service.app, { lang: 'ru' });
    await answerTo(conversation.post, { text: 'Не приходит код подтверждения по смс' });
    const response = await conversation.post({ text: '1', optionId: '1' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request:option');
  });

  it('reads a number inside an ordinary sentence as a new message, not a choice', async () => {
    const { post } = await clarified('ru');
    const reply = await answerTo(post, { text: 'второй раз пишу' });
    expect(reply.citations.map((citation) => citation.articleId)).not.toEqual(['wifi-setup-ru']);
  });

  it('counts only the clarifying question right before: a later "1" is an ordinary message', async () => {
    const { post } = await clarified('en');
    await answerTo(post, { text: '3' });
    const response = await post({ text: 'ok', optionId: '1' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request:option');
  });
});
