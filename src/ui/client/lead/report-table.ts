// One performance table (per agent or per group): each figure beside its change against the previous period, and
// the countable figures as buttons that open the tickets behind them. Runtime: browser.
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';
import { changeBadge, type Better } from './report-change.ts';
import { integer, isNumber, oneDecimal, seconds } from './lead-format.ts';
import type { DrillScope, PerformanceFigures, PerformanceReport, ReportKpi } from './report-api.ts';

interface Column {
  readonly label: string;
  readonly value: (figures: PerformanceFigures) => number | null;
  readonly format: (value: number) => string;
  readonly better: Better;
  /** The drill-down behind the figure, for counts. */
  readonly kpi?: ReportKpi;
  readonly hint?: (figures: PerformanceFigures) => string | null;
}

const count = (value: number) => integer.format(value);

const COLUMNS: readonly Column[] = [
  { label: t.reportTickets, value: (f) => f.tickets, format: count, better: 'neither', kpi: 'tickets' },
  { label: t.reportResolved, value: (f) => f.resolved, format: count, better: 'up', kpi: 'resolved' },
  { label: t.reportFirstResponseMedian, value: (f) => f.firstResponse.median, format: seconds, better: 'down' },
  { label: t.reportFirstResponseP90, value: (f) => f.firstResponse.p90, format: seconds, better: 'down' },
  { label: t.reportResolutionMedian, value: (f) => f.resolutionMedian, format: seconds, better: 'down' },
  {
    label: t.reportCsat,
    value: (f) => f.csat.average,
    format: (value) => oneDecimal.format(value),
    better: 'up',
    hint: (f) => (f.csat.count > 0 ? `(${integer.format(f.csat.count)})` : null),
  },
  { label: t.reportLowCsat, value: (f) => f.lowCsat, format: count, better: 'down', kpi: 'low_csat' },
  { label: t.reportSlaBreaches, value: (f) => f.slaBreaches, format: count, better: 'down', kpi: 'sla_breaches' },
  { label: t.reportBacklog, value: (f) => f.backlog, format: count, better: 'down', kpi: 'backlog' },
];

/** Opens the tickets behind a figure: which one, whose, and the row's name for the list's title. */
export type Drill = (kpi: ReportKpi, label: string, scope: DrillScope, name: string) => void;

function cell(column: Column, current: PerformanceFigures, previous: PerformanceFigures, open: () => void) {
  const value = column.value(current);
  const text = isNumber(value) ? column.format(value) : '—';
  const hint = column.hint?.(current) ?? null;
  const figure =
    column.kpi !== undefined && isNumber(value) && value > 0
      ? h('button', { type: 'button', className: 'link figure', 'data-kpi': column.kpi, onclick: open }, text)
      : h('span', { className: 'figure' }, text);
  return h(
    'td',
    { className: 'num' },
    figure,
    hint === null ? null : h('span', { className: 'figure-hint' }, ` ${hint}`),
    h('br'),
    changeBadge(value, column.value(previous), column.better, column.format),
  );
}

/** The table of a report, with an "everyone" row at the foot. */
export function reportTable(report: PerformanceReport, drill: Drill): HTMLElement {
  const nameLabel = report.by === 'agent' ? t.reportAgent : t.reportGroup;
  const row = (name: string, scope: DrillScope, current: PerformanceFigures, previous: PerformanceFigures, key = '') =>
    h(
      'tr',
      { 'data-key': key },
      h('th', { scope: 'row' }, name),
      COLUMNS.map((column) =>
        cell(column, current, previous, () => {
          if (column.kpi !== undefined) drill(column.kpi, column.label, scope, name);
        }),
      ),
    );
  const body =
    report.rows.length === 0
      ? [h('tr', {}, h('td', { colspan: COLUMNS.length + 1, className: 'empty' }, t.reportNoRows))]
      : report.rows.map((entry) =>
          row(
            entry.name,
            report.by === 'agent' ? { agent: entry.key } : { group: entry.key },
            entry.current,
            entry.previous,
            entry.key,
          ),
        );
  return h(
    'div',
    { className: 'table-scroll' },
    h(
      'table',
      { className: 'report-table', 'data-by': report.by },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, nameLabel),
          COLUMNS.map((column) => h('th', { scope: 'col' }, column.label)),
        ),
      ),
      h('tbody', {}, body),
      h('tfoot', {}, row(t.reportEveryone, {}, report.total.current, report.total.previous)),
    ),
  );
}
