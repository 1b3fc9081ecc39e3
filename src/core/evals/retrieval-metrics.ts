// Retrieval quality over labelled queries: hit@k and mean reciprocal rank. Runtime: any.

export interface RankedQuery {
  readonly id: string;
  /** Article ids in rank order. */
  readonly ranked: readonly string[];
  /** Any of these counts as a hit. */
  readonly expected: readonly string[];
}

export interface RetrievalMetrics {
  readonly queries: number;
  readonly hitAt1: number;
  readonly hitAt5: number;
  readonly mrr: number;
}

/** 1-based rank of the first expected article, or null when none was retrieved. */
export function firstHitRank(query: RankedQuery): number | null {
  const index = query.ranked.findIndex((id) => query.expected.includes(id));
  return index === -1 ? null : index + 1;
}

/** Shares of queries with an expected article at rank ≤ 1 and ≤ 5, and MRR (0 for a miss). */
export function retrievalMetrics(queries: readonly RankedQuery[]): RetrievalMetrics {
  if (queries.length === 0) return { queries: 0, hitAt1: 0, hitAt5: 0, mrr: 0 };
  let hitAt1 = 0;
  let hitAt5 = 0;
  let reciprocal = 0;
  for (const query of queries) {
    const rank = firstHitRank(query);
    if (rank === null) continue;
    if (rank <= 1) hitAt1 += 1;
    if (rank <= 5) hitAt5 += 1;
    reciprocal += 1 / rank;
  }
  const count = queries.length;
  return { queries: count, hitAt1: hitAt1 / count, hitAt5: hitAt5 / count, mrr: reciprocal / count };
}
