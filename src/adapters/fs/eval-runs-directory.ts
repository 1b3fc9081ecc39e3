// Eval runs as `firstline eval` writes them: one folder per run with report.json, report.html and summary.json, the
// small index the dashboard lists runs from (a report is megabytes). A run without an index (written by an older
// version) is indexed once from its report, and every index read is remembered by the report's modification time.
// Runtime: Node.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  evalRunIndexOf,
  evalRunIndexSchema,
  type EvalRunIndex,
  type EvalRunSummary,
  type EvalRuns,
} from '../../core/ports/eval-runs.ts';

const RUN_ID = /^[\w.-]{1,100}$/;

export function evalRunsDirectory(directory: string): EvalRuns {
  const known = new Map<string, { readonly modified: number; readonly index: EvalRunIndex }>();

  async function indexOf(name: string): Promise<EvalRunIndex | undefined> {
    const folder = join(directory, name);
    const modified = await stat(join(folder, 'report.json')).then(
      (info) => info.mtimeMs,
      () => undefined,
    );
    if (modified === undefined) return undefined;
    const remembered = known.get(name);
    if (remembered?.modified === modified) return remembered.index;
    // An index older than its report (the run was written again by a version without indexes) is rebuilt.
    const indexed = await stat(join(folder, 'summary.json')).then(
      (info) => info.mtimeMs >= modified,
      () => false,
    );
    let index = indexed
      ? await readFile(join(folder, 'summary.json'), 'utf8').then(
          (raw) => evalRunIndexSchema.safeParse(JSON.parse(raw)).data,
          () => undefined,
        )
      : undefined;
    if (index === undefined) {
      try {
        index = evalRunIndexOf(JSON.parse(await readFile(join(folder, 'report.json'), 'utf8')));
      } catch {
        // A half-written or foreign report.json is not a run.
      }
      if (index !== undefined)
        await writeFile(join(folder, 'summary.json'), `${JSON.stringify(index)}\n`).catch(() => {});
    }
    if (index !== undefined) known.set(name, { modified, index });
    return index;
  }

  return {
    async list(limit) {
      const names = (await readdir(directory).catch(() => [] as string[])).filter((entry) => RUN_ID.test(entry));
      const runs: EvalRunSummary[] = [];
      for (const name of names) {
        const index = await indexOf(name).catch(() => undefined);
        if (index !== undefined) runs.push({ ...index, id: name });
      }
      return runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
    },
    async htmlReport(id) {
      if (!RUN_ID.test(id) || id === '.' || id === '..') return undefined;
      return readFile(join(directory, id, 'report.html'), 'utf8').catch(() => undefined);
    },
  };
}
