import { describe, expect, it } from 'vitest';
import type { PerformanceFigures, PerformanceReport } from './performance-report.ts';
import { csvDocument, csvField, performanceCsv, performanceCsvName } from './report-csv.ts';

const figures = (tickets: number, median: number | null): PerformanceFigures => ({
  tickets,
  resolved: tickets,
  firstResponse: { median, p90: median, count: median === null ? 0 : 1 },
  resolutionMedian: median,
  csat: { average: median === null ? null : 4.333333, count: median === null ? 0 : 3 },
  lowCsat: 0,
  slaBreaches: 0,
  backlog: 1,
});

describe('CSV fields (RFC 4180)', () => {
  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(12.3456)).toBe('12.35');
    expect(csvField(-5)).toBe('-5');
  });

  it('defuses text a spreadsheet would run as a formula with a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\rcmd')).toBe('"\'\rcmd"');
    expect(csvField('Мария = лучшая')).toBe('Мария = лучшая');
  });

  it('ends every record with CRLF', () => {
    expect(
      csvDocument([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('a,1\r\nb,\r\n');
  });
});

describe('the performance report as CSV', () => {
  it('writes a header and one row per agent with each figure and its previous value', () => {
    const report: PerformanceReport = {
      by: 'agent',
      period: { from: '2026-12-08T00:00:00.000Z', to: '2026-12-15T00:00:00.000Z' },
      previousPeriod: { from: '2026-12-01T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z' },
      rows: [{ key: 'a1', name: '=cmd|"/c calc"!A1', current: figures(3, 120), previous: figures(1, null) }],
      total: { current: figures(3, 120), previous: figures(1, null) },
    };
    const [header, row, end] = performanceCsv(report).split('\r\n');
    expect(header).toBe(
      'agent_id,name,tickets,tickets_previous,resolved,resolved_previous,first_response_median_s,' +
        'first_response_median_s_previous,first_response_p90_s,first_response_p90_s_previous,resolution_median_s,' +
        'resolution_median_s_previous,csat_average,csat_average_previous,csat_count,csat_count_previous,' +
        'low_csat,low_csat_previous,' +
        'sla_breaches,sla_breaches_previous,backlog,backlog_previous',
    );
    expect(row).toBe('a1,"\'=cmd|""/c calc""!A1",3,1,3,1,120,,120,,120,,4.33,,3,0,0,0,0,0,1,1');
    expect(end).toBe('');
    expect(performanceCsvName(report)).toBe('performance-by-agent-2026-12-08-2026-12-15.csv');
  });
});
