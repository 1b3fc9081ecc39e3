// What the lead dashboard reads from the API, its periods, and how it formats numbers in the page's language. Runtime: browser.
import { STRINGS, uiLang } from '../i18n.ts';
import { duration } from './dom.ts';

export interface Kpis {
  readonly period: { readonly from: string; readonly to: string };
  readonly firstResponseBotSeconds: number | null;
  readonly firstResponseHumanSeconds: number | null;
  readonly resolutionSeconds: number | null;
  readonly conversations: number | null;
  readonly tickets: number | null;
  readonly backlog: number | null;
  readonly overdue: number | null;
  readonly slaAttainment: number | null;
  readonly containment: number | null;
  readonly handoffRateByReason: Readonly<Record<string, number>> | null;
  readonly csat: { readonly average: number | null; readonly responses: number | null; readonly responseRate: number | null } | null;
}
export interface KpiSeries {
  readonly from: string;
  readonly to: string;
  readonly buckets: readonly Kpis[];
}
export interface EvalRun {
  readonly id: string;
  readonly createdAt: string;
  readonly seconds: number;
  readonly prompts: string;
  readonly gate: { readonly passed: boolean; readonly failures: readonly string[] };
  readonly hasBaseline: boolean;
  readonly metrics: {
    readonly cases: number;
    readonly passRate: number;
    readonly retrieval: { readonly hitAt1: number; readonly hitAt5: number; readonly mrr: number };
    readonly politeness: { readonly mean: number };
    readonly accuracy: { readonly factRecall: number; readonly groundedness: number };
    readonly handoff: { readonly precision: number; readonly recall: number; readonly f1: number };
    readonly calibration: { readonly ece: number; readonly brier: number };
  };
}

export type PeriodKey = '24h' | '7d' | '30d';
export type Unit = 'seconds' | 'minutes' | 'count' | 'percent' | 'csat';

export const lang = uiLang(document.documentElement.lang);
export const t = STRINGS[lang];
export const HOUR = 3600;
export const DAY = 86_400;
export const PERIODS: Readonly<Record<PeriodKey, { readonly label: string; readonly seconds: number; readonly buckets: number }>> = {
  '24h': { label: t.period24h, seconds: DAY, buckets: 24 },
  '7d': { label: t.period7d, seconds: 7 * DAY, buckets: 7 },
  '30d': { label: t.period30d, seconds: 30 * DAY, buckets: 30 },
};
/** Okabe–Ito hues, darkened where needed for 3:1 contrast on white; dashes tell series apart without colour. */

// ---- Formatting ---------------------------------------------------------------------------------------------

export const integer = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
export const oneDecimal = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const twoDecimals = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const percentFormat = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
export const clock = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
export const clockSeconds = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
export const dayMonth = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' });

export const isNumber = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);
/** Sub-10-second times (the bot's) keep a decimal; longer ones read as "4 min 09 s". */
export const seconds = (value: number) => (value < 10 && !Number.isInteger(value) ? `${oneDecimal.format(value)} ${t.secondShort}` : duration(value, lang));
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
