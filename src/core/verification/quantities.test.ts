import { describe, expect, it } from 'vitest';
import { quantitiesOf, sameQuantity } from './quantities.ts';

const one = (text: string) => {
  const [quantity] = quantitiesOf(text);
  if (quantity === undefined) throw new Error(`no quantity in "${text}"`);
  return quantity;
};

describe('quantities', () => {
  it('reads the same period written in different ways as one value', () => {
    for (const text of ['60 сек.', '60 секунд', '60 seconds', 'одну минуту', 'within a minute', 'через минуту'])
      expect(one(text)).toMatchObject({ dimension: 'duration', value: 60 });
    expect(sameQuantity(one('полчаса'), one('30 минут'))).toBe(true);
    expect(sameQuantity(one('in 10 business days'), one('в течение 10 раб. дней'))).toBe(true);
    expect(sameQuantity(one('полгода'), one('6 месяцев'))).toBe(true);
  });

  it('reads amounts with spaced or comma thousands and any rouble spelling', () => {
    for (const text of ['2 490 ₽', '2490 руб.', '2,490 RUB', '2 490 рублей'])
      expect(one(text)).toMatchObject({ dimension: 'money', value: 2490 });
  });

  it('keeps times of day, speeds, percentages and ranges apart', () => {
    expect(quantitiesOf('пн–сб 9:00–20:00').map((quantity) => [quantity.dimension, quantity.value])).toEqual([
      ['time', 540],
      ['time', 1200],
    ]);
    expect(one('1 Gbit/s')).toMatchObject({ dimension: 'rate', value: 1e9 });
    expect(one('скидка 50%')).toMatchObject({ dimension: 'percent', value: 50 });
    expect(quantitiesOf('3–5 рабочих дней').map((quantity) => quantity.value)).toEqual([3 * 86_400, 5 * 86_400]);
    expect(one('круглосуточно')).toMatchObject({ dimension: 'always' });
    expect(one('twice a month')).toMatchObject({ dimension: 'count', value: 2, unit: 'times' });
  });

  it('does not read "a day" as a period outside words of time, nor "a month" after a price', () => {
    expect(quantitiesOf('agree a day and a window with the operator')).toEqual([]);
    expect(quantitiesOf('690 ₽ a month').map((quantity) => quantity.dimension)).toEqual(['money']);
  });

  it('lets a bare number in a reply stand for the same number with a unit', () => {
    expect(sameQuantity(one('сети 2,4 и'), one('2,4 ГГц'))).toBe(true);
    expect(sameQuantity(one('5 минут'), one('5 попыток'))).toBe(false);
  });
});
