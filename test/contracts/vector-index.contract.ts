// Contract every VectorIndex adapter must meet; run against each implementation.
import { describe, expect, it } from 'vitest';
import type { VectorIndex } from '../../src/core/ports/vector-index.ts';
import { prng } from '../../src/core/util/prng.ts';
import { unitVector } from '../../src/core/util/unit-vector.ts';

/** Deterministic pseudo-random unit vectors (mulberry32). */
export function randomVectors(count: number, dimensions: number, seed = 7): Float32Array {
  const random = prng(seed);
  const next = (): number => random() - 0.5;
  const vectors = new Float32Array(count * dimensions);
  for (let row = 0; row < count; row += 1) {
    const vector = unitVector(Array.from({ length: dimensions }, next));
    vectors.set(vector, row * dimensions);
  }
  return vectors;
}

export function vectorIndexContract(
  name: string,
  build: (vectors: Float32Array, dimensions: number) => Promise<VectorIndex>,
): void {
  describe(`${name} (VectorIndex contract)`, () => {
    const dimensions = 16;
    const vectors = randomVectors(300, dimensions);
    const row = (label: number) => vectors.subarray(label * dimensions, (label + 1) * dimensions);

    it('finds a stored vector as its own nearest neighbour with similarity 1', async () => {
      const index = await build(vectors, dimensions);
      expect(index.size).toBe(300);
      const [best] = await index.search(row(42), 1);
      expect(best?.label).toBe(42);
      expect(best?.score).toBeCloseTo(1, 4);
    });

    it('returns k hits best first', async () => {
      const index = await build(vectors, dimensions);
      const hits = await index.search(row(7), 10);
      expect(hits).toHaveLength(10);
      for (let position = 1; position < hits.length; position += 1) {
        expect(hits[position - 1]!.score).toBeGreaterThanOrEqual(hits[position]!.score);
      }
    });

    it('applies a label filter', async () => {
      const index = await build(vectors, dimensions);
      const hits = await index.search(row(8), 5, (label) => label % 2 === 1);
      expect(hits).toHaveLength(5);
      expect(hits.every((hit) => hit.label % 2 === 1)).toBe(true);
    });

    it('returns nothing from an empty index', async () => {
      const index = await build(new Float32Array(), dimensions);
      expect(await index.search(row(0), 3)).toEqual([]);
    });
  });
}
