// The eval report as JUnit XML, for CI systems that display test results. Runtime: any.
import type { CaseSummary, EvalReport } from '../report.ts';
import { escape } from './format.ts';

const failures = (entries: readonly CaseSummary[]) => entries.filter((entry) => !entry.passed).length;

function testcase(suite: string, entry: CaseSummary): string {
  const name = `${entry.id}${entry.repeat > 0 ? `#${entry.repeat}` : ''}`;
  const failure = entry.passed ? '' : `<failure message="${escape(entry.reasons.join('; ').slice(0, 500))}"/>`;
  return `    <testcase classname="${escape(suite)}" name="${escape(name)}">${failure}</testcase>`;
}

export function toJunit(report: EvalReport): string {
  const bySuite = new Map<string, CaseSummary[]>();
  for (const entry of report.cases) bySuite.set(entry.suite, [...(bySuite.get(entry.suite) ?? []), entry]);
  const suites = [...bySuite.entries()].map(([suite, entries]) =>
    [
      `  <testsuite name="${escape(suite)}" tests="${entries.length}" failures="${failures(entries)}">`,
      ...entries.map((entry) => testcase(suite, entry)),
      '  </testsuite>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="firstline-eval" tests="${report.cases.length}" failures="${failures(report.cases)}">`,
    suites.join('\n'),
    '</testsuites>',
    '',
  ].join('\n');
}
