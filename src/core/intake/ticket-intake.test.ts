import { describe, expect, it } from 'vitest';
import { readIntake } from './intake-kinds.ts';
import { continueIntake, intakeNotice, intakeRequest, missingOf, startIntake } from './ticket-intake.ts';

describe('reading intake items from a message', () => {
  it('takes a 9-digit account number however it is grouped, and calls other long numbers mistyped', () => {
    for (const text of ['123456789', 'Лицевой счёт 123 456 789', 'account no. 123-456-789, thanks'])
      expect(readIntake(text, ['account_number']).account_number, text).toEqual({ value: '123456789' });
    expect(readIntake('мой счёт 12345678', ['account_number']).account_number).toEqual({ invalid: true });
    expect(readIntake('it is 1234567890', ['account_number']).account_number).toEqual({ invalid: true });
    // Small numbers are not account numbers at all: nothing is said about them.
    expect(readIntake('у меня 2 роутера и 300 Мбит/с', ['account_number'])).toEqual({});
  });

  it('reads phone numbers before account numbers, so a phone is never a mistyped account', () => {
    expect(readIntake('Звоните на +7 (912) 345-67-89', ['account_number', 'phone'])).toEqual({
      phone: { value: '+79123456789' },
    });
    expect(readIntake('8 912 345 67 89, счёт 987654321', ['account_number', 'phone'])).toEqual({
      phone: { value: '+79123456789' },
      account_number: { value: '987654321' },
    });
  });

  it('takes e-mails and addresses in Russian and English, and says when an e-mail is mistyped', () => {
    expect(readIntake('пишите на Anna.P@Example.ru', ['email'])).toEqual({ email: { value: 'anna.p@example.ru' } });
    expect(readIntake('anna@example', ['email'])).toEqual({ email: { invalid: true } });
    expect(readIntake('Адрес: ул. Ленина, д. 5, кв. 12', ['address']).address).toEqual({
      value: 'Адрес: ул. Ленина, д. 5, кв. 12',
    });
    expect(readIntake('It is 221B Baker Street, flat 2', ['address']).address).toEqual({
      value: 'It is 221B Baker Street, flat 2',
    });
    expect(readIntake('Интернет не работает уже 3 дня', ['address'])).toEqual({});
  });

  it('leaves the account number out of an address sent with it', () => {
    expect(readIntake('счёт 123456789, адрес ул. Мира 7', ['account_number', 'address'])).toEqual({
      account_number: { value: '123456789' },
      address: { value: 'счёт, адрес ул. Мира 7' },
    });
  });

  it('takes the last 4 card digits from a short answer or beside the word card, not from any text', () => {
    expect(readIntake('4821', ['card_last4'])).toEqual({ card_last4: { value: '4821' } });
    expect(
      readIntake('The refund card ends in 4821, it is the one I used last year for everything', ['card_last4']),
    ).toEqual({ card_last4: { value: '4821' } });
    expect(
      readIntake('I moved here in 2019 and the internet has been bad ever since then, really bad', ['card_last4']),
    ).toEqual({});
  });
});

describe('a ticket’s intake', () => {
  it('starts from the profile and the earlier messages, and asks only for what is missing', () => {
    const intake = startIntake({
      requested: ['account_number', 'address'],
      customer: { email: 'kim@example.com' },
      customerTexts: ['Хочу сменить тариф, счёт 111222333', 'Позовите оператора'],
    });
    expect(intake.values).toEqual({ email: 'kim@example.com', account_number: '111222333' });
    expect(missingOf(intake)).toEqual(['address']);
    expect(intakeRequest(intake, 'ru')).toBe(
      'Пока Вы ждёте, пришлите, пожалуйста, адрес подключения: специалист сразу возьмётся за дело, и Вам не придётся повторять.',
    );
  });

  it('asks for an e-mail when none is known, even when the articles need nothing', () => {
    const intake = startIntake({ requested: [], customer: {}, customerTexts: ['A person, please'] });
    expect(intakeRequest(intake, 'en')).toBe(
      "If you can't wait, leave your e-mail address: the specialist will see it with your request.",
    );
    expect(intakeRequest({ requested: [], values: { email: 'a@b.co' } }, 'en')).toBe('');
  });

  it('acknowledges each item as it arrives, names what is still needed, and says what was mistyped', () => {
    const intake = startIntake({ requested: ['account_number', 'address'], customer: {}, customerTexts: [] });
    const wrong = continueIntake(intake, 'мой счёт 12345678');
    expect(wrong.added).toEqual([]);
    expect(intakeNotice(wrong, 'ru')).toBe(
      'В номере лицевого счёта 9 цифр: проверьте, пожалуйста, и пришлите его ещё раз.',
    );
    const right = continueIntake(wrong.intake, '123 456 789');
    expect(intakeNotice(right, 'ru')).toBe(
      'Спасибо, добавил к обращению: номер лицевого счёта 123456789. Осталось: адрес подключения.',
    );
    const done = continueIntake(right.intake, 'ул. Садовая, д. 10, кв. 4');
    expect(missingOf(done.intake)).toEqual([]);
    expect(intakeNotice(done, 'en')).toBe(
      "Thank you, I've added to your request: address ул. Садовая, д. 10, кв. 4. The specialist will see it in your request.",
    );
    expect(intakeNotice(continueIntake(done.intake, 'когда уже ответят?'), 'ru')).toBeNull();
  });
});
