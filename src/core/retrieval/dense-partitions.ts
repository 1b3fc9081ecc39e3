// The dense index split by language: one vector index per language, so a query searches only its own
// language (no filter callbacks, better recall at the same search effort). Runtime: any.
import type { Chunk } from '../knowledge/chunk.ts';
import type { VectorHit, VectorIndex } from '../ports/vector-index.ts';
import type { Lang } from '../text/lang.ts';

export interface DensePartition {
  readonly lang: Lang;
  readonly index: VectorIndex;
  /** Partition label → position of the chunk in the whole index. */
  readonly labels: Int32Array;
}

export interface PartitionPlan {
  readonly lang: Lang;
  readonly labels: Int32Array;
  /** The partition's vectors, row-major, in label order. */
  readonly vectors: Float32Array;
}

/** Splits row-major vectors by chunk language, keeping chunk order inside each partition. */
export function planPartitions(chunks: readonly Chunk[], vectors: Float32Array, dimensions: number): PartitionPlan[] {
  const langs = [...new Set(chunks.map((chunk) => chunk.lang))].sort();
  return langs.map((lang) => {
    const positions = chunks.flatMap((chunk, position) => (chunk.lang === lang ? [position] : []));
    const partition = new Float32Array(positions.length * dimensions);
    positions.forEach((position, label) =>
      partition.set(vectors.subarray(position * dimensions, (position + 1) * dimensions), label * dimensions),
    );
    return { lang, labels: Int32Array.from(positions), vectors: partition };
  });
}

/** Top k chunks (global positions) from the query's language partition, or from all partitions merged. */
export async function searchPartitions(
  partitions: readonly DensePartition[],
  query: Float32Array,
  k: number,
  lang?: Lang,
): Promise<VectorHit[]> {
  const hits: VectorHit[] = [];
  const searched = partitions.filter((partition) => lang === undefined || partition.lang === lang);
  const found = await Promise.all(searched.map((partition) => partition.index.search(query, k)));
  searched.forEach((partition, position) => {
    for (const hit of found[position] ?? []) hits.push({ label: partition.labels[hit.label] ?? -1, score: hit.score });
  });
  return hits
    .filter((hit) => hit.label >= 0)
    .sort((left, right) => right.score - left.score || left.label - right.label)
    .slice(0, k);
}
