import { describe, expect, it } from 'vitest';
import { calibration, mcnemarExact, pairedBootstrap, wilson } from './statistics.ts';

describe('statistics', () => {
  it('computes a Wilson interval around the observed share', () => {
    const interval = wilson(80, 100);
    expect(interval.low).toBeCloseTo(0.711, 3);
    expect(interval.high).toBeCloseTo(0.867, 3);
  });

  it('gives McNemar p-values for discordant pairs', () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(10, 0)).toBeCloseTo(2 / 1024, 6);
    expect(mcnemarExact(5, 5)).toBe(1);
  });

  it('brackets the paired mean difference with a bootstrap interval', () => {
    const result = pairedBootstrap([1, 1, 1, 0, 1, 1, 1, 1], [0, 0, 1, 0, 0, 1, 0, 0]);
    expect(result.delta).toBeCloseTo(0.625);
    expect(result.low).toBeGreaterThan(0);
    expect(result.high).toBeLessThanOrEqual(1);
  });

  it('measures calibration error and the Brier score', () => {
    expect(
      calibration([
        { confidence: 1, correct: true },
        { confidence: 0, correct: false },
      ]),
    ).toEqual({ ece: 0, brier: 0 });
    const overconfident = calibration([
      { confidence: 0.9, correct: false },
      { confidence: 0.9, correct: true },
    ]);
    expect(overconfident.ece).toBeCloseTo(0.4);
    expect(overconfident.brier).toBeCloseTo((0.81 + 0.01) / 2);
  });
});
