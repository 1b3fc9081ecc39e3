// What kind of answer a question asks for (an amount, a duration, a way to reach someone) and whether a
// passage has one: a price question prefers the passage with the prices. Runtime: any.
import { normalize } from '../text/normalize.ts';
import { alternation, alternatives } from '../text/pattern.ts';

export type AnswerKind = 'amount' | 'duration' | 'contact';

/** A regex for any of the wordings, each a whole word or phrase. */
const wording = (patterns: readonly string[]) =>
  new RegExp(String.raw`(?<![\p{L}])(?:${alternatives(patterns)})(?![\p{L}])`, 'u');

const ASKS_AMOUNT = [
  String.raw`сколько\s+(?:стоит|стоят|будет стоить|платить|заплатить|берете|денег)`,
  String.raw`цен[аеуы]|стоимост\p{L}*|почем`,
  String.raw`how much|price\p{L}*|cost\p{L}*|fees?`,
];
const ASKS_DURATION = [
  'как долго|как быстро',
  'сколько (?:дней|времени|часов|ждать|идет|будет идти)',
  'в течение какого|какой срок',
  String.raw`когда (?:придет|привезут|зачисл\p{L}*|вернут|подключ\p{L}*)`,
  'how long|how soon|how fast|how many days|when will',
];
const ASKS_CONTACT = [
  String.raw`телефон\p{L}*|номер (?:телефона|поддержки)`,
  'e-?mail|почт[аыу] (?:поддержки|для)',
  String.raw`контакт\p{L}*`,
  'phone number|email address|contact details|number to call',
];

const ASKS: ReadonlyArray<readonly [AnswerKind, RegExp]> = [
  ['amount', wording(ASKS_AMOUNT)],
  ['duration', wording(ASKS_DURATION)],
  ['contact', wording(ASKS_CONTACT)],
];

/** Units of time after a number: «3 дня», «1–2 недели», "24 hours". */
const TIME_UNITS = ['минут|час|дн|день|недел|месяц|рабоч', 'minute|hour|day|week|month|business'];

const HAS: Readonly<Record<AnswerKind, RegExp>> = {
  amount: alternation(
    [
      // «1 000 ₽», "12.50 $": a digit, then at most spaces, before the currency. The same passages as
      // `\d[\d\s]*(?:[.,]\d+)?\s*₽` (the last digit of such a run is followed by spaces only), without trying
      // every digit of "1 1 1 1 …" and reading each try to the end of the run (quadratic).
      String.raw`\d\s*(?:₽|руб|\$|€|%)`,
      String.raw`(?:\$|€)\s?\d`,
      'бесплатн|free of charge|for free',
      String.raw`(?<![\p{L}])free(?![\p{L}])`,
    ],
    'iu',
  ),
  duration: alternation(
    [
      // A number starts where its digits start: not from each digit of a long run, each try reading to its end.
      String.raw`(?<!\d)\d+(?:[–-]\d+)?\s*(?:${alternatives(TIME_UNITS, 'iu')})`,
      '(?:сразу|мгновенно|immediately|instantly|straight away)',
    ],
    'iu',
  ),
  // An address starts where its run of address characters starts (else a long run without «@» is quadratic).
  contact: /\+?\d[\d\s()-]{7,}\d|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+/u,
};

/** The kind of answer the question asks for, if it names one. */
export function answerKindOf(question: string): AnswerKind | undefined {
  const text = normalize(question);
  return ASKS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** True when the passage has that kind of answer in it. */
export function fitsAnswerKind(kind: AnswerKind, passage: string): boolean {
  return HAS[kind].test(passage);
}
