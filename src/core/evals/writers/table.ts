// The terminal summary of an eval run. Runtime: any.
import type { EvalReport } from '../report.ts';
import { headline, num } from './format.ts';

export function toTable(report: EvalReport): string {
  const rows = headline(report.metrics);
  const width = Math.max(...rows.map(([name]) => name.length));
  const line = (name: string, value: string) => `${name.padEnd(width)}  ${value}`;
  const lines = rows.map(([name, value]) => line(name, value));
  if (report.comparison !== undefined) {
    const { mcnemar } = report.comparison;
    lines.push(
      line(
        'vs baseline',
        `${mcnemar.failToPass} fixed, ${mcnemar.passToFail} broken (McNemar p = ${num(mcnemar.pValue)})`,
      ),
    );
  }
  const { usage } = report;
  const tokens = `${usage.promptTokens} + ${usage.completionTokens} tokens`;
  lines.push(
    line(
      'model calls',
      `${usage.calls} (+${usage.cacheHits} from cache), ${tokens}, est. cost ${usage.estimatedCost.toFixed(4)}`,
    ),
  );
  lines.push(line('gate', report.gate.passed ? 'PASS' : `FAIL: ${report.gate.failures.join('; ')}`));
  return `${lines.join('\n')}\n`;
}
