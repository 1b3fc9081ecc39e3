import { describe, expect, it } from 'vitest';
import { politeness } from './politeness.ts';

describe('politeness', () => {
  it('scores courteous requests above neutral, and neutral text at one half', () => {
    expect(
      politeness('Здравствуйте! Не могли бы Вы, пожалуйста, подсказать адрес офиса? Спасибо!').score,
    ).toBeGreaterThan(0.9);
    expect(politeness('Hi, could you please check this when you have a moment? Thanks!').score).toBeGreaterThan(0.9);
    expect(politeness('Адрес офиса: ул. Звёздная, 7.')).toEqual({ score: 0.5, features: {} });
  });

  it('scores profanity, insults and condescension far below their neutral rewrites', () => {
    expect(politeness('какого хрена вы, идиоты, опять всё сломали').score).toBeLessThan(0.1);
    expect(politeness('почему вы опять всё сломали').score).toBeGreaterThan(
      politeness('какого хрена вы, идиоты, опять всё сломали').score,
    );
    expect(politeness('As I already said, read the manual.').score).toBeLessThan(0.3);
    expect(politeness('he had steel balls too !').score).toBeLessThan(politeness('he was brave too!').score);
  });

  it('notices informal «ты» and shouting', () => {
    expect(politeness('ты можешь нормально ответить').features['informal-you']).toBe(1);
    expect(politeness('ОТВЕТЬТЕ НАКОНЕЦ НА МОЙ ВОПРОС').features.shouting).toBe(1);
  });

  it('hears reproach in rhetorical questions and in "thanks, but", in both languages', () => {
    expect(politeness("Aren't you supposed to answer within a day?").score).toBeLessThan(0.5);
    expect(politeness('Thanks, but did you even read my message?').score).toBeLessThan(
      politeness('Thanks, this answers my question.').score,
    );
    expect(politeness('Вы что, не читали моё письмо?').score).toBeLessThan(0.5);
    expect(politeness('Спасибо, но я же просил другое.').score).toBeLessThan(
      politeness('Спасибо, это то, что нужно.').score,
    );
  });

  it('ranks a blunt opening below the same request asked indirectly', () => {
    expect(politeness('So what is the status of my refund?').score).toBeLessThan(
      politeness('By the way, could you tell me the status of my refund?').score,
    );
    expect(politeness('Please explain the charge.').score).toBeLessThan(
      politeness('Could you please explain the charge?').score,
    );
    expect(politeness('Actually, the router is new.').score).toBeLessThan(politeness('The router is new.').score);
  });

  it('catches Russian obscenities behind prefixes and abbreviations, and threats, without flagging look-alike words', () => {
    for (const rude of [
      'да мне похуй',
      'ахуеть можно',
      'кто-то спиздил роутер',
      'пздц какой-то',
      'этих тварей',
      'убью тебя',
    ])
      expect(politeness(rude).score, rude).toBeLessThan(0.3);
    for (const plain of [
      'Учитель неграмотен',
      'Не вешайте трубку',
      'Ухудшение скорости после обновления',
      'Страхуем оборудование',
      'Павел Дуров',
      'Я опоздал с оплатой',
    ]) {
      const { score, features } = politeness(plain);
      expect({ profanity: features.profanity, insult: features.insult, violence: features.violence }, plain).toEqual({
        profanity: undefined,
        insult: undefined,
        violence: undefined,
      });
      expect(score, plain).toBeGreaterThanOrEqual(0.45);
    }
    expect(politeness('Проститутки приезжали').features.apology).toBeUndefined();
  });
});
