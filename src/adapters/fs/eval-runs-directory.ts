// Eval runs as `firstline eval` writes them: one folder per run with report.json and report.html. Runtime: Node.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evalRunSummarySchema, type EvalRunSummary, type EvalRuns } from '../../core/ports/eval-runs.ts';

const RUN_ID = /^[\w.-]{1,100}$/;

export function evalRunsDirectory(directory: string): EvalRuns {
  return {
    async list(limit) {
      const names = await readdir(directory).catch(() => [] as string[]);
      const runs: EvalRunSummary[] = [];
      for (const name of names.filter((entry) => RUN_ID.test(entry))) {
        const raw = await readFile(join(directory, name, 'report.json'), 'utf8').catch(() => undefined);
        if (raw === undefined) continue;
        try {
          const report = JSON.parse(raw) as Record<string, unknown>;
          const parsed = evalRunSummarySchema.safeParse({
            ...report,
            id: name,
            hasBaseline: report.baseline !== undefined,
          });
          if (parsed.success) runs.push(parsed.data);
        } catch {
          // A half-written or foreign report.json is not a run.
        }
      }
      return runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
    },
    async htmlReport(id) {
      if (!RUN_ID.test(id) || id === '.' || id === '..') return undefined;
      return readFile(join(directory, id, 'report.html'), 'utf8').catch(() => undefined);
    },
  };
}
