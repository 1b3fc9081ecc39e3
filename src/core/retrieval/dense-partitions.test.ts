import { describe, expect, it } from 'vitest';
import type { Chunk } from '../knowledge/chunk.ts';
import { ExactVectorIndex } from './exact-vector-index.ts';
import { planPartitions, searchPartitions } from './dense-partitions.ts';

const chunk = (id: string, lang: 'ru' | 'en'): Chunk => ({
  id,
  articleId: id,
  title: id,
  headingPath: [id],
  lang,
  handoff: false,
  tags: [],
  text: id,
  tokens: 1,
});

describe('dense partitions', () => {
  const chunks = [chunk('a', 'ru'), chunk('b', 'en'), chunk('c', 'ru')];
  const vectors = Float32Array.of(1, 0, 0, 1, 0.6, 0.8);
  const partitions = planPartitions(chunks, vectors, 2).map((plan) => ({
    ...plan,
    index: new ExactVectorIndex(plan.vectors, 2),
  }));

  it('splits vectors by language, keeping chunk positions as labels', () => {
    expect(partitions.map((partition) => [partition.lang, [...partition.labels]])).toEqual([
      ['en', [1]],
      ['ru', [0, 2]],
    ]);
  });

  it('searches only the requested language and maps hits back to chunk positions', async () => {
    expect((await searchPartitions(partitions, Float32Array.of(0, 1), 5, 'ru')).map((hit) => hit.label)).toEqual([
      2, 0,
    ]);
  });

  it('merges all languages by score when no language is given', async () => {
    expect((await searchPartitions(partitions, Float32Array.of(0, 1), 2)).map((hit) => hit.label)).toEqual([1, 2]);
  });
});
