import { describe, expect, it } from 'vitest';
import { regressionsOf } from './gate.ts';

describe('regressionsOf', () => {
  it('counts a drop only when its whole interval is below zero and it is larger than the tolerance', () => {
    const deltas = {
      politeness: { delta: -0.1, low: -0.2, high: -0.01 },
      accuracy: { delta: -0.1, low: -0.2, high: 0.01 },
      modelAcceptance: { delta: -0.01, low: -0.02, high: -0.005 },
    };
    expect(regressionsOf(deltas, 1, 0.02)).toEqual(['politeness dropped by 0.100 (95% CI -0.200…-0.010)']);
  });

  it('fails the pass rate only when McNemar says its flips are significant', () => {
    const deltas = { passRate: { delta: -0.3, low: -0.5, high: -0.1 } };
    expect(regressionsOf(deltas, 0.2, 0.02)).toEqual([]);
    expect(regressionsOf(deltas, 0.01, 0.02)).toEqual(['passRate dropped by 0.300 (95% CI -0.500…-0.100)']);
  });
});
