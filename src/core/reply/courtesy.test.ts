import { describe, expect, it } from 'vitest';
import { isCourtesy, isPhraseBook } from './courtesy.ts';

describe('isCourtesy', () => {
  it('recognises the bot’s own phrase-book sentences, whatever fills their placeholders', () => {
    expect(isPhraseBook('Если не поможет, напишите здесь — я передам вопрос специалисту.')).toBe(true);
    expect(isPhraseBook("I have no information about bitcoin, so I won't promise it.")).toBe(true);
    expect(isCourtesy('Hello, Anna!')).toBe(true);
  });

  it('never takes a fact for courtesy, even inside a phrase-book shape', () => {
    expect(isCourtesy('Тариф стоит 690 ₽.')).toBe(false);
    expect(isPhraseBook('Подробнее: https://evil.example')).toBe(false);
    expect(isCourtesy('We will refund you tomorrow.')).toBe(false);
  });
});
