// `firstline eval --config FILE` with a `matrix:`: every cell (prompt version × model × knowledge) runs the
// suites, the first cell is the reference, every other cell is compared with it by the same statistics; one
// report per cell and a summary table. Runtime: Node.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareRuns } from '../../core/evals/compare.ts';
import type { buildReport } from '../../core/evals/report.ts';
import { type EvalReport } from '../../core/evals/report.ts';
import type { EvalSuite } from '../../core/evals/suite.ts';
import { runSide, type SideRun } from '../../platform/node/eval-run.ts';
import type { EvalSide } from '../../platform/node/eval-sides.ts';
import { describeSide, writeReport } from './eval-output.ts';

export interface MatrixCell {
  readonly cell: number;
  readonly label: string;
  readonly report: string;
  readonly passRate: number;
  readonly delta: { readonly passToFail: number; readonly failToPass: number; readonly pValue: number } | null;
  readonly acceptance: number | null;
  readonly faithfulness: number | null;
  readonly gate: boolean;
}

const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)} %`);

export async function runMatrix(
  env: Record<string, string | undefined>,
  sides: readonly EvalSide[],
  suites: readonly EvalSuite[],
  options: {
    out: string;
    formats: readonly string[];
    tolerance: number;
    run: Omit<Parameters<typeof runSide>[3], 'onProgress'>;
    report: (run: SideRun, side: EvalSide, extras: Partial<Parameters<typeof buildReport>[0]>) => EvalReport;
  },
): Promise<number> {
  const runs: SideRun[] = [];
  const cells: MatrixCell[] = [];
  for (const [index, side] of sides.entries()) {
    const run = await runSide(env, side, suites, options.run);
    runs.push(run);
    const reference = runs[0] as SideRun;
    const first = sides[0] as EvalSide;
    const compared = index === 0 ? undefined : compareRuns(run.cases, reference.cases, options.tolerance);
    const report = options.report(
      run,
      side,
      index === 0
        ? {}
        : {
            baseline: { prompts: first.label, cases: reference.cases },
            comparison: compared,
            configuration: { candidate: describeSide(side, run), baseline: describeSide(first, reference) },
          },
    );
    const folder = join(options.out, `cell-${index + 1}`);
    await writeReport(
      report,
      folder,
      options.formats.filter((format) => format !== 'table' && format !== 'github'),
      {},
      false,
    );
    cells.push({
      cell: index + 1,
      label: side.label,
      report: folder,
      passRate: report.metrics.passRate,
      delta: compared === undefined ? null : compared.mcnemar,
      acceptance: report.metrics.modelAnswers.acceptance,
      faithfulness: report.metrics.faithfulness.rate,
      gate: report.gate.passed,
    });
  }
  const lines = [
    '| cell | configuration | pass rate | vs cell 1: fixed / broken (McNemar p) | model answers accepted | faithfulness | gate |',
    '|---:|---|---:|---|---:|---:|---|',
    ...cells.map(
      (cell) =>
        `| ${cell.cell} | ${cell.label} | ${pct(cell.passRate)} | ${cell.delta === null ? 'reference' : `${cell.delta.failToPass} / ${cell.delta.passToFail} (${cell.delta.pValue.toFixed(3)})`} | ${pct(cell.acceptance)} | ${pct(cell.faithfulness)} | ${cell.gate ? 'pass' : 'FAIL'} |`,
    ),
  ];
  await writeFile(join(options.out, 'matrix.md'), `## Firstline eval matrix\n\n${lines.join('\n')}\n`);
  await writeFile(join(options.out, 'matrix.json'), `${JSON.stringify({ cells }, null, 2)}\n`);
  process.stdout.write(`${lines.join('\n')}\nreports: ${options.out}\n`);
  return cells.every((cell) => cell.gate) ? 0 : 1;
}
