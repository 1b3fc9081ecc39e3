// Quantities in text: amounts, percentages, durations, speeds, times of day and counts, normalised to base
// units so that «60 сек.», "60 seconds" and «одну минуту» compare equal. Runtime: any.
import { alternation, alternatives } from '../text/pattern.ts';
import { stem } from '../text/stem.ts';
import { isStopword } from '../text/stopwords.ts';
import { ALWAYS, DURATION_TOLERANCE, NUMBER_WORDS, QUANTITY_WORDS, UNITS, type Dimension } from './units.ts';

export type QuantityDimension = Dimension | 'time' | 'always';

export interface Quantity {
  readonly dimension: QuantityDimension;
  /** In base units: roubles, percent, seconds, bit/s, bytes, minutes after midnight, a count. */
  readonly value: number;
  /** The number as written, before units ("2,4" in «2,4 ГГц» is 2.4). */
  readonly amount: number;
  /** For counts: the counted word's stem («попыток» → "попыток"), "ord" for an ordinal, "" for a bare number. */
  readonly unit: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const UNIT_PATTERNS = UNITS.map((unit) => ({
  ...unit,
  regex: new RegExp(`^[\\s\\u00a0\\u202f-]*(?:${unit.pattern})`, 'u'),
}));
const WHOLE = '\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?![\\d,.]\\d)|\\d{1,3}(?:,\\d{3})+(?![\\d,.]\\d)|\\d+';
const NUMBER = new RegExp(
  `(?<![\\d\\p{L}])(${WHOLE})(?:[.,](\\d+))?(?:\\s*(?:–|—|-|до|to)\\s*(${WHOLE})(?:[.,](\\d+))?)?`,
  'gu',
);
const TIME = /(?<![\d.:])([01]?\d|2[0-4])[:.]([0-5]\d)(?![\d.:]\d)/g;
const AM_PM = /(?<![\d:])(1[0-2]|0?\d)(?:\s*[–—-]\s*(1[0-2]|0?\d))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/g;
/** «9 утра», «8 вечера», «2 часа дня»: an hour of the day in words («2 дня» alone is two days). */
const HOUR_OF_DAY =
  /(?<![\d:])(1[0-2]|0?\d)(?:\s*час(?:а|ов)?\s+(дня)|\s*(?:час(?:а|ов)?\s+)?(утра|вечера|ночи))(?![а-я])/gu;
const MONTHS: readonly string[] = [
  ['январ', 'феврал', 'март', 'апрел', 'ма[яй]', 'июн'],
  ['июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'],
].flat();
const MONTHS_EN: readonly string[] = [
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun'],
  ['jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
].flat();
/** «31 декабря», "31 December", "December 31": a date, as month × 100 + day. */
const DATE = alternation(
  [
    String.raw`(?<![\d\p{L}])(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${[...MONTHS, ...MONTHS_EN].join('|')})[\p{L}]*`,
    String.raw`(?<![\p{L}])(${MONTHS_EN.join('|')})[a-z]*\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d\p{L}])`,
  ],
  'gu',
);
/** «31.12.2026», «01.09»: a date written in numbers (a time of day uses a colon). */
const NUMERIC_DATE = /(?<![\d.,])(\d{1,2})\.(\d{2})(?:\.(?:\d{4}|\d{2}))?(?![\d,]|\.\d)/g;
const monthOf = (word: string) => {
  const russian = MONTHS.findIndex((stem) => new RegExp(`^${stem}`, 'u').test(word));
  return russian !== -1 ? russian + 1 : MONTHS_EN.findIndex((stem) => word.startsWith(stem)) + 1;
};
const FROM_TO_HOURS = /(?<![\p{L}])с\s+(\d{1,2})\s+до\s+(\d{1,2})(?!\d)(?:\s*(?:час[а-я]*|ч\.))?/gu;
/** «1/30 абонентской платы»; "15 / 30" with spaces is a division in a worked example, not a fraction. */
const FRACTION = /(?<![\d/])(\d{1,3})\/(\d{1,3})(?![\d/])/g;
const ALWAYS_PATTERN = new RegExp(ALWAYS, 'gu');
const WORD_AFTER = /^[\s\u00a0\u202f-]*([\p{L}]+)/u;
const ORDINAL = /^-?(?:го|е|й|я|ое|ого|st|nd|rd|th)(?![\p{L}])/u;
const WORD_NUMBER = new RegExp(`(?<![\\p{L}])(${Object.keys(NUMBER_WORDS).join('|')})(?![\\p{L}])`, 'gu');
const TIME_CONTEXT =
  /(?:within|in|for|after|about|around|under|over|than|to|takes?|lasts?|only|least|half|once|twice)\s+$/u;
const RATE_CONTEXT = /(?:₽|руб\S*|rub\S*|roubles?|per)\s*$/u;

/** Nouns that count the reply's own enumeration ("3 ways", «2 способа»): not facts to look up. */
const ENUMERATION_NOUNS = [
  'способ|вариант|шаг|пункт|действи|совет|пут|вещ|строк|момент|правил',
  'way|option|step|method|thing|tip|point|rule|path|line',
];
const ENUMERATION = new RegExp(`^(?:${alternatives(ENUMERATION_NOUNS)})`, 'u');

const lowered = (text: string) => text.toLowerCase().replace(/ё/g, 'е');
const toNumber = (whole: string, fraction: string | undefined) =>
  Number(`${whole.replace(/[\s\u00a0\u202f,]/g, '')}${fraction === undefined ? '' : `.${fraction}`}`);

/** Blanks a span so later patterns skip it, keeping positions. */
export function mask(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

/** Every quantity in `text`, in order of appearance. Contacts and links should be masked out first. */
export function quantitiesOf(text: string): Quantity[] {
  // What is left to read, with what is found blanked out. Each pattern runs on the string as it is when that
  // pattern starts, rebuilt from the last one and the spans blanked since, by concatenation (rebuilding it for every
  // quantity, `mask`, is quadratic in a text of many; V8's Array#join of its characters grows faster than its
  // length). The words around a match are read with the blanks made by the same pattern, from a mark per character.
  let current = lowered(text);
  const isBlank = new Uint8Array(current.length);
  // The spans blanked since the last rebuild, as starts and ends: each pattern's matches come in order.
  let blankStarts: number[] = [];
  let blankEnds: number[] = [];
  const refresh = () => {
    if (blankStarts.length === 0) return current;
    let rebuilt = '';
    let at = 0;
    for (let index = 0; index < blankStarts.length; index += 1) {
      const from = Math.max(blankStarts[index] ?? 0, at);
      const end = blankEnds[index] ?? 0;
      if (end <= from) continue;
      rebuilt += current.slice(at, from) + ' '.repeat(end - from);
      at = end;
    }
    current = rebuilt + current.slice(at);
    blankStarts = [];
    blankEnds = [];
    return current;
  };
  const blank = (start: number, end: number) => {
    isBlank.fill(1, start, end);
    blankStarts.push(start);
    blankEnds.push(end);
  };
  const read = (from: number, to: number) => {
    const start = Math.max(0, from);
    const end = Math.min(to, current.length);
    let window = current.slice(start, end);
    for (let at = start; at < end; at += 1)
      if (isBlank[at] === 1 && window.charAt(at - start) !== ' ')
        window = window.slice(0, at - start) + ' ' + window.slice(at - start + 1);
    return window;
  };
  const found: Quantity[] = [];
  const add = (
    dimension: QuantityDimension,
    value: number,
    unit: string,
    start: number,
    end: number,
    amount = value,
  ) => {
    found.push({ dimension, value, amount, unit, text: text.slice(start, end), start, end });
    blank(start, end);
  };
  for (const match of refresh().matchAll(ALWAYS_PATTERN))
    add('always', 1, '', match.index, match.index + match[0].length);
  for (const match of refresh().matchAll(FROM_TO_HOURS)) {
    add('time', Number(match[1]) * 60, '', match.index, match.index + match[0].length, Number(match[1]));
    found.push({ ...(found.at(-1) as Quantity), value: Number(match[2]) * 60, amount: Number(match[2]) });
  }
  for (const match of refresh().matchAll(TIME))
    add(
      'time',
      Number(match[1]) * 60 + Number(match[2]),
      '',
      match.index,
      match.index + match[0].length,
      Number(match[1]),
    );
  for (const match of refresh().matchAll(AM_PM)) {
    // "1–5 pm": the mark applies to both ends of the range.
    const pm = match[3]?.startsWith('p') === true;
    for (const hour of [match[1], match[2]])
      if (hour !== undefined)
        add(
          'time',
          ((Number(hour) % 12) + (pm ? 12 : 0)) * 60,
          '',
          match.index,
          match.index + match[0].length,
          Number(hour),
        );
  }
  for (const match of refresh().matchAll(NUMERIC_DATE)) {
    const [day, month] = [Number(match[1]), Number(match[2])];
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12)
      add('count', month * 100 + day, 'date', match.index, match.index + match[0].length, day);
  }
  for (const match of refresh().matchAll(DATE)) {
    const day = Number(match[1] ?? match[4]);
    const month = monthOf(match[2] ?? match[3] ?? '');
    if (month > 0 && day >= 1 && day <= 31)
      add('count', month * 100 + day, 'date', match.index, match.index + match[0].length, day);
  }
  for (const match of refresh().matchAll(HOUR_OF_DAY)) {
    const hour = Number(match[1]);
    const part = match[2] ?? match[3];
    const afternoon = part === 'вечера' || (part === 'дня' && hour < 6);
    add('time', ((hour % 12) + (afternoon ? 12 : 0)) * 60, '', match.index, match.index + match[0].length, hour);
  }
  for (const match of refresh().matchAll(FRACTION))
    add('count', Number(match[1]) / Number(match[2]), 'frac', match.index, match.index + match[0].length);
  for (const { pattern, dimension, value } of QUANTITY_WORDS) {
    for (const match of refresh().matchAll(new RegExp(`(?<![\\p{L}])(?:${pattern})(?![\\p{L}])`, 'gu')))
      add(dimension, value, dimension === 'count' ? 'times' : '', match.index, match.index + match[0].length);
  }
  for (const match of refresh().matchAll(WORD_NUMBER)) {
    const after = match.index + match[0].length;
    const unit = unitAt(read(after, after + UNIT_WINDOW));
    const value = NUMBER_WORDS[match[1] ?? ''] ?? 0;
    // Spelled-out counts ("пять индикаторов") from two up; "a", "one" and «один» are too common to be counts.
    if (unit === undefined || (unit.dimension === 'count' && (value < 2 || unit.key === 'ord' || unit.key === '')))
      continue;
    // "a day" is a duration only after a word of time ("within a day"), not in "agree a day" or "690 ₽ a month".
    if ((match[1] === 'a' || match[1] === 'an') && !TIME_CONTEXT.test(read(match.index - 16, match.index))) continue;
    if (match[1] === 'one' && RATE_CONTEXT.test(read(match.index - 12, match.index))) continue;
    if (unit.dimension === 'count') {
      found.push({
        dimension: 'count',
        value,
        amount: value,
        unit: unit.key,
        text: text.slice(match.index, after + 1 + wordAfterLength(read, after, current.length) - 1),
        start: match.index,
        end: after,
      });
      blank(match.index, after);
      continue;
    }
    add(unit.dimension, value * unit.factor, '', match.index, after + unit.length, value);
  }
  for (const match of refresh().matchAll(NUMBER)) {
    const values = [toNumber(match[1] ?? '', match[2])];
    if (match[3] !== undefined) values.push(toNumber(match[3], match[4]));
    const after = match.index + match[0].length;
    const unit = unitAt(read(after, after + UNIT_WINDOW));
    const end = after + (unit?.length ?? 0);
    // «9–20 ч.», "9-21 hours" as opening hours: a range of hours ending after noon is a time of day.
    if (
      unit?.dimension === 'duration' &&
      unit.factor === 3600 &&
      values.length === 2 &&
      (values[1] ?? 0) > 12 &&
      (values[1] ?? 0) <= 24 &&
      (values[0] ?? 0) < (values[1] ?? 0)
    ) {
      for (const value of values)
        found.push({
          dimension: 'time',
          value: value * 60,
          amount: value,
          unit: '',
          text: text.slice(match.index, end),
          start: match.index,
          end,
        });
      continue;
    }
    // «2026 года», "in 2027": a calendar year, not a period of two thousand years.
    if (unit?.dimension === 'duration' && values.every((value) => value >= 1900 && value <= 2100)) {
      for (const value of values)
        found.push({
          dimension: 'count',
          value,
          amount: value,
          unit: 'year',
          text: text.slice(match.index, end),
          start: match.index,
          end,
        });
      continue;
    }
    for (const value of values) {
      if (unit === undefined)
        found.push({
          dimension: 'count',
          value,
          amount: value,
          unit: '',
          text: text.slice(match.index, end),
          start: match.index,
          end,
        });
      else
        found.push({
          dimension: unit.dimension,
          value: value * unit.factor,
          amount: value,
          unit: unit.key,
          text: text.slice(match.index, end),
          start: match.index,
          end,
        });
    }
  }
  return found.sort((left, right) => left.start - right.start);
}

interface UnitMatch {
  readonly dimension: Dimension;
  readonly factor: number;
  readonly key: string;
  readonly length: number;
}

/** How far after a number its unit is looked for. */
const UNIT_WINDOW = 48;

/**
 * The length of `WORD_AFTER`'s match at `position`, read through windows that double until the match ends inside
 * one: not on all the text after the number, which is quadratic in a text of many numbers.
 */
function wordAfterLength(read: (from: number, to: number) => string, position: number, length: number): number {
  for (let size = 64; ; size *= 2) {
    const window = read(position, position + size);
    const matched = WORD_AFTER.exec(window)?.[0].length ?? 0;
    // A match that stops short of the window's last character (which may be half a surrogate pair) is complete.
    if (matched < window.length - 1 || position + size >= length) return matched;
  }
}

/** The unit at the start of `tail` (the text after a number). */
function unitAt(tail: string): UnitMatch | undefined {
  for (const unit of UNIT_PATTERNS) {
    const match = unit.regex.exec(tail);
    // The full stop after a whole word ends the sentence; after «сек.» or «мин.» it is part of the unit.
    if (match !== null)
      return {
        dimension: unit.dimension,
        factor: unit.factor,
        key: '',
        length: match[0].length - (/\p{L}{5,}\.$/u.test(match[0]) ? 1 : 0),
      };
  }
  const ordinal = ORDINAL.exec(tail);
  if (ordinal !== null) return { dimension: 'count', factor: 1, key: 'ord', length: ordinal[0].length };
  const word = WORD_AFTER.exec(tail)?.[1];
  if (word === undefined || isStopword(word)) return undefined;
  // «два раза», "3 times": how often, the same unit as «один раз» and "twice".
  if (/^(?:раз|раза|times?)$/u.test(word)) return { dimension: 'count', factor: 1, key: 'times', length: 0 };
  return { dimension: 'count', factor: 1, key: stem(word), length: 0 };
}

/** True for a count of the reply's own list items ("2 ways"), which no article needs to state. */
export function isEnumerationCount(quantity: Quantity): boolean {
  return quantity.dimension === 'count' && ENUMERATION.test(quantity.unit);
}

/** Same quantity: same dimension and value (durations within a rounding tolerance: 30 days ≈ a month). */
export function sameQuantity(left: Quantity, right: Quantity): boolean {
  // A bare number in a reply stands for the same number with any unit in the source («2,4 и 5 ГГц»).
  if (left.dimension !== right.dimension)
    return left.dimension === 'count' && left.unit === '' && right.amount === left.amount;
  // «С 1 декабря» and «с 1-го числа»: a date and a day of the month agree on the day.
  if (left.dimension === 'count' && [left.unit, right.unit].includes('date') && [left.unit, right.unit].includes('ord'))
    return left.amount === right.amount;
  if (left.dimension === 'count' && (left.unit === 'date') !== (right.unit === 'date')) return false;
  if (left.dimension === 'duration')
    return Math.abs(left.value - right.value) <= DURATION_TOLERANCE * Math.max(left.value, right.value);
  return left.value === right.value;
}
