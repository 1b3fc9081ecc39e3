import { describe, expect, it } from 'vitest';
import { compareRuns } from './compare.ts';
import type { CaseResult } from './run-eval.ts';

const run = (id: string, repeat: number, passed: boolean): CaseResult => ({
  id,
  suite: 's',
  lang: 'ru',
  tags: [],
  mustPass: false,
  repeat,
  turns: [],
  passed,
});

describe('comparing runs', () => {
  it('counts a case once however often it was repeated: one flipped case is one flip', () => {
    const baseline = [0, 1, 2].flatMap((repeat) => [run('a', repeat, true), run('b', repeat, true)]);
    const current = [0, 1, 2].flatMap((repeat) => [run('a', repeat, false), run('b', repeat, true)]);
    const comparison = compareRuns(current, baseline);
    expect(comparison.mcnemar).toEqual({ passToFail: 1, failToPass: 0, pValue: 1 });
    expect(comparison.cases.map((entry) => [entry.id, entry.change])).toEqual([
      ['a', 'pass→fail'],
      ['b', 'same'],
    ]);
  });

  it('fails a case when any of its repeats fails', () => {
    const baseline = [0, 1].map((repeat) => run('a', repeat, true));
    const current = [run('a', 0, true), run('a', 1, false)];
    expect(compareRuns(current, baseline).mcnemar.passToFail).toBe(1);
  });

  it('keeps the deltas report.json has always had, and adds the model measures only when there are model answers', () => {
    expect(Object.keys(compareRuns([run('a', 0, true)], [run('a', 0, true)]).deltas)).toEqual([
      'passRate',
      'politeness',
      'accuracy',
    ]);
  });
});
