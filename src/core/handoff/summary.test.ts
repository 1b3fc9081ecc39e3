import { describe, expect, it } from 'vitest';
import type { Message } from '../conversation/conversation.ts';
import { extractiveSummary } from './summary.ts';

const message = (id: string, role: Message['role'], text: string, extra: Partial<Message> = {}): Message => ({
  id,
  conversationId: 'c',
  role,
  text,
  at: '',
  ...extra,
});

describe('extractiveSummary', () => {
  const transcript: Message[] = [
    message('1', 'customer', 'Здравствуйте! Не приходит код подтверждения по SMS. Жду уже полчаса.'),
    message('2', 'bot', 'Здравствуйте! Подождите 60 секунд и нажмите «Отправить код повторно». Спасибо за обращение!', {
      reply: {
        action: 'answer',
        citations: [{ articleId: 'login-code-not-received-ru', title: 'Не приходит код подтверждения' }],
        confidence: { score: 0.9, components: {} },
        lang: 'ru',
      },
    }),
    message('3', 'customer', 'Я так уже делал, всё равно не приходит. Может, номер заблокирован?'),
  ];
  const summary = extractiveSummary(transcript, { label: 'frustration', intensity: 0.4, signals: [] });

  it('states the problem, what the bot said and cited, the customer’s answer, mood and open questions', () => {
    expect(summary).toEqual({
      problem: 'Не приходит код подтверждения по SMS. Жду уже полчаса.',
      botSaid: ['Подождите 60 секунд и нажмите «Отправить код повторно».'],
      citedArticles: ['Не приходит код подтверждения'],
      customerAnswered: ['Я так уже делал, всё равно не приходит. Может, номер заблокирован?'],
      mood: { label: 'frustration', intensity: 0.4 },
      openQuestions: ['Может, номер заблокирован?'],
      source: 'extractive',
    });
  });

  it('says nothing that is not in the transcript', () => {
    const text = transcript.map((entry) => entry.text).join('\n');
    const statements = [summary.problem, ...summary.botSaid, ...summary.customerAnswered, ...summary.openQuestions];
    for (const statement of statements)
      for (const sentence of statement.split(/(?<=[.!?])\s+/)) expect(text).toContain(sentence);
  });
});
