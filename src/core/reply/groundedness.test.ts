import { describe, expect, it } from 'vitest';
import { groundedness, sentencesOf } from './groundedness.ts';

const source =
  'Код из SMS действует 5 минут. Новый код можно запросить через 60 секунд. Поддержка: 8 800 555-35-35, https://my.kometa.example.';

describe('groundedness', () => {
  it('supports sentences whose words and numbers come from the source', () => {
    const result = groundedness('Код действует 5 минут. Новый код можно запросить через 60 секунд.', [source]);
    expect(result.score).toBe(1);
    expect(result.sentences).toHaveLength(2);
  });

  it('flags a number, a phone or a link that the source does not contain', () => {
    const result = groundedness('Код действует 10 минут. Позвоните 8 800 000-00-00. Откройте https://evil.example.', [
      source,
    ]);
    expect(result.score).toBe(0);
    expect(result.sentences.map((entry) => entry.unsupportedFacts)).toEqual([
      ['10 мину'],
      ['8800000-00-00'],
      ['https://evil.example'],
    ]);
  });

  it('checks a number together with its unit', () => {
    expect(groundedness('Код действует 60 минут.', [source]).sentences[0]?.unsupportedFacts).toEqual(['60 мину']);
    expect(groundedness('Новый код можно запросить через 60 секунд.', [source]).score).toBe(1);
  });

  it('flags an invented promise made of words the source never uses', () => {
    const result = groundedness('Мы вернём Вам деньги и подарим скидку.', [source]);
    expect(result.sentences[0]).toMatchObject({ supported: false });
  });

  it('skips the bot’s own greeting and closing', () => {
    const result = groundedness(
      'Здравствуйте! Код действует 5 минут. Спасибо за обращение!',
      [source],
      ['Здравствуйте!', 'Спасибо за обращение!'],
    );
    expect(result.sentences.map((entry) => entry.sentence)).toEqual(['Код действует 5 минут.']);
  });

  it('splits list items as sentences', () => {
    expect(sentencesOf('Шаги:\n1. Откройте приложение.\n2. Нажмите «Войти».')).toEqual([
      'Шаги:',
      'Откройте приложение.',
      'Нажмите «Войти».',
    ]);
  });
});

describe('groundedness with a courtesy predicate', () => {
  it('exempts greetings and thanks an LLM wrote, but not invented facts', async () => {
    const { isCourtesy } = await import('./courtesy.ts');
    const reply = 'Здравствуйте! Код действует 5 минут. Код действует 10 минут. Спасибо за обращение, был рад помочь!';
    const result = groundedness(reply, [source], isCourtesy);
    expect(result.sentences.map((entry) => [entry.sentence, entry.supported])).toEqual([
      ['Код действует 5 минут.', true],
      ['Код действует 10 минут.', false],
    ]);
  });
});
