import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopK } from './top-k.ts';

describe('TopK', () => {
  it('returns the same k best scores as a full sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 30 }),
        (scores, k) => {
          const top = new TopK(k);
          scores.forEach((score, label) => top.push(label, score));
          const expected = [...scores].sort((left, right) => right - left).slice(0, k);
          expect(top.sorted().map((entry) => entry.score)).toEqual(expected);
        },
      ),
    );
  });
});
