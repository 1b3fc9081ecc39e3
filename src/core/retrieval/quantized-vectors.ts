// Vectors stored as int8 with one scale per vector (symmetric: the largest component maps to ±127), a quarter of the
// float32 bytes; read back as float32 for the exact scan. What it costs in ranking is measured by
// `npm run eval:quantization` (recall@10 against the float32 scan). Runtime: any.

export interface QuantizedVectors {
  readonly codes: Int8Array;
  readonly scales: Float32Array;
}

export function quantizeVectors(vectors: Float32Array, dimensions: number): QuantizedVectors {
  const count = vectors.length / dimensions;
  const codes = new Int8Array(vectors.length);
  const scales = new Float32Array(count);
  for (let row = 0; row < count; row += 1) {
    const offset = row * dimensions;
    let largest = 0;
    for (let index = 0; index < dimensions; index += 1)
      largest = Math.max(largest, Math.abs(vectors[offset + index] ?? 0));
    const scale = largest === 0 ? 1 : largest / 127;
    scales[row] = scale;
    for (let index = 0; index < dimensions; index += 1)
      codes[offset + index] = Math.round((vectors[offset + index] ?? 0) / scale);
  }
  return { codes, scales };
}

export function dequantizeVectors({ codes, scales }: QuantizedVectors, dimensions: number): Float32Array {
  const vectors = new Float32Array(codes.length);
  for (let index = 0; index < codes.length; index += 1)
    vectors[index] = (codes[index] ?? 0) * (scales[Math.floor(index / dimensions)] ?? 0);
  return vectors;
}
