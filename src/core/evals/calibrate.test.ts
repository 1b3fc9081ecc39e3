import { describe, expect, it } from 'vitest';
import { chooseThreshold } from './calibrate.ts';

describe('chooseThreshold', () => {
  const outcomes = [
    { confidence: 0.95, correct: true },
    { confidence: 0.9, correct: true },
    { confidence: 0.8, correct: true },
    { confidence: 0.7, correct: false },
    { confidence: 0.6, correct: true },
    { confidence: 0.3, correct: false },
  ];

  it('returns the lowest threshold whose answered cases meet the target accuracy', () => {
    expect(chooseThreshold(outcomes, 0.8)).toEqual({ threshold: 0.31, accuracy: 0.8, coverage: 5 / 6, met: true });
    expect(chooseThreshold(outcomes, 1)).toEqual({ threshold: 0.71, accuracy: 1, coverage: 0.5, met: true });
  });

  it('says when no threshold reaches the target', () => {
    expect(chooseThreshold([{ confidence: 0.9, correct: false }], 0.5)).toMatchObject({ met: false });
  });
});

describe('splitting and reporting outcomes', () => {
  it('keeps about a third of the cases apart, the same ones every time', async () => {
    const { splitOutcomes, riskCoverageTable } = await import('./calibrate.ts');
    const outcomes = Array.from({ length: 300 }, (_, index) => ({
      id: `case-${index}`,
      confidence: index / 300,
      correct: index % 4 !== 0,
    }));
    const first = splitOutcomes(outcomes);
    expect(first.report.length).toBeGreaterThan(70);
    expect(first.report.length).toBeLessThan(130);
    expect(splitOutcomes(outcomes).report.map((outcome) => outcome.id)).toEqual(
      first.report.map((outcome) => outcome.id),
    );
    expect(
      riskCoverageTable([
        { confidence: 0.95, correct: true },
        { confidence: 0.2, correct: false },
      ])[5],
    ).toEqual({ threshold: 0.5, accuracy: 1, coverage: 0.5, answered: 1 });
  });
});
