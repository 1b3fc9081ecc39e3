// The eval result as GitHub Actions workflow commands: each gate failure and each failing case becomes an
// annotation on the run (and on the suite file, when known). Runtime: any.
import type { EvalReport } from '../report.ts';

const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function toGithub(report: EvalReport, suiteFiles: Readonly<Record<string, string>> = {}): string {
  const lines: string[] = [];
  for (const failure of report.gate.failures)
    lines.push(`::error title=${property('Firstline eval gate')}::${data(failure)}`);
  for (const entry of report.cases) {
    if (entry.passed) continue;
    const file = suiteFiles[entry.suite];
    const level = entry.mustPass ? 'error' : 'warning';
    const where = file === undefined ? '' : `file=${property(file)},`;
    const title = `${entry.suite}/${entry.id}${entry.mustPass ? ' (must pass)' : ''}`;
    lines.push(`::${level} ${where}title=${property(title)}::${data(entry.reasons.join('; '))}`);
  }
  const { gate, metrics } = report;
  const passRate = `${(metrics.passRate * 100).toFixed(1)} %`;
  const summary = `${gate.passed ? 'gate passed' : 'gate failed'}: ${metrics.cases} cases, pass rate ${passRate}`;
  lines.push(`::notice title=${property('Firstline eval')}::${data(summary)}`);
  return `${lines.join('\n')}\n`;
}
