import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './rrf.ts';

describe('reciprocalRankFusion', () => {
  it('rewards labels ranked well in both lists and honours weights', () => {
    const fused = reciprocalRankFusion(
      [
        { labels: [1, 2, 3], weight: 1 },
        { labels: [3, 1], weight: 2 },
      ],
      10,
    );
    expect(fused.get(1)).toBeCloseTo(1 / 11 + 2 / 12);
    expect(fused.get(3)).toBeCloseTo(1 / 13 + 2 / 11);
    expect(fused.get(2)).toBeCloseTo(1 / 12);
  });
});
