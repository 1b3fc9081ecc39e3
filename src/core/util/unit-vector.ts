// Scales a vector to unit length, the form every vector index here stores. Runtime: any.

/** A copy of `values` as a Float32Array of L2 norm 1 (all zeros stay zeros). */
export function unitVector(values: ArrayLike<number>): Float32Array {
  const vector = Float32Array.from(values);
  normalizeInPlace(vector);
  return vector;
}

/** Scales `vector` to L2 norm 1 in place; a zero vector is left as it is. */
export function normalizeInPlace(vector: Float32Array): void {
  let norm = 0;
  for (let index = 0; index < vector.length; index += 1) norm += (vector[index] as number) * (vector[index] as number);
  if (norm === 0) return;
  const scale = 1 / Math.sqrt(norm);
  for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] ?? 0) * scale;
}
