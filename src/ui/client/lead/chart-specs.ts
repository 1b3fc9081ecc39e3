// The lead dashboard's charts: which KPIs each one plots, uPlot options, and the same numbers as a table.
// Runtime: browser.
import type uPlot from 'uplot';
import { label } from '../../i18n.ts';
import type { Kpis } from '../api-types.ts';
import { h } from '../dom.ts';
import { lang, t } from '../page-lang.ts';
import {
  DAY,
  HOUR,
  clock,
  dateTime,
  dayMonth,
  formatUnit,
  isNumber,
  toPercent,
  type PeriodKey,
  type Unit,
} from './lead-format.ts';

export interface Line {
  readonly label: string;
  readonly pick: (kpis: Kpis) => number | null;
}
export interface ChartSpec {
  readonly id: string;
  readonly caption: string;
  readonly unit: Unit;
  readonly lines: readonly Line[];
}
export interface Chart {
  readonly host: HTMLElement;
  readonly figure: HTMLElement;
  readonly data: HTMLElement;
  plot?: uPlot;
  signature?: string;
}

export const CHART_HEIGHT = 220;
export const MIN_CHART_WIDTH = 280;
/** Okabe–Ito hues, darkened where needed for 3:1 contrast on white; dashes tell series apart without colour. */
export const COLOURS = ['#0072b2', '#c84f00', '#007a5a', '#b3478f', '#8a6100', '#000000'];
export const DASHES: readonly number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 5]];
export const REASON_ORDER = ['human_request', 'emotion', 'sensitive', 'low_confidence', 'loop', 'error'];

// ---- Charts -------------------------------------------------------------------------------------------------

export function reasonsIn(buckets: readonly Kpis[]): string[] {
  const found = new Set(buckets.flatMap((bucket) => Object.keys(bucket.handoffRateByReason ?? {})));
  const rank = (reason: string) => (REASON_ORDER.includes(reason) ? REASON_ORDER.indexOf(reason) : REASON_ORDER.length);
  return [...found].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function chartSpecs(buckets: readonly Kpis[]): ChartSpec[] {
  return [
    {
      id: 'first-response',
      caption: t.chartFirstResponse,
      unit: 'seconds',
      lines: [
        { label: t.bot, pick: (k) => k.firstResponseBotSeconds },
        { label: t.agent, pick: (k) => k.firstResponseHumanSeconds },
      ],
    },
    {
      id: 'resolution',
      caption: t.chartResolution,
      unit: 'minutes',
      lines: [
        { label: t.kpiResolution, pick: (k) => (isNumber(k.resolutionSeconds) ? k.resolutionSeconds / 60 : null) },
      ],
    },
    {
      id: 'backlog',
      caption: t.chartBacklog,
      unit: 'count',
      lines: [
        { label: t.kpiBacklog, pick: (k) => k.backlog },
        { label: t.kpiOverdue, pick: (k) => k.overdue },
      ],
    },
    {
      id: 'sla',
      caption: t.chartSla,
      unit: 'percent',
      lines: [
        { label: t.kpiSla, pick: (k) => toPercent(k.slaAttainment) },
        { label: t.kpiContainment, pick: (k) => toPercent(k.containment) },
      ],
    },
    {
      id: 'handoff',
      caption: t.chartHandoff,
      unit: 'percent',
      // A bucket without conversations has no rate; with conversations, a missing reason means none were handed off
      // for it.
      lines: reasonsIn(buckets).map((reason) => ({
        label: label(lang, reason),
        pick: (k: Kpis) =>
          isNumber(k.conversations) && k.conversations > 0 ? toPercent(k.handoffRateByReason?.[reason] ?? 0) : null,
      })),
    },
    {
      id: 'csat',
      caption: t.chartCsat,
      unit: 'csat',
      lines: [{ label: t.kpiCsat, pick: (k) => k.csat?.average ?? null }],
    },
  ];
}

export function yRange(unit: Unit): uPlot.Scale.Range {
  if (unit === 'percent') return [0, 100];
  if (unit === 'csat') return [1, 5];
  // At least 0..1 so that a few tiny values (a bot answering in 0.05 s) do not blow up the axis.
  return (_plot, _min, max) => [0, isNumber(max) ? Math.max(1, max * 1.15) : 1];
}

/** Axis numbers carry as many decimals as the tick step needs: 0.05 s steps read "0,05", 20 % steps "20". */
export function axisNumber(increment: number): Intl.NumberFormat {
  const decimals = increment > 0 && increment < 1 ? Math.min(3, Math.ceil(-Math.log10(increment) - 1e-9)) : 0;
  return new Intl.NumberFormat(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function plotOptions(spec: ChartSpec, period: PeriodKey, width: number): uPlot.Options {
  const hourly = period === '24h';
  const timeLabel = (value: number) => (hourly ? clock : dayMonth).format(new Date(value * 1000));
  return {
    width,
    height: CHART_HEIGHT,
    scales: { x: { time: true }, y: { range: yRange(spec.unit) } },
    axes: [
      {
        space: 64,
        incrs: hourly
          ? [HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 12 * HOUR, DAY]
          : [DAY, 2 * DAY, 3 * DAY, 7 * DAY, 14 * DAY],
        values: (_plot, splits) => splits.map(timeLabel),
      },
      {
        size: 56,
        incrs: spec.unit === 'count' ? [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] : undefined,
        values: (_plot, splits, _axis, _space, increment) => splits.map((value) => axisNumber(increment).format(value)),
      },
    ],
    series: [
      { label: t.time, value: (_plot, value) => (isNumber(value) ? dateTime.format(new Date(value * 1000)) : '—') },
      ...spec.lines.map((line, index) => ({
        label: line.label,
        stroke: COLOURS[index % COLOURS.length],
        dash: DASHES[index % DASHES.length],
        width: 2,
        points: { show: true, size: 6 },
        value: (_plot: uPlot, value: number | null, _series: number, index: number | null) =>
          isNumber(value) ? formatUnit(spec.unit, value) : index === null ? '—' : t.noData,
      })),
    ],
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
  };
}

export function plotData(spec: ChartSpec, buckets: readonly Kpis[]): uPlot.AlignedData {
  const xs = buckets.map((bucket) => Math.round(Date.parse(bucket.period.from) / 1000));
  return [
    xs,
    ...spec.lines.map((line) =>
      buckets.map((bucket) => {
        const value = line.pick(bucket);
        return isNumber(value) ? value : null;
      }),
    ),
  ];
}

/** The same numbers as the chart, as a table, for keyboards and screen readers. */
export function dataTable(spec: ChartSpec, buckets: readonly Kpis[], period: PeriodKey): HTMLTableElement {
  const when = period === '24h' ? dateTime : new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  return h(
    'table',
    { className: 'chart-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t.time),
        spec.lines.map((line) => h('th', { scope: 'col' }, line.label)),
      ),
    ),
    h(
      'tbody',
      {},
      buckets.map((bucket) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, when.format(new Date(bucket.period.from))),
          spec.lines.map((line) => {
            const value = line.pick(bucket);
            return h('td', { className: 'num' }, isNumber(value) ? formatUnit(spec.unit, value) : t.noData);
          }),
        ),
      ),
    ),
  );
}

export const chartWidth = (host: HTMLElement) => Math.max(MIN_CHART_WIDTH, Math.floor(host.clientWidth));
