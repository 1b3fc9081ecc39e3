// ROC-AUC and a small logistic-regression fitter, for calibrating confidence scores. Runtime: any.

/** Area under the ROC curve: the probability a random positive outscores a random negative (ties count half). */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const pairs = scores
    .map((score, index) => ({ score, positive: labels[index] === true }))
    .sort((left, right) => left.score - right.score);
  const positives = pairs.filter((pair) => pair.positive).length;
  const negatives = pairs.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  let rankSum = 0;
  let index = 0;
  while (index < pairs.length) {
    let end = index;
    while (end + 1 < pairs.length && pairs[end + 1]?.score === pairs[index]?.score) end += 1;
    const averageRank = (index + end) / 2 + 1;
    for (let tie = index; tie <= end; tie += 1) if (pairs[tie]?.positive === true) rankSum += averageRank;
    index = end + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface LogisticModel {
  readonly bias: number;
  readonly weights: readonly number[];
}

/** Fits P(label) = σ(bias + w·x) by gradient descent on log loss with an L2 penalty on w. */
export function fitLogistic(
  features: readonly (readonly number[])[],
  labels: readonly boolean[],
  options: { l2?: number; iterations?: number; rate?: number } = {},
): LogisticModel {
  const dimensions = features[0]?.length ?? 0;
  const l2 = options.l2 ?? 0.01;
  const rate = options.rate ?? 0.5;
  let bias = 0;
  const weights = new Array<number>(dimensions).fill(0);
  const count = features.length || 1;
  for (let iteration = 0; iteration < (options.iterations ?? 4000); iteration += 1) {
    let biasGradient = 0;
    const gradient = new Array<number>(dimensions).fill(0);
    features.forEach((row, index) => {
      const error = predict({ bias, weights }, row) - (labels[index] === true ? 1 : 0);
      biasGradient += error;
      row.forEach((value, feature) => (gradient[feature] = (gradient[feature] ?? 0) + error * value));
    });
    bias -= (rate * biasGradient) / count;
    for (let feature = 0; feature < dimensions; feature += 1) {
      weights[feature] =
        (weights[feature] ?? 0) - rate * ((gradient[feature] ?? 0) / count + l2 * (weights[feature] ?? 0));
    }
  }
  return { bias, weights };
}

export function predict(model: LogisticModel, row: readonly number[]): number {
  let linear = model.bias;
  row.forEach((value, index) => (linear += (model.weights[index] ?? 0) * value));
  return 1 / (1 + Math.exp(-linear));
}
