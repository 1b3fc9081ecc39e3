// The eval report as JUnit XML, for CI systems that display test results. Runtime: any.
import type { CaseSummary, EvalReport } from '../report.ts';
import { escape } from './format.ts';

export function toJunit(report: EvalReport): string {
  const bySuite = new Map<string, CaseSummary[]>();
  for (const entry of report.cases) bySuite.set(entry.suite, [...(bySuite.get(entry.suite) ?? []), entry]);
  const suites = [...bySuite.entries()].map(([suite, entries]) => {
    const cases = entries.map((entry) => `    <testcase classname="${escape(suite)}" name="${escape(`${entry.id}${entry.repeat > 0 ? `#${entry.repeat}` : ''}`)}">${entry.passed ? '' : `<failure message="${escape(entry.reasons.join('; ').slice(0, 500))}"/>`}</testcase>`);
    return `  <testsuite name="${escape(suite)}" tests="${entries.length}" failures="${entries.filter((entry) => !entry.passed).length}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="firstline-eval" tests="${report.cases.length}" failures="${report.cases.filter((entry) => !entry.passed).length}">\n${suites.join('\n')}\n</testsuites>\n`;
}
