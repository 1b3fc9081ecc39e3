// Vector index port on hnswlib-node (HNSW, cosine), persisted to a file. Runtime: Node.
import type * as Hnswlib from 'hnswlib-node';
import type { HierarchicalNSW } from 'hnswlib-node';
import type { VectorHit, VectorIndex } from '../../core/ports/vector-index.ts';

export interface HnswOptions {
  /** Graph degree; higher is more accurate and larger. */
  readonly m: number;
  readonly efConstruction: number;
  /** Candidate list size at query time; raised to k when smaller. */
  readonly efSearch: number;
}

export const DEFAULT_HNSW: HnswOptions = { m: 16, efConstruction: 200, efSearch: 320 };

async function hnswlib(): Promise<typeof Hnswlib> {
  const module = await import('hnswlib-node');
  // The package is CommonJS: its named exports arrive on `default` under Node's ESM loader.
  return module.default;
}

export class HnswVectorIndex implements VectorIndex {
  private readonly queryValues: number[];

  private constructor(
    private readonly index: HierarchicalNSW,
    readonly dimensions: number,
    private readonly options: HnswOptions,
  ) {
    index.setEf(options.efSearch);
    this.queryValues = new Array<number>(dimensions).fill(0);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  /** Builds an index over row-major vectors; labels are row numbers. Random seed fixed for reproducibility. */
  static async build(
    vectors: Float32Array,
    dimensions: number,
    options: HnswOptions = DEFAULT_HNSW,
  ): Promise<HnswVectorIndex> {
    const { HierarchicalNSW } = await hnswlib();
    const count = vectors.length / dimensions;
    const index = new HierarchicalNSW('cosine', dimensions);
    index.initIndex(Math.max(count, 1), options.m, options.efConstruction, 100);
    for (let label = 0; label < count; label += 1) {
      index.addPoint(Array.from(vectors.subarray(label * dimensions, (label + 1) * dimensions)), label);
    }
    return new HnswVectorIndex(index, dimensions, options);
  }

  static async load(path: string, dimensions: number, options: HnswOptions = DEFAULT_HNSW): Promise<HnswVectorIndex> {
    const { HierarchicalNSW } = await hnswlib();
    const index = new HierarchicalNSW('cosine', dimensions);
    await index.readIndex(path);
    return new HnswVectorIndex(index, dimensions, options);
  }

  async save(path: string): Promise<void> {
    await this.index.writeIndex(path);
  }

  search(query: Float32Array, k: number, filter?: (label: number) => boolean): Promise<VectorHit[]> {
    return Promise.resolve(this.nearest(query, k, filter));
  }

  /** `search` without the promise, for callers that measure or batch in one turn. */
  nearest(query: Float32Array, k: number, filter?: (label: number) => boolean): VectorHit[] {
    const count = Math.min(k, this.size);
    if (count === 0) return [];
    // A small index is searched almost exhaustively at a fraction of efSearch; large ones use it in full.
    this.index.setEf(Math.max(count, Math.min(this.options.efSearch, Math.ceil(this.size / 2))));
    // The binding wants a plain array and copies it at once, so one array is reused: filling it costs far
    // less than building a new one from the typed array each time.
    const values = this.queryValues;
    for (let index = 0; index < this.dimensions; index += 1) values[index] = query[index] ?? 0;
    const result = this.index.searchKnn(values, count, filter);
    return result.neighbors.map((label, position) => ({ label, score: 1 - (result.distances[position] ?? 1) }));
  }
}
