// Trains the small logistic models the detectors ship with: L2-regularised logistic regression over sparse
// named features by full-batch gradient descent with Adam, deterministic for the same data, then pruned to the
// strongest weights. The decision threshold is chosen from cross-validated predictions. Runtime: any.
import { prng } from '../util/prng.ts';
import { probability, type Features, type LinearModel } from './linear-model.ts';

export interface Example {
  readonly features: Features;
  readonly label: boolean;
}

export interface TrainOptions {
  /** L2 penalty per example. */
  readonly l2?: number;
  readonly epochs?: number;
  readonly learningRate?: number;
  /** A feature must occur in at least this many examples to get a weight. */
  readonly minCount?: number;
  /** Most weights kept (the largest in magnitude). */
  readonly maxWeights?: number;
  /** Weight of a positive example against a negative one (for rare classes). */
  readonly positiveWeight?: number;
}

const DEFAULTS = { l2: 1e-3, epochs: 300, learningRate: 0.05, minCount: 2, maxWeights: 3000, positiveWeight: 1 };

/** Fits a model; its threshold is 0.5 until {@link chooseThreshold} sets one. */
export function trainLogistic(examples: readonly Example[], options: TrainOptions = {}): LinearModel {
  const settings = { ...DEFAULTS, ...options };
  const counts = new Map<string, number>();
  for (const example of examples)
    for (const name of example.features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts]
    .filter(([, count]) => count >= settings.minCount)
    .map(([name]) => name)
    .sort();
  const index = new Map(names.map((name, position) => [name, position]));
  const rows = examples.map((example) => {
    const ids: number[] = [];
    const values: number[] = [];
    for (const [name, value] of example.features) {
      const id = index.get(name);
      if (id === undefined) continue;
      ids.push(id);
      values.push(value);
    }
    return { ids, values, label: example.label ? 1 : 0, weight: example.label ? settings.positiveWeight : 1 };
  });
  const total = rows.reduce((sum, row) => sum + row.weight, 0) || 1;
  const weights = new Float64Array(names.length + 1);
  const first = new Float64Array(weights.length);
  const second = new Float64Array(weights.length);
  const gradient = new Float64Array(weights.length);
  const bias = names.length;
  for (let epoch = 1; epoch <= settings.epochs; epoch += 1) {
    gradient.fill(0);
    for (const row of rows) {
      let score = weights[bias] ?? 0;
      for (let k = 0; k < row.ids.length; k += 1)
        score += (weights[row.ids[k] as number] ?? 0) * (row.values[k] as number);
      const error = (1 / (1 + Math.exp(-score)) - row.label) * row.weight;
      for (let k = 0; k < row.ids.length; k += 1)
        gradient[row.ids[k] as number] = (gradient[row.ids[k] as number] ?? 0) + error * (row.values[k] as number);
      gradient[bias] = (gradient[bias] ?? 0) + error;
    }
    for (let id = 0; id < weights.length; id += 1) {
      const g = (gradient[id] ?? 0) / total + (id === bias ? 0 : settings.l2 * (weights[id] ?? 0));
      first[id] = 0.9 * (first[id] ?? 0) + 0.1 * g;
      second[id] = 0.999 * (second[id] ?? 0) + 0.001 * g * g;
      const step =
        (settings.learningRate * ((first[id] ?? 0) / (1 - 0.9 ** epoch))) /
        (Math.sqrt((second[id] ?? 0) / (1 - 0.999 ** epoch)) + 1e-8);
      weights[id] = (weights[id] ?? 0) - step;
    }
  }
  const kept = names
    .map((name, id) => ({ name, weight: weights[id] ?? 0 }))
    .filter((entry) => Math.abs(entry.weight) >= 1e-3)
    .sort((left, right) => Math.abs(right.weight) - Math.abs(left.weight) || left.name.localeCompare(right.name))
    .slice(0, settings.maxWeights)
    .sort((left, right) => left.name.localeCompare(right.name));
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  return {
    bias: round(weights[bias] ?? 0),
    threshold: 0.5,
    weights: Object.fromEntries(kept.map((entry) => [entry.name, round(entry.weight)])),
  };
}

/** Out-of-fold probabilities: each example scored by a model trained without its fold. */
export function crossValidatedProbabilities(
  examples: readonly Example[],
  options: TrainOptions = {},
  folds = 5,
  seed = 7,
): number[] {
  const random = prng(seed);
  const fold = examples.map(() => Math.floor(random() * folds));
  const result = new Array<number>(examples.length).fill(0);
  for (let current = 0; current < folds; current += 1) {
    const model = trainLogistic(
      examples.filter((_, position) => fold[position] !== current),
      options,
    );
    examples.forEach((example, position) => {
      if (fold[position] === current) result[position] = probability(model, example.features);
    });
  }
  return result;
}

export interface BinaryCounts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Precision, recall and F1 of predictions against labels. */
export function binaryCounts(predicted: readonly boolean[], labels: readonly boolean[]): BinaryCounts {
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  predicted.forEach((yes, position) => {
    const label = labels[position] === true;
    if (yes && label) truePositive += 1;
    else if (yes) falsePositive += 1;
    else if (label) falseNegative += 1;
  });
  const precision = truePositive + falsePositive === 0 ? 1 : truePositive / (truePositive + falsePositive);
  const recall = truePositive + falseNegative === 0 ? 1 : truePositive / (truePositive + falseNegative);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/**
 * The threshold with the best F1 among those keeping precision at or above `minPrecision` (the best F1
 * overall when none does), from probabilities and labels.
 */
export function chooseThreshold(
  probabilities: readonly number[],
  labels: readonly boolean[],
  minPrecision = 0,
): number {
  let best: { threshold: number; f1: number; precise: boolean } | undefined;
  for (let step = 5; step <= 95; step += 1) {
    const threshold = step / 100;
    const counts = binaryCounts(
      probabilities.map((value) => value >= threshold),
      labels,
    );
    const precise = counts.precision >= minPrecision;
    if (best === undefined || (precise && !best.precise) || (precise === best.precise && counts.f1 > best.f1))
      best = { threshold, f1: counts.f1, precise };
  }
  return best?.threshold ?? 0.5;
}
