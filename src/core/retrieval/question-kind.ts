// What kind of answer a question asks for (an amount, a duration, a way to reach someone) and whether a
// passage has one: a price question prefers the passage with the prices. Runtime: any.
import { normalize } from '../text/normalize.ts';

export type AnswerKind = 'amount' | 'duration' | 'contact';

const ASKS: ReadonlyArray<readonly [AnswerKind, RegExp]> = [
  ['amount', /(?<![\p{L}])(?:сколько\s+(?:стоит|стоят|будет стоить|платить|заплатить|берете|денег)|цен[аеуы]|стоимост\p{L}*|почем|how much|price\p{L}*|cost\p{L}*|fees?)(?![\p{L}])/u],
  ['duration', /(?<![\p{L}])(?:как долго|как быстро|сколько (?:дней|времени|часов|ждать|идет|будет идти)|в течение какого|какой срок|когда (?:придет|привезут|зачисл\p{L}*|вернут|подключ\p{L}*)|how long|how soon|how fast|how many days|when will)(?![\p{L}])/u],
  ['contact', /(?<![\p{L}])(?:телефон\p{L}*|номер (?:телефона|поддержки)|e-?mail|почт[аыу] (?:поддержки|для)|контакт\p{L}*|phone number|email address|contact details|number to call)(?![\p{L}])/u],
];

const HAS: Readonly<Record<AnswerKind, RegExp>> = {
  amount: /\d[\d\s\u00a0]*(?:[.,]\d+)?\s*(?:₽|руб|\$|€|%)|(?:\$|€)\s?\d|бесплатн|free of charge|for free|(?<![\p{L}])free(?![\p{L}])/iu,
  duration: /\d+(?:[–-]\d+)?\s*(?:минут|час|дн|день|недел|месяц|рабоч|minute|hour|day|week|month|business)|(?:сразу|мгновенно|immediately|instantly|straight away)/iu,
  contact: /\+?\d[\d\s()-]{7,}\d|[\w.+-]+@[\w-]+\.[\w.]+/u,
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
