import { describe, expect, it } from 'vitest';
import { probability } from './linear-model.ts';
import {
  binaryCounts,
  chooseThreshold,
  crossValidatedProbabilities,
  trainLogistic,
  type Example,
} from './train-logistic.ts';

const example = (names: string[], label: boolean): Example => ({
  features: new Map(names.map((name) => [name, 1])),
  label,
});
const data: Example[] = [];
for (let index = 0; index < 30; index += 1) {
  data.push(
    example(['agent', `noise${index % 5}`], true),
    example(['human', `noise${(index + 1) % 5}`], true),
    example(['price', `noise${index % 5}`], false),
    example(['router', `noise${(index + 2) % 5}`], false),
  );
}

describe('trainLogistic', () => {
  it('learns which features mean yes, the same way every time', () => {
    const model = trainLogistic(data);
    expect(probability(model, new Map([['agent', 1]]))).toBeGreaterThan(0.8);
    expect(probability(model, new Map([['price', 1]]))).toBeLessThan(0.2);
    expect(trainLogistic(data)).toEqual(model);
  });

  it('keeps only the strongest weights and drops rare features', () => {
    const model = trainLogistic([...data, example(['once'], true)], { maxWeights: 2 });
    expect(Object.keys(model.weights)).toHaveLength(2);
    expect(model.weights.once).toBeUndefined();
  });

  it('chooses a threshold from out-of-fold predictions that keeps precision', () => {
    const probabilities = crossValidatedProbabilities(data, { epochs: 100 });
    const labels = data.map((entry) => entry.label);
    const threshold = chooseThreshold(probabilities, labels, 0.97);
    expect(
      binaryCounts(
        probabilities.map((value) => value >= threshold),
        labels,
      ).precision,
    ).toBeGreaterThanOrEqual(0.97);
  });
});
