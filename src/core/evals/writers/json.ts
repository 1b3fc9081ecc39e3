// The eval report as JSON (report.json): the report object as it is, for the dashboard and later comparisons.
// Runtime: any.
import type { EvalReport } from '../report.ts';

export function toJson(report: EvalReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
