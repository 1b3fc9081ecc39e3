// Brute-force cosine search over all vectors: the exact baseline, and the index where no ANN library runs. Runtime: any.
import type { VectorHit, VectorIndex } from '../ports/vector-index.ts';
import { TopK } from '../util/top-k.ts';

/** Scans every vector (row-major, unit length) and returns the exact top k by dot product. */
export class ExactVectorIndex implements VectorIndex {
  readonly size: number;

  constructor(
    private readonly vectors: Float32Array,
    readonly dimensions: number,
  ) {
    if (vectors.length % dimensions !== 0) {
      throw new RangeError(`vector buffer length ${vectors.length} is not a multiple of ${dimensions}`);
    }
    this.size = vectors.length / dimensions;
  }

  search(query: Float32Array, k: number, filter?: (label: number) => boolean): Promise<VectorHit[]> {
    return Promise.resolve(this.nearest(query, k, filter));
  }

  /** `search` without the promise, for callers that measure or batch in one turn. */
  nearest(query: Float32Array, k: number, filter?: (label: number) => boolean): VectorHit[] {
    const best = new TopK(k);
    const dimensions = this.dimensions;
    const vectors = this.vectors;
    for (let label = 0; label < this.size; label += 1) {
      if (filter !== undefined && !filter(label)) continue;
      let dot = 0;
      const offset = label * dimensions;
      for (let index = 0; index < dimensions; index += 1) dot += (vectors[offset + index] ?? 0) * (query[index] ?? 0);
      best.push(label, dot);
    }
    return best.sorted();
  }
}
