import { describe, expect, it } from 'vitest';
import { classifyDigits, luhnValid, redactPii } from './pii.ts';

describe('redactPii: what is masked', () => {
  it.each([
    ['Мой телефон +7 (916) 123-45-67, перезвоните', 'Мой телефон [phone], перезвоните'],
    ['звоните 8 916 123 45 67', 'звоните [phone]'],
    ['номер 8-916-123-45-67.', 'номер [phone].'],
    ['89161234567 — это мой', '[phone] — это мой'],
    ['+79161234567', '[phone]'],
    ['тел. 8 (916) 1234567', 'тел. [phone]'],
    ['тел.89161234567', 'тел.[phone]'],
    ['мобильный 916 123-45-67', 'мобильный [phone]'],
    ['call me on +44 20 7946 0958 please', 'call me on [phone] please'],
    ['my number is +1 (555) 123-4567', 'my number is [phone]'],
    ['(89161234567)', '([phone])'],
  ])('masks the phone number in %j', (text, masked) => {
    expect(redactPii(text)).toBe(masked);
  });

  it.each([
    ['пишите на ivan.petrov+test@mail.ru', 'пишите на [email]'],
    ['My e-mail: Anna_Smith-1990@example.co.uk.', 'My e-mail: [email].'],
    ['адрес почты: иван@почта.рф', 'адрес почты: [email]'],
  ])('masks the e-mail address in %j', (text, masked) => {
    expect(redactPii(text)).toBe(masked);
  });

  it.each([
    ['карта 4111 1111 1111 1111 не проходит', 'карта [card] не проходит'],
    ['card 5500-0000-0000-0004 was charged twice', 'card [card] was charged twice'],
    ['списали с 4276380012345679', 'списали с [card]'],
  ])('masks the Luhn-valid card number in %j', (text, masked) => {
    expect(redactPii(text)).toBe(masked);
  });

  it.each([
    ['мой лицевой счёт 123456789', 'мой лицевой счёт [number]'],
    ['account no. 987654321, please check', 'account no. [number], please check'],
    ['р/с 40817810099910004312', 'р/с [number]'],
    // 16 digits failing Luhn are not a card, but still a number that identifies someone.
    ['карта 4111 1111 1111 1112', 'карта [number]'],
  ])('masks the account-like number in %j', (text, masked) => {
    expect(redactPii(text)).toBe(masked);
  });

  it.each([
    ['паспорт серия 1234 номер 567890', '[passport]'],
    ['Серия 45 06 № 123456, выдан', '[passport], выдан'],
    ['passport 4506 123456', '[passport]'],
  ])('masks the passport number in %j', (text, masked) => {
    expect(redactPii(text)).toBe(masked);
  });

  it('masks every kind in one message and leaves the words around them', () => {
    expect(
      redactPii('Я Анна, телефон 8 916 123-45-67, почта anna@example.org, карта 4111 1111 1111 1111, счёт 123456789'),
    ).toBe('Я Анна, телефон [phone], почта [email], карта [card], счёт [number]');
  });
});

describe('redactPii: what is kept', () => {
  it.each([
    ['price in roubles', 'тариф стоит 1 990 ₽ в месяц'],
    ['a large amount', 'оборот 1 250 000 000 ₽ за год'],
    ['price in dollars', 'I paid $25 and then $1 250 000 000'],
    ['a date', 'с 12.03.2026 не работает'],
    ['an ISO date and time', 'since 2026-03-12 14:30 and 2026-01-01T00:00:00.000Z'],
    ['a time', 'звонил в 14:30 и в 9:05'],
    ['an order number (8 digits or fewer)', 'заказ 12345 и заказ №12345678'],
    ['the contract number of a realistic message', 'договор 1234567'],
    ['an article id', 'see [login-code-not-received-ru] and kb-0012'],
    ['a version', 'приложение версии 2.14.3'],
    ['a percentage', 'скидка 15% и ещё 20 %'],
    ['a decimal', 'pi is 3.141592653589'],
    ['a year range', 'в 2020-2026 годах'],
    ['a uuid with digit-only groups', 'conversation 01938231-1234-7123-abcd-123456789012'],
    ['a package version', 'at @langchain+openai@1.5.8/dist'],
    ['text without digits or @', 'Здравствуйте, не приходит код'],
  ])('keeps %s', (_, text) => {
    expect(redactPii(text)).toBe(text);
  });
});

describe('digit runs', () => {
  it('checks Luhn sums', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it('classifies runs by their digits and how they are written', () => {
    expect(classifyDigits('+7 916 123-45-67')).toBe('phone');
    expect(classifyDigits('8 800 555-35-35')).toBe('phone');
    expect(classifyDigits('4111 1111 1111 1111')).toBe('card');
    expect(classifyDigits('123456789')).toBe('number');
    expect(classifyDigits('12345678')).toBeUndefined();
  });
});

/** `unit` repeated to `length` characters. */
const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

function bestMs(text: string): number {
  let fastest = Infinity;
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    redactPii(text);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

describe('redactPii is linear in the text length', () => {
  // The approach of test/linear-time.test.ts, no absolute timings: an adversarial text may cost at most 20× a
  // realistic one of the same length, and 10× the length at most 25× the time where the time is above noise
  // (timings of a few milliseconds are dominated by garbage collection and regex tier-up).
  const PER_CHAR_FACTOR = 20;
  const SCALING_LIMIT = 25;
  const NOISE_MS = 3;
  const REALISTIC =
    'Здравствуйте! Звонила на 8 800 555-35-35, никто не ответил. Мой счёт 123456789, почта anna@example.org, ' +
    'тариф за 1 990 ₽ с 12.03.2026, договор 1234567. Hello, I paid $12.50 at 14:30, card 4111 1111 1111 1111. ';
  let floor = NOISE_MS;

  it('measures a realistic message of 100,000 characters', () => {
    redactPii(fill(REALISTIC, 10_000)); // warm-up
    floor = Math.max(NOISE_MS, bestMs(fill(REALISTIC, 100_000)));
    expect(floor).toBeGreaterThan(0);
  });

  it.each([
    ['digits', '7'],
    ['digits and spaces', '1 2 3 '],
    ['digits and dashes', '12-'],
    ['digits and brackets', '(1) '],
    ['plus signs', '+7 '],
    ['near-miss phone', '+7 (999) '],
    ['near-miss card', '4111 1111 1111 111x '],
    ['near-miss e-mail', 'a.b.c@'],
    ['e-mail local part without @', 'abc.def_'],
    ['e-mail domain without dot', 'a@bbbb'],
    ['many e-mail labels', 'a@b.'],
    ['at signs', '@'],
    ['near-miss passport', 'серия 12 '],
    ['decimals', '1.2,3:'],
    ['currency', '1 ₽ '],
  ])('stays linear on %s', (_, unit) => {
    redactPii(fill(unit, 10_000)); // warm-up
    const longMs = bestMs(fill(unit, 100_000));
    expect(longMs).toBeLessThan(PER_CHAR_FACTOR * floor);
    if (longMs <= floor) return;
    const shortMs = Math.max(bestMs(fill(unit, 10_000)), floor / SCALING_LIMIT);
    expect(longMs / shortMs).toBeLessThan(SCALING_LIMIT);
  });
});
