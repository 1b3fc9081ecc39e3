import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evalRunsDirectory } from './eval-runs-directory.ts';

const headline = (createdAt: string, passRate: number) => ({
  createdAt,
  seconds: 12,
  prompts: 'prompts',
  gate: { passed: true, failures: [] },
  metrics: {
    cases: 40,
    passRate,
    retrieval: { hitAt1: 0.9, hitAt5: 1, mrr: 0.95 },
    politeness: { mean: 0.9 },
    accuracy: { factRecall: 0.8, groundedness: 0.9 },
    handoff: { precision: 1, recall: 1, f1: 1 },
    calibration: { ece: 0.05, brier: 0.1 },
  },
});

let directory = '';
afterEach(async () => rm(directory, { recursive: true, force: true }));

describe('evalRunsDirectory', () => {
  it('lists runs from their small index, indexing an old run once from its report', async () => {
    directory = await mkdtemp(join(tmpdir(), 'firstline-runs-'));
    await mkdir(join(directory, 'old-run'));
    // A report of a few megabytes, as real ones are: the list must not parse it on every request.
    const report = { ...headline('2026-11-01T10:00:00Z', 0.8), cases: 'x'.repeat(3_000_000), baseline: {} };
    await writeFile(join(directory, 'old-run', 'report.json'), JSON.stringify(report));
    await mkdir(join(directory, 'not-a-run'));
    await writeFile(join(directory, 'not-a-run', 'report.json'), '{ half-written');
    const runs = evalRunsDirectory(directory);

    expect(await runs.list(10)).toEqual([
      { ...headline('2026-11-01T10:00:00Z', 0.8), id: 'old-run', hasBaseline: true },
    ]);
    const index = JSON.parse(await readFile(join(directory, 'old-run', 'summary.json'), 'utf8')) as object;
    expect(JSON.stringify(index).length).toBeLessThan(1000);

    // A fresh reader (another process) lists it from the index alone.
    await writeFile(join(directory, 'old-run', 'report.json'), 'not json any more');
    const past = new Date('2026-01-01T00:00:00Z');
    await utimes(join(directory, 'old-run', 'report.json'), past, past);
    expect((await evalRunsDirectory(directory).list(10)).map((run) => run.id)).toEqual(['old-run']);
  });

  it('rebuilds an index older than its report', async () => {
    directory = await mkdtemp(join(tmpdir(), 'firstline-runs-'));
    await mkdir(join(directory, 'run'));
    await writeFile(
      join(directory, 'run', 'summary.json'),
      JSON.stringify({ ...headline('2026-11-01T10:00:00Z', 0.5), hasBaseline: false }),
    );
    const past = new Date('2026-01-01T00:00:00Z');
    await utimes(join(directory, 'run', 'summary.json'), past, past);
    await writeFile(join(directory, 'run', 'report.json'), JSON.stringify(headline('2026-11-02T10:00:00Z', 0.9)));
    const [run] = await evalRunsDirectory(directory).list(10);
    expect(run).toMatchObject({ id: 'run', createdAt: '2026-11-02T10:00:00Z', metrics: { passRate: 0.9 } });
  });
});
