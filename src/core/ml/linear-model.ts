// A small linear model over named sparse features, as trained by `npm run train:detectors`: a bias, a weight
// per feature, and the decision threshold chosen on the training data. Deterministic; weights are JSON. Runtime: any.
import { z } from 'zod';

export const linearModelSchema = z.object({
  bias: z.number(),
  /** Probability at or above which the model says yes. */
  threshold: z.number().min(0).max(1),
  weights: z.record(z.string(), z.number()),
});

export type LinearModel = z.infer<typeof linearModelSchema>;

export type Features = ReadonlyMap<string, number>;

/** The model's raw score: bias plus the weighted features. */
export function linearScore(model: LinearModel, features: Features): number {
  let score = model.bias;
  for (const [name, value] of features) score += (model.weights[name] ?? 0) * value;
  return score;
}

export const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

/** P(yes) under a logistic model. */
export function probability(model: LinearModel, features: Features): number {
  return sigmoid(linearScore(model, features));
}

/** The features that pushed the score most, for an agent's view of why a detector fired. */
export function strongestFeatures(model: LinearModel, features: Features, count = 3): string[] {
  return [...features]
    .map(([name, value]) => ({ name, contribution: (model.weights[name] ?? 0) * value }))
    .filter((entry) => entry.contribution > 0)
    .sort((left, right) => right.contribution - left.contribution)
    .slice(0, count)
    .map((entry) => entry.name);
}
