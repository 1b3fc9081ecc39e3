import { describe, expect, it } from 'vitest';
import { answerKindOf, fitsAnswerKind } from './question-kind.ts';

describe('question kind', () => {
  it('knows a question for an amount, a duration or a contact, in both languages', () => {
    expect(answerKindOf('сколько стоит Оптима?')).toBe('amount');
    expect(answerKindOf('how much is the Optima plan')).toBe('amount');
    expect(answerKindOf('как долго идёт платёж')).toBe('duration');
    expect(answerKindOf('how long does a refund take')).toBe('duration');
    expect(answerKindOf('what is your phone number')).toBe('contact');
    expect(answerKindOf('как сменить пароль')).toBeUndefined();
  });

  it('finds the kind of answer in a passage', () => {
    expect(fitsAnswerKind('amount', 'Тариф «Оптима» — 690 ₽ в месяц.')).toBe(true);
    expect(fitsAnswerKind('amount', 'Выберите тариф в личном кабинете.')).toBe(false);
    expect(fitsAnswerKind('duration', 'Деньги придут в течение 3 рабочих дней.')).toBe(true);
    expect(fitsAnswerKind('contact', 'Позвоните 8 800 555-35-35.')).toBe(true);
  });
});
