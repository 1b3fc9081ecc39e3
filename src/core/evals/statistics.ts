// Statistics for comparing eval runs: Wilson intervals, McNemar's exact test, paired bootstrap, ECE, Brier.
// Runtime: any.
import { prng } from '../util/prng.ts';

/** 95 % Wilson score interval for a proportion. */
export function wilson(successes: number, total: number, z = 1.96): { low: number; high: number } {
  if (total === 0) return { low: 0, high: 1 };
  const p = successes / total;
  const denominator = 1 + (z * z) / total;
  const centre = (p + (z * z) / (2 * total)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) / denominator;
  return { low: Math.max(0, centre - margin), high: Math.min(1, centre + margin) };
}

function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let index = 1; index <= k; index += 1) sum += Math.log(n - k + index) - Math.log(index);
  return sum;
}

/** Two-sided exact McNemar p-value from the discordant pairs (b: pass→fail, c: fail→pass). */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  let tail = 0;
  for (let index = 0; index <= k; index += 1) tail += Math.exp(logChoose(n, index) - n * Math.log(2));
  return Math.min(1, 2 * tail);
}

/** 95 % paired bootstrap interval for the mean difference (current − baseline). */
export function pairedBootstrap(
  current: readonly number[],
  baseline: readonly number[],
  samples = 2000,
  seed = 7,
): { delta: number; low: number; high: number } {
  const differences = current.map((value, index) => value - (baseline[index] ?? 0));
  const n = differences.length;
  if (n === 0) return { delta: 0, low: 0, high: 0 };
  const mean = differences.reduce((sum, value) => sum + value, 0) / n;
  const random = prng(seed);
  const means: number[] = [];
  for (let sample = 0; sample < samples; sample += 1) {
    let sum = 0;
    for (let index = 0; index < n; index += 1) sum += differences[Math.floor(random() * n)] ?? 0;
    means.push(sum / n);
  }
  means.sort((left, right) => left - right);
  return {
    delta: mean,
    low: means[Math.floor(samples * 0.025)] ?? mean,
    high: means[Math.floor(samples * 0.975)] ?? mean,
  };
}

/** Expected calibration error over equal-width bins, and the Brier score. */
export function calibration(
  predictions: readonly { confidence: number; correct: boolean }[],
  bins = 10,
): { ece: number; brier: number } {
  if (predictions.length === 0) return { ece: 0, brier: 0 };
  let ece = 0;
  for (let bin = 0; bin < bins; bin += 1) {
    const inBin = predictions.filter((entry) => Math.min(bins - 1, Math.floor(entry.confidence * bins)) === bin);
    if (inBin.length === 0) continue;
    const confidence = inBin.reduce((sum, entry) => sum + entry.confidence, 0) / inBin.length;
    const accuracy = inBin.filter((entry) => entry.correct).length / inBin.length;
    ece += (inBin.length / predictions.length) * Math.abs(confidence - accuracy);
  }
  const brier =
    predictions.reduce((sum, entry) => sum + (entry.confidence - (entry.correct ? 1 : 0)) ** 2, 0) / predictions.length;
  return { ece, brier };
}

/** The value at quantile `q` in [0, 1] of ascending `sorted` values (nearest rank); NaN when empty. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
