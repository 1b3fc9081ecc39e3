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

describe('extractiveSummary: which problem heads the summary', () => {
  const answer = (id: string, text: string) =>
    message(id, 'bot', text, {
      reply: { action: 'answer', citations: [], confidence: { score: 0.9, components: {} }, lang: 'ru' },
    });
  const handoff = (id: string, text: string) =>
    message(id, 'bot', text, {
      reply: { action: 'handoff', citations: [], confidence: { score: 0.2, components: {} }, lang: 'ru' },
    });
  const calm = { label: 'neutral' as const, intensity: 0, signals: [] };

  it('heads with the new question that led to the handoff, not the first one the bot answered', () => {
    const summary = extractiveSummary(
      [
        message('1', 'customer', 'Как поменять тариф на более дешёвый?'),
        answer('2', 'Тариф можно сменить в личном кабинете, раздел «Тарифы».'),
        message('3', 'customer', 'Спасибо. А почему с карты списали деньги дважды за этот месяц'),
      ],
      calm,
    );
    expect(summary.problem).toBe('А почему с карты списали деньги дважды за этот месяц');
    expect(summary.openQuestions).toEqual(['А почему с карты списали деньги дважды за этот месяц']);
  });

  it('keeps the original question when the later messages follow it up, and lists questions the bot left', () => {
    const summary = extractiveSummary(
      [
        message('1', 'customer', 'Router keeps rebooting every hour.'),
        answer('2', 'Please update the firmware from the router settings page.'),
        message('3', 'customer', 'I updated the firmware, the router still reboots. Is it broken?'),
        handoff('4', 'I am passing you to a specialist.'),
        message('5', 'customer', 'Call a person please'),
      ],
      calm,
    );
    expect(summary.problem).toBe('Router keeps rebooting every hour.');
    expect(summary.openQuestions).toEqual(['Is it broken?']);
  });
});
