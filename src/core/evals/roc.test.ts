import { describe, expect, it } from 'vitest';
import { fitLogistic, predict, rocAuc } from './roc.ts';

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0.5 for ties, 0 for an inverted one', () => {
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1);
    expect(rocAuc([0.5, 0.5], [true, false])).toBe(0.5);
    expect(rocAuc([0.1, 0.9], [true, false])).toBe(0);
  });

  it('counts the share of correctly ordered positive-negative pairs', () => {
    expect(rocAuc([0.9, 0.4, 0.6, 0.1], [true, true, false, false])).toBeCloseTo(0.75);
  });
});

describe('fitLogistic', () => {
  it('learns a separating direction', () => {
    const features = [
      [0.9, 0.1],
      [0.8, 0.3],
      [0.2, 0.7],
      [0.1, 0.9],
    ];
    const labels = [true, true, false, false];
    const model = fitLogistic(features, labels);
    expect(predict(model, [0.95, 0.05])).toBeGreaterThan(0.7);
    expect(predict(model, [0.05, 0.95])).toBeLessThan(0.3);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
  });
});
