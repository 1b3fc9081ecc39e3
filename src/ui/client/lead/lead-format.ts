// The lead dashboard's periods, and how it formats numbers and times in the page's language. Runtime: browser.
import { duration } from '../dom.ts';
import { lang, t } from '../page-lang.ts';

export type PeriodKey = '24h' | '7d' | '30d';
export type Unit = 'seconds' | 'minutes' | 'count' | 'percent' | 'csat';

export const HOUR = 3600;
export const DAY = 86_400;

export interface Period {
  readonly label: string;
  readonly seconds: number;
  /** Points on the charts. */
  readonly buckets: number;
}

export const PERIODS: Readonly<Record<PeriodKey, Period>> = {
  '24h': { label: t.period24h, seconds: DAY, buckets: 24 },
  '7d': { label: t.period7d, seconds: 7 * DAY, buckets: 7 },
  '30d': { label: t.period30d, seconds: 30 * DAY, buckets: 30 },
};

/** `from` and `to` of the period ending now, as the metrics endpoints take them. */
export function periodQuery(key: PeriodKey): string {
  const to = new Date();
  const from = new Date(to.getTime() - PERIODS[key].seconds * 1000);
  return `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
}

// ---- Formatting ---------------------------------------------------------------------------------------------

export const integer = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
export const oneDecimal = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const twoDecimals = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const percentFormat = new Intl.NumberFormat(lang, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
export const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
export const clock = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
export const clockSeconds = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
export const dayMonth = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' });

export const isNumber = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);
/** Sub-10-second times (the bot's) keep a decimal; longer ones read as "4 min 09 s". */
export const seconds = (value: number) =>
  value < 10 && !Number.isInteger(value) ? `${oneDecimal.format(value)} ${t.secondShort}` : duration(value, lang);
export const share = (value: number) => percentFormat.format(value);
export const toPercent = (value: number | null | undefined) => (isNumber(value) ? value * 100 : null);

export function formatUnit(unit: Unit, value: number): string {
  switch (unit) {
    case 'seconds':
      return seconds(value);
    case 'minutes':
      return oneDecimal.format(value);
    case 'count':
      return integer.format(value);
    case 'percent':
      return `${oneDecimal.format(value)} %`;
    case 'csat':
      return oneDecimal.format(value);
  }
}
