// Nearest-rank percentiles and medians for benchmark samples.

/** The p-quantile (0 < p ≤ 1) by nearest rank: the smallest sample with at least p of the samples at or below it. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1] ?? null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface LatencySummary {
  readonly count: number;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  return {
    count: samples.length,
    p50: percentile(samples, 0.5),
    p90: percentile(samples, 0.9),
    p99: percentile(samples, 0.99),
    max: samples.length === 0 ? null : samples.reduce((top, value) => Math.max(top, value), -Infinity),
  };
}

/** How many samples may reach the limit while the p-quantile of `count` samples stays below it. */
export function allowedAtOrAbove(count: number, p: number): number {
  return count - Math.max(1, Math.ceil(p * count));
}
