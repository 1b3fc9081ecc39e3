import { describe, expect, it } from 'vitest';
import { reportsProblem } from './problem-signals.ts';

describe('reportsProblem', () => {
  it.each([
    'Здравствуйте, не приходит код подтверждения',
    'у меня пропал интернет со вчера',
    'Списали деньги дважды!',
    'роутер мигает красным',
    'my wifi is not working',
    "the code doesn't arrive",
    'I was charged twice this month',
  ])('hears a problem in %j', (text) => {
    expect(reportsProblem(text)).toBe(true);
  });

  it.each([
    'Какие у вас тарифы?',
    'Как подключить автоплатёж',
    'what plans do you have',
    'how do I pay by card',
    'Подскажите адрес офиса',
  ])('hears a plain question in %j', (text) => {
    expect(reportsProblem(text)).toBe(false);
  });
});
