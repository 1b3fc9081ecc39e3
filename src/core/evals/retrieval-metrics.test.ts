import { describe, expect, it } from 'vitest';
import { firstHitRank, retrievalMetrics } from './retrieval-metrics.ts';

describe('retrieval metrics', () => {
  it('computes hit@1, hit@5 and MRR, counting any expected id', () => {
    const metrics = retrievalMetrics([
      { id: 'a', ranked: ['x', 'y'], expected: ['x'] },
      { id: 'b', ranked: ['p', 'q', 'x'], expected: ['x', 'z'] },
      { id: 'c', ranked: ['1', '2', '3', '4', '5', '6'], expected: ['6'] },
      { id: 'd', ranked: [], expected: ['x'] },
    ]);
    expect(metrics).toEqual({ queries: 4, hitAt1: 0.25, hitAt5: 0.5, mrr: (1 + 1 / 3 + 1 / 6) / 4 });
    expect(firstHitRank({ id: 'e', ranked: ['a'], expected: ['b'] })).toBeNull();
  });

  it('is all zeros on no queries', () => {
    expect(retrievalMetrics([])).toEqual({ queries: 0, hitAt1: 0, hitAt5: 0, mrr: 0 });
  });
});
