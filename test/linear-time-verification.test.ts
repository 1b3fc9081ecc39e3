// The claim checker (its extractors, and `verifyText` checking a whole answer claim by claim) and the question-kind
// patterns run on model answers and article text of up to 100,000 characters: they must take time linear in its
// length, like the customer-text entry points (linear-time.test.ts), on inputs shaped against each of their patterns.
import { describe, expect, it } from 'vitest';
import { describeLinearTime, type EntryPoint, type Shape } from './support/linear-time.ts';
import { canonicalUrl, contactsOf } from '../src/core/verification/contacts.ts';
import { claimsOf, clauseAround } from '../src/core/verification/claims.ts';
import { isGeneric, termsOf } from '../src/core/verification/claim-terms.ts';
import { commitmentsOf } from '../src/core/verification/commitments.ts';
import { compoundNamesOf, entitiesOf, menuStepsOf, personalDataOf } from '../src/core/verification/entities.ts';
import { mentionsOf, nameVocabulary } from '../src/core/verification/names.ts';
import { quantitiesOf } from '../src/core/verification/quantities.ts';
import { plainSentence, segmentsOf } from '../src/core/verification/segments.ts';
import { factsOf, type SourceDocument } from '../src/core/verification/source-index.ts';
import { verifyText } from '../src/core/verification/verify.ts';
import { answerKindOf, fitsAnswerKind } from '../src/core/retrieval/question-kind.ts';

const VOCABULARY = new Set(['оптим', 'старт', 'максимум']);

/** The articles a model answer is checked against: plans with prices, a refund promise, contacts, a menu path. */
const ARTICLES: readonly SourceDocument[] = [
  {
    articleId: 'plans',
    heading: 'Тарифы › Цены',
    text:
      'У «Кометы» три тарифа: «Старт» (100 Мбит/с, 490 ₽ в месяц), «Оптима» (500 Мбит/с, 690 ₽) и «Максимум» ' +
      '(1 Гбит/с, 990 ₽). The Optima plan costs $12.50 a month, 2,490 RUB a year.',
  },
  {
    articleId: 'refunds',
    heading: 'Возвраты',
    text:
      'Деньги вернём в течение 10 рабочих дней. Стоимость доставки не возвращается. We will credit 50% off within ' +
      '3 business days. Шаг 2: откройте Профиль → Личные данные на kometa.example/profile.',
  },
  {
    articleId: 'support',
    heading: 'Поддержка',
    text: 'Позвоните по номеру 8 800 555-35-35 или напишите на help@kometa.example. Мастер приедет с 9 до 18.',
  },
];

const ENTRY_POINTS: readonly EntryPoint[] = [
  ['contactsOf', (text) => contactsOf(text)],
  ['canonicalUrl', (text) => canonicalUrl(text)],
  ['claimsOf', (text) => claimsOf(text)],
  ['clauseAround', (text) => clauseAround(text, text.length >> 1)],
  ['termsOf', (text) => termsOf(text)],
  ['isGeneric', (text) => isGeneric(text)],
  ['commitmentsOf', (text) => commitmentsOf(text)],
  ['entitiesOf', (text) => entitiesOf(text)],
  ['compoundNamesOf', (text) => compoundNamesOf(text, (word) => word.length % 2 === 0)],
  ['personalDataOf', (text) => personalDataOf(text)],
  ['menuStepsOf', (text) => menuStepsOf(text)],
  ['nameVocabulary', (text) => nameVocabulary([text])],
  ['mentionsOf', (text) => mentionsOf(text, VOCABULARY)],
  ['quantitiesOf', (text) => quantitiesOf(text)],
  ['segmentsOf', (text) => segmentsOf(text)],
  ['plainSentence', (text) => plainSentence(text)],
  ['factsOf', (text) => factsOf(text)],
  ['answerKindOf', (text) => answerKindOf(text)],
  ['fitsAnswerKind amount', (text) => fitsAnswerKind('amount', text)],
  ['fitsAnswerKind duration', (text) => fitsAnswerKind('duration', text)],
  ['fitsAnswerKind contact', (text) => fitsAnswerKind('contact', text)],
  // The whole checker: a model answer of that length checked claim by claim against fixed articles.
  ['verifyText', (text) => verifyText(text, ARTICLES, { customerText: 'Когда вернут деньги? Иван Петров' })],
];

/** A model answer and an article as the checker reads them: prices, periods, contacts, names, promises. */
const REFERENCE_UNIT =
  'У «Кометы» три тарифа: «Старт» (100 Мбит/с, 490 ₽ в месяц), «Оптима» (500 Мбит/с, 690 ₽) и «Максимум» ' +
  '(1 Гбит/с, 990 ₽). Позвоните по номеру 8 800 555-35-35 или напишите на help@kometa.example, мы вернём деньги ' +
  'в течение 10 рабочих дней. Откройте Профиль → Личные данные на kometa.example/profile. The Optima plan costs ' +
  '$12.50 a month, 2,490 RUB a year; we will credit 50% off within 3 business days. Мастер приедет с 9 до 18. ';

const ADVERSARIAL: readonly Shape[] = [
  ['digits', '7'],
  ['digits, spaces', '1 '],
  ['digits, dots', '1.'],
  ['digits, commas', '1,'],
  ['digit groups', '1 000 '],
  ['digits, hyphens', '1-'],
  ['fractions', '1/2 '],
  ['times', '1:11 '],
  ['amounts', '1 руб '],
  ['currency', '$1 '],
  ['percent', '1 % '],
  ['word before nothing', 'a'],
  ['letters, dots', 'a.'],
  ['dotted words', 'a.b'],
  ['dots before a letter', '....x'],
  ['at signs', 'a@'],
  ['addresses', 'a@b.ru '],
  ['hyphenated words', 'a-b'],
  ['hyphens', '-'],
  ['underscores', '_'],
  ['letter, underscore', 'a_'],
  ['letters and digits', 'abc1'],
  ['codes', 'AX55 '],
  ['capitals after hyphens', 'A-'],
  ['capitalised words', 'Abc '],
  ['capitalised after lower case', 'a Abc '],
  ['arrows', 'a>'],
  ['Cyrillic arrows', 'а>'],
  ['spaced arrows', '> '],
  ['spaces', ' '],
  ['newlines', '\n'],
  ['promises', 'вернём '],
  ['refunds', 'вернут деньги '],
  ['names', 'Иван Петров '],
  ['streets', 'ул. Ленина '],
  ['phones', '8 800 555 35 35 '],
  ['domains', 'a.ru '],
  ['mixed scripts', 'аbсdеfgх1!'],
  ['link, then dots', (length) => `http://a${'.'.repeat(length - 9)}x`],
  ['link of dots', (length) => `www.${'.'.repeat(length - 4)}`],
];

describeLinearTime('claim checking is linear in the text length', ENTRY_POINTS, REFERENCE_UNIT, ADVERSARIAL);

describe('the rewritten patterns read ordinary text as before', () => {
  it('finds e-mail addresses, phones, links and keys', () => {
    const text =
      'Пишите на Help.Desk+ru@kometa.example или no-reply@kometa.example, звоните 8 (800) 555-35-35, ' +
      'сайт www.kometa.example/help..., ключ sk-abcdef123456 и token_abcdefghij1234567890xyz.';
    expect(contactsOf(text).map((contact) => [contact.kind, contact.value])).toEqual([
      ['email', 'help.desk+ru@kometa.example'],
      ['email', 'no-reply@kometa.example'],
      ['phone', '88005553535'],
      ['url', 'kometa.example/help'],
      ['secret', 'sk-abcdef123456'],
      ['secret', 'token_abcdefghij1234567890xyz'],
    ]);
    expect(canonicalUrl('https://www.Kometa.example/tariffs/!?')).toBe('kometa.example/tariffs');
  });

  it('finds amounts, periods and contacts in passages in Russian and English', () => {
    for (const passage of ['Стоимость 2 490 ₽ в месяц', 'Абонплата 690,50 руб.', 'It costs $12.50', 'скидка 50 %'])
      expect(fitsAnswerKind('amount', passage)).toBe(true);
    for (const passage of ['Цена зависит от тарифа', 'Тариф 2026 года', 'version 1.5 is out'])
      expect(fitsAnswerKind('amount', passage)).toBe(false);
    for (const passage of ['в течение 3–5 рабочих дней', 'within 24 hours', 'за 10 дней'])
      expect(fitsAnswerKind('duration', passage)).toBe(true);
    expect(fitsAnswerKind('duration', 'в 2026 году')).toBe(false);
    for (const passage of ['звоните +7 (800) 555-35-35', 'mail help.desk@kometa.example'])
      expect(fitsAnswerKind('contact', passage)).toBe(true);
    expect(fitsAnswerKind('contact', 'help@localhost')).toBe(false);
  });

  it('finds promises, refunds only of money, and discounts', () => {
    const kinds = (text: string) => commitmentsOf(text).map((commitment) => commitment.kind);
    expect(kinds('Мы вернём деньги за этот месяц.')).toEqual(['action', 'refund']);
    expect(kinds('Услуги вернутся после подключения, роутер вернут курьером.')).toEqual([]);
    expect(kinds('Деньги вернут за 5 дней.')).toEqual(['refund']);
    expect(kinds('You get 20% off the first month.')).toEqual(['discount']);
  });

  it('finds product codes, names before "plan" and menu paths', () => {
    expect(entitiesOf('Роутер EX-1000 и приставка AX55 поддерживают 4K.').map((entity) => entity.text)).toEqual([
      'EX-1000',
      'AX55',
      '4K',
    ]);
    expect(entitiesOf('Choose the Maximum plan.').map((entity) => [entity.kind, entity.text])).toEqual([
      ['name', 'Maximum'],
    ]);
    expect(menuStepsOf('Откройте «Профиль» → Личные данные -> Wi-Fi').map((step) => [step.text, step.start])).toEqual([
      ['Профиль', 10],
      ['Личные', 21],
      ['данные', 28],
      ['Wi-Fi', 38],
    ]);
  });

  it('takes capitalised words as names only inside a sentence, and finds their mentions once', () => {
    const vocabulary = nameVocabulary(['Тариф Оптима дешевле. Оптима подходит всем, как и Старт.']);
    expect([...vocabulary].sort()).toEqual(['оптим', 'старт']);
    expect(mentionsOf('На тарифе «Оптима» и Старт', vocabulary).map((mention) => mention.key)).toEqual([
      'оптим',
      'старт',
    ]);
  });

  it('reads quantities around masked spans and counted words', () => {
    expect(
      quantitiesOf('с 9 до 18, 1/30 платы, пять индикаторов, через неделю, 2 490 ₽').map((quantity) => [
        quantity.dimension,
        quantity.value,
        quantity.text,
      ]),
    ).toEqual([
      ['time', 540, 'с 9 до 18'],
      ['time', 1080, 'с 9 до 18'],
      ['count', 1 / 30, '1/30'],
      ['count', 5, 'пять индикаторов'],
      ['duration', 7 * 86_400, 'через неделю'],
      ['money', 2490, '2 490 ₽'],
    ]);
    expect(factsOf('Звоните 8 800 555-35-35, 3 дня').quantities.map((quantity) => quantity.text)).toEqual(['3 дня']);
  });
});
