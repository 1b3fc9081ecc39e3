// The performance report as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes
// doubled), safe to open in a spreadsheet: text that would start a formula gets a leading apostrophe. Runtime: any.
import type { PerformanceFigures, PerformanceReport } from './performance-report.ts';

/** Characters a spreadsheet reads as the start of a formula (or that hide one after them). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: text is defused against formulas and quoted when it must be; numbers are written as they are. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of fields as one CSV document, each record ending in CRLF. */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

const FIGURES: ReadonlyArray<readonly [string, (figures: PerformanceFigures) => number | null]> = [
  ['tickets', (f) => f.tickets],
  ['resolved', (f) => f.resolved],
  ['first_response_median_s', (f) => f.firstResponse.median],
  ['first_response_p90_s', (f) => f.firstResponse.p90],
  ['resolution_median_s', (f) => f.resolutionMedian],
  ['csat_average', (f) => f.csat.average],
  ['csat_count', (f) => f.csat.count],
  ['low_csat', (f) => f.lowCsat],
  ['sla_breaches', (f) => f.slaBreaches],
  ['backlog', (f) => f.backlog],
];

/** A row per agent or group: its key and name, then each figure for the period and for the previous one. */
export function performanceCsv(report: PerformanceReport): string {
  const header = [
    report.by === 'agent' ? 'agent_id' : 'group',
    'name',
    ...FIGURES.flatMap(([name]) => [name, `${name}_previous`]),
  ];
  const rows = report.rows.map((row) => [
    row.key,
    row.name,
    ...FIGURES.flatMap(([, value]) => [value(row.current), value(row.previous)]),
  ]);
  return csvDocument([header, ...rows]);
}

/** The download's file name: what, by what, and the period's dates. */
export function performanceCsvName(report: PerformanceReport): string {
  const day = (time: string) => time.slice(0, 10);
  return `performance-by-${report.by}-${day(report.period.from)}-${day(report.period.to)}.csv`;
}
