// The report of `npm run bench:api`: each figure for base and current (median over the rounds, with the
// range), and current/base as the median of the per-round ratios (each pair ran minutes apart, so the
// machine's drift mostly cancels in a ratio); a warning when other processes competed for the cores.
import { median } from './percentiles.ts';
import type { SessionResult } from './api-session.ts';

export interface Figure {
  readonly key: string;
  readonly label: string;
  readonly digits: number;
}

export interface SummaryRow {
  readonly key: string;
  readonly label: string;
  readonly base: readonly number[];
  readonly current: readonly number[];
  readonly baseMedian: number | null;
  readonly currentMedian: number | null;
  readonly ratio: number | null;
}

export function figures(feeds: number, latencyLimitMs: number): Figure[] {
  const at = (fraction: number) => `${Math.round(fraction * 100)} % of the base capacity`;
  return [
    {
      key: 'capacity',
      label: `Capacity: highest message rate with p99 < ${latencyLimitMs} ms and no errors (messages/s)`,
      digits: 0,
    },
    ...[0.25, 0.5, 0.75].flatMap((fraction) => [
      { key: `p50@${fraction}`, label: `p50 at ${at(fraction)} (ms)`, digits: 1 },
      { key: `p99@${fraction}`, label: `p99 at ${at(fraction)} (ms)`, digits: 1 },
    ]),
    { key: 'pointErrors', label: 'Errors in those three steps', digits: 0 },
    {
      key: 'cpuMsPerMessage',
      label: 'Server CPU per message at 50 % (ms, process tree, worker threads included)',
      digits: 3,
    },
    {
      key: 'writeKbPerMessage',
      label: 'Bytes written per message at 50 % (KB, /proc/<pid>/io write_bytes)',
      digits: 1,
    },
    { key: 'dataDirKbPerMessage', label: 'DATA_DIR growth per message at 50 % (KB)', digits: 1 },
    { key: 'answeredPercent', label: 'Messages the bot answered at 50 % (%)', digits: 1 },
    { key: 'rssKbPerConversation', label: 'Memory per open conversation (one message each), RSS (KB)', digits: 1 },
    { key: 'heapKbPerConversation', label: 'Memory per open conversation, heap after GC (KB)', digits: 1 },
    { key: 'rssKbPerFeed', label: 'Memory per open idle customer feed, RSS (KB)', digits: 1 },
    { key: 'heapKbPerFeed', label: 'Memory per open idle customer feed, heap after GC (KB)', digits: 1 },
    { key: 'idleCpuNoFeeds', label: 'Idle server CPU, no feeds (% of one core)', digits: 1 },
    {
      key: 'idleCpuFeeds',
      label: `Idle server CPU with ${feeds.toLocaleString('en-US')} idle customer feeds (% of one core)`,
      digits: 1,
    },
    { key: 'deliveryToCustomerP50', label: 'Delivery agent message → customer feed, p50 (ms)', digits: 0 },
    { key: 'deliveryToCustomerP99', label: 'Delivery agent message → customer feed, p99 (ms)', digits: 0 },
    { key: 'deliveryToAgentP50', label: 'Delivery customer message → agent feed, p50 (ms)', digits: 0 },
    { key: 'deliveryToAgentP99', label: 'Delivery customer message → agent feed, p99 (ms)', digits: 0 },
    { key: 'lagP99At75', label: 'Load generator send lag p99 at 75 % (ms, included in the latencies)', digits: 1 },
    {
      key: 'otherCpu',
      label: 'Other processes on the machine, most in one of the 25/50/75 % steps (% of one core; should be ~0)',
      digits: 0,
    },
  ];
}

const valueOf = (session: SessionResult, key: string): number | null => {
  if (key === 'pointErrors') return session.points.reduce((sum, point) => sum + point.load.errors, 0);
  const value = session.metrics[key];
  return value === undefined || value === null || !Number.isFinite(value) ? null : value;
};

export function summarize(sessions: readonly SessionResult[], list: readonly Figure[]): SummaryRow[] {
  const rounds = [...new Set(sessions.map((session) => session.round))];
  return list.map((figure) => {
    const of = (side: 'base' | 'current') =>
      sessions.filter((session) => session.side === side).flatMap((session) => valueOf(session, figure.key) ?? []);
    const ratios = rounds.flatMap((round) => {
      const base = sessions.find((session) => session.round === round && session.side === 'base');
      const current = sessions.find((session) => session.round === round && session.side === 'current');
      const a = base === undefined ? null : valueOf(base, figure.key);
      const b = current === undefined ? null : valueOf(current, figure.key);
      // Every figure is positive in principle; a zero or negative one is noise (e.g. RSS shrinking after a GC), not a ratio.
      return a === null || b === null || a <= 0 || b <= 0 ? [] : [b / a];
    });
    const base = of('base');
    const current = of('current');
    return {
      key: figure.key,
      label: figure.label,
      base,
      current,
      baseMedian: median(base),
      currentMedian: median(current),
      ratio: median(ratios),
    };
  });
}

function format(value: number | null, digits: number): string {
  if (value === null) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function cell(values: readonly number[], middle: number | null, digits: number): string {
  if (values.length <= 1) return format(middle, digits);
  return `${format(middle, digits)} (${format(Math.min(...values), digits)}–${format(Math.max(...values), digits)})`;
}

/** Other processes' CPU (percent of one core) during the measured steps above which throughput and latency are not trustworthy. */
const NOISY_PERCENT = 25;

export function markdown(header: readonly string[], rows: readonly SummaryRow[], list: readonly Figure[]): string {
  const digits = new Map(list.map((figure) => [figure.key, figure.digits]));
  const other = rows.find((row) => row.key === 'otherCpu');
  const noisy = Math.max(...(other?.base ?? []), ...(other?.current ?? []), 0);
  return [
    ...header,
    ...(noisy > NOISY_PERCENT
      ? [
          '',
          `**Warning:** other processes used up to ${noisy.toFixed(0)} % of a core during the measured steps (last row): capacity, latency and CPU-per-message figures are disturbed; memory, idle-feed CPU, bytes written and delivery latency much less so. Run again on a quiet machine.`,
        ]
      : []),
    '',
    '| figure | base | current | current/base |',
    '|---|---:|---:|---:|',
    ...rows.map((row) => {
      const places = digits.get(row.key) ?? 1;
      return `| ${row.label} | ${cell(row.base, row.baseMedian, places)} | ${cell(row.current, row.currentMedian, places)} | ${row.ratio === null ? '–' : `${row.ratio.toFixed(2)}×`} |`;
    }),
  ].join('\n');
}
