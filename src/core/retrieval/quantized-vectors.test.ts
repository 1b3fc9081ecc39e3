import { describe, expect, it } from 'vitest';
import { randomVectors } from '../../../test/contracts/vector-index.contract.ts';
import { ExactVectorIndex } from './exact-vector-index.ts';
import { dequantizeVectors, quantizeVectors } from './quantized-vectors.ts';

describe('int8 vectors', () => {
  const dimensions = 64;
  const vectors = randomVectors(500, dimensions, 11);

  it('reads every component back within half a step of its vector’s scale', () => {
    const quantized = quantizeVectors(vectors, dimensions);
    expect(quantized.codes.byteLength).toBe(vectors.byteLength / 4);
    const back = dequantizeVectors(quantized, dimensions);
    for (let index = 0; index < vectors.length; index += 1) {
      const scale = quantized.scales[Math.floor(index / dimensions)] ?? 0;
      expect(Math.abs((back[index] ?? 0) - (vectors[index] ?? 0))).toBeLessThanOrEqual(scale / 2 + 1e-7);
    }
  });

  it('keeps the exact top 10 of almost every query', () => {
    const exact = new ExactVectorIndex(vectors, dimensions);
    const read = new ExactVectorIndex(dequantizeVectors(quantizeVectors(vectors, dimensions), dimensions), dimensions);
    const queries = randomVectors(100, dimensions, 12);
    let overlap = 0;
    for (let row = 0; row < 100; row += 1) {
      const query = queries.subarray(row * dimensions, (row + 1) * dimensions);
      const found = new Set(read.nearest(query, 10).map((hit) => hit.label));
      overlap += exact.nearest(query, 10).filter((hit) => found.has(hit.label)).length;
    }
    expect(overlap / 1000).toBeGreaterThanOrEqual(0.98);
  });

  it('maps a zero vector to zeros', () => {
    const quantized = quantizeVectors(new Float32Array(4), 4);
    expect(Array.from(dequantizeVectors(quantized, 4))).toEqual([0, 0, 0, 0]);
  });
});
