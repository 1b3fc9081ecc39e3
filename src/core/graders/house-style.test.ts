import { describe, expect, it } from 'vitest';
import { gradeHouseStyle } from './house-style.ts';

const first = {
  lang: 'ru' as const,
  firstReply: true,
  action: 'answer' as const,
  customerUpset: false,
  customerReportsProblem: true,
};

describe('gradeHouseStyle', () => {
  it('passes a reply in the house style on every criterion', () => {
    const reply = [
      'Здравствуйте! Извините, что так вышло, — давайте это исправим.',
      '',
      '1. Откройте приложение.',
      '2. Нажмите «Отправить код повторно».',
      '',
      'Спасибо за обращение! Если появятся вопросы — пишите, был рад помочь!',
    ].join('\n');
    const grade = gradeHouseStyle(reply, first);
    expect(grade).toMatchObject({ score: 1, pass: true, reason: 'meets the house style' });
    expect(Object.keys(grade.criteria).sort()).toEqual([
      'acknowledgement',
      'apology',
      'closing',
      'formalYou',
      'greeting',
      'respect',
      'structure',
    ]);
  });

  it('fails «ты», no greeting, no closing and sending the customer away', () => {
    const grade = gradeHouseStyle('Поищите сами в интернете, ты же умеешь.', first);
    expect(grade.pass).toBe(false);
    expect(grade.score).toBe(0);
    expect(grade.criteria.formalYou?.pass).toBe(false);
    expect(grade.criteria.respect?.reason).toMatch(/rude|away/);
  });

  it('flags over-apologising and missing empathy for an upset customer', () => {
    const grade = gradeHouseStyle(
      'Hello! Sorry. Sorry again, we apologise. Restart the router. Thanks, let me know if anything else comes up.',
      { lang: 'en', firstReply: true, action: 'answer', customerUpset: true, customerReportsProblem: true },
    );
    expect(grade.criteria.apology).toMatchObject({ pass: false, reason: expect.stringContaining('over-apologising') });
    expect(grade.criteria.empathy?.pass).toBe(false);
    expect(grade.criteria.respect?.pass).toBe(true);
  });
});
