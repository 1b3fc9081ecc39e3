// Units and number words the claim checker understands, in Russian and English, as readable tables. Runtime: any.
import { alternatives } from '../text/pattern.ts';

export type Dimension = 'money' | 'percent' | 'duration' | 'rate' | 'size' | 'frequency' | 'count';

export interface UnitDefinition {
  readonly dimension: Dimension;
  /** Multiplier to the dimension's base unit: roubles, percent, seconds, bit/s, bytes. */
  readonly factor: number;
  /** Matched right after the number (case-insensitive, on text with «ё» folded to «е»). */
  readonly pattern: string;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** «рабочих», «календарных», «раб.»: the kind of day before «дней». */
const DAY_KIND_RU = String.raw`(?:(?:рабоч|календарн|банковск|бесплатн|полн|последн)[а-я]*|раб\.|кал\.)`;

/** Longer spellings first within a dimension; every pattern must end where the unit word ends. */
export const UNITS: readonly UnitDefinition[] = [
  { dimension: 'money', factor: 1000, pattern: 'тыс(?:яч[а-я]*)?\\.?\\s*(?:₽|руб(?:л[а-я]*)?\\.?)' },
  { dimension: 'money', factor: 1, pattern: '₽|руб(?:л[а-я]*)?\\.?|р\\.|rub(?:les?)?\\b|roubles?\\b|rubles?\\b' },
  { dimension: 'percent', factor: 1, pattern: '%|процент[а-я]*|per\\s?cent\\b' },
  { dimension: 'duration', factor: 1, pattern: 'сек(?:унд[а-я]*)?\\.?|seconds?\\b|secs?\\b' },
  { dimension: 'duration', factor: MINUTE, pattern: 'мин(?:ут[а-я]*)?\\.?|minutes?\\b|mins?\\b' },
  { dimension: 'duration', factor: HOUR, pattern: 'час(?:а|ов)?(?![а-я])|ч\\.|hours?\\b|hrs?\\b' },
  {
    dimension: 'duration',
    factor: DAY,
    pattern: alternatives([
      String.raw`(?:${DAY_KIND_RU}\s*)?(?:дн(?:я|ей|\.)|день|сут(?:ок|ки)?)(?![а-я])`,
      String.raw`(?:(?:business|working|calendar|bank|free|full|consecutive)\s+)?days?\b`,
    ]),
  },
  { dimension: 'duration', factor: 7 * DAY, pattern: 'недел[а-я]*|weeks?\\b' },
  { dimension: 'duration', factor: 30 * DAY, pattern: 'месяц[а-я]*|мес\\.|months?\\b' },
  { dimension: 'duration', factor: 365 * DAY, pattern: 'год(?:а|у)?(?![а-я])|лет(?![а-я])|years?\\b' },
  { dimension: 'rate', factor: 1e6, pattern: 'мбит(?:\\/с)?|mbit(?:\\/s)?|mbps|мб\\/с|mb\\/s' },
  { dimension: 'rate', factor: 1e9, pattern: 'гбит(?:\\/с)?|gbit(?:\\/s)?|gbps|гб\\/с|gb\\/s' },
  { dimension: 'frequency', factor: 1e9, pattern: 'ггц|ghz' },
  { dimension: 'frequency', factor: 1e6, pattern: 'мгц|mhz' },
  { dimension: 'size', factor: 1e9, pattern: 'гб(?![а-я])|gb\\b|гигабайт[а-я]*|gigabytes?\\b' },
  { dimension: 'size', factor: 1e6, pattern: 'мб(?![а-я])|mb\\b|мегабайт[а-я]*|megabytes?\\b' },
];

/** Spelled-out numbers (all forms a support reply uses). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  один: 1,
  одна: 1,
  одно: 1,
  одну: 1,
  одного: 1,
  одной: 1,
  одним: 1,
  два: 2,
  две: 2,
  двух: 2,
  пару: 2,
  три: 3,
  трех: 3,
  четыре: 4,
  четырех: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
  семь: 7,
  семи: 7,
  восемь: 8,
  восьми: 8,
  девять: 9,
  девяти: 9,
  десять: 10,
  десяти: 10,
  пятнадцать: 15,
  пятнадцати: 15,
  двадцать: 20,
  двадцати: 20,
  тридцать: 30,
  тридцати: 30,
  сорок: 40,
  сорока: 40,
  пятьдесят: 50,
  пятидесяти: 50,
  сто: 100,
  ста: 100,
  полтора: 1.5,
  полторы: 1.5,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  hundred: 100,
  a: 1,
  an: 1,
};

/** Words that stand for a quantity on their own: «полчаса», «сутки», "half an hour". */
export const QUANTITY_WORDS: ReadonlyArray<{
  readonly pattern: string;
  readonly dimension: Dimension;
  readonly value: number;
}> = [
  { pattern: 'полчаса|half\\s+an\\s+hour', dimension: 'duration', value: 30 * MINUTE },
  { pattern: 'четверть\\s+часа|(?:a\\s+)?quarter\\s+of\\s+an\\s+hour', dimension: 'duration', value: 15 * MINUTE },
  { pattern: '(?:only\\s+)?once(?=\\s+(?:a|per|every|in)\\s)|один\\s+раз|однократно', dimension: 'count', value: 1 },
  { pattern: 'twice|дважды|два\\s+раза', dimension: 'count', value: 2 },
  { pattern: 'three\\s+times|три\\s+раза|трижды', dimension: 'count', value: 3 },
  { pattern: 'полгода|half\\s+a\\s+year|six\\s+months', dimension: 'duration', value: 182 * DAY },
  { pattern: 'полминуты|half\\s+a\\s+minute', dimension: 'duration', value: 30 },
  { pattern: '(?:в\\s+течение|через|за|на|до|около)\\s+(?:минуты|минуту)', dimension: 'duration', value: MINUTE },
  { pattern: '(?:в\\s+течение|через|за|на|до|около)\\s+(?:часа|час)(?![а-я])', dimension: 'duration', value: HOUR },
  {
    pattern: '(?:в\\s+течение|через|за|на|до|около)\\s+(?:суток|сутки|дня|день)(?![а-я])',
    dimension: 'duration',
    value: DAY,
  },
  { pattern: '(?:в\\s+течение|через|за|на|до|около)\\s+(?:недели|неделю)', dimension: 'duration', value: 7 * DAY },
  {
    pattern: '(?:в\\s+течение|через|за|на|до|около)\\s+(?:месяца|месяц)(?![а-я])',
    dimension: 'duration',
    value: 30 * DAY,
  },
  {
    pattern: '(?:в\\s+течение|через|за|на|до|около)\\s+(?:года|год)(?![а-я])',
    dimension: 'duration',
    value: 365 * DAY,
  },
];

/** Quantities that mean "always available". */
export const ALWAYS = alternatives([
  String.raw`круглосуточн[а-я]*|24\s*\/\s*7|24\s+часа\s+в\s+сутки`,
  String.raw`around\s+the\s+clock|24\s+hours\s+a\s+day|day\s+and\s+night`,
  String.raw`без\s+выходных`,
]);

/** Months of the long form are all thirty days to the checker; a year is 365: equal phrases compare equal. */
export const DURATION_TOLERANCE = 0.02;
