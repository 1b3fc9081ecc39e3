// Port: nearest-neighbour search over unit vectors by cosine similarity. Asynchronous, so an index may live
// elsewhere (a worker, a service such as Vectorize); in-memory indexes answer at once. Runtime: any.

export interface VectorHit {
  /** Position of the vector in the index (the chunk's ordinal). */
  readonly label: number;
  /** Cosine similarity in [-1, 1]; 1 is identical direction. */
  readonly score: number;
}

export interface VectorIndex {
  readonly size: number;
  readonly dimensions: number;
  /** The k most similar vectors, best first; `filter` keeps only labels it accepts. */
  search(query: Float32Array, k: number, filter?: (label: number) => boolean): Promise<VectorHit[]>;
}
