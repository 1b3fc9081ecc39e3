// The terminal summary of an eval run. Runtime: any.
import type { EvalReport } from '../report.ts';
import { headline, num } from './format.ts';

export function toTable(report: EvalReport): string {
  const rows = headline(report.metrics);
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`);
  if (report.comparison !== undefined) lines.push(`${'vs baseline'.padEnd(width)}  ${report.comparison.mcnemar.failToPass} fixed, ${report.comparison.mcnemar.passToFail} broken (McNemar p = ${num(report.comparison.mcnemar.pValue)})`);
  lines.push(`${'model calls'.padEnd(width)}  ${report.usage.calls} (+${report.usage.cacheHits} from cache), ${report.usage.promptTokens} + ${report.usage.completionTokens} tokens, est. cost ${report.usage.estimatedCost.toFixed(4)}`);
  lines.push(`${'gate'.padEnd(width)}  ${report.gate.passed ? 'PASS' : `FAIL: ${report.gate.failures.join('; ')}`}`);
  return `${lines.join('\n')}\n`;
}

