// Reciprocal rank fusion of several rankings. Runtime: any.

export interface RankedList {
  /** Labels best first. */
  readonly labels: readonly number[];
  readonly weight: number;
}

/** RRF constant: larger values flatten the advantage of the very top ranks. */
export const RRF_K = 60;

/**
 * Fuses rankings: score(label) = Σ weight / (k + rank), rank 1-based. Returns a map label → score;
 * the best possible score is Σ weight / (k + 1).
 */
export function reciprocalRankFusion(lists: readonly RankedList[], k = RRF_K): Map<number, number> {
  const fused = new Map<number, number>();
  for (const list of lists) {
    list.labels.forEach((label, index) => {
      fused.set(label, (fused.get(label) ?? 0) + list.weight / (k + index + 1));
    });
  }
  return fused;
}
