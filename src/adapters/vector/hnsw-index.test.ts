import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { randomVectors } from '../../../test/contracts/vector-index.contract.ts';
import { ExactVectorIndex } from '../../core/retrieval/exact-vector-index.ts';
import { HnswVectorIndex } from './hnsw-index.ts';

const directories: string[] = [];
afterEach(async () =>
  Promise.all(directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true }))),
);

describe('HnswVectorIndex', () => {
  it('answers the same after a save and load', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'firstline-hnsw-'));
    directories.push(directory);
    const vectors = randomVectors(500, 32);
    const built = await HnswVectorIndex.build(vectors, 32);
    await built.save(join(directory, 'hnsw.bin'));
    const loaded = await HnswVectorIndex.load(join(directory, 'hnsw.bin'), 32);
    const query = vectors.subarray(32 * 10, 32 * 11);
    expect(loaded.size).toBe(500);
    expect(await loaded.search(query, 10)).toEqual(await built.search(query, 10));
  });

  it('reaches recall@10 of at least 0.98 against the exact scan', async () => {
    const dimensions = 64;
    const vectors = randomVectors(3000, dimensions, 11);
    const queries = randomVectors(100, dimensions, 12);
    const hnsw = await HnswVectorIndex.build(vectors, dimensions);
    const exact = new ExactVectorIndex(vectors, dimensions);
    let found = 0;
    for (let row = 0; row < 100; row += 1) {
      const query = queries.subarray(row * dimensions, (row + 1) * dimensions);
      const truth = new Set(exact.nearest(query, 10).map((hit) => hit.label));
      found += hnsw.nearest(query, 10).filter((hit) => truth.has(hit.label)).length;
    }
    expect(found / 1000).toBeGreaterThanOrEqual(0.98);
  });
});
