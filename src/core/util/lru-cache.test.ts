import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache.ts';

describe('LruCache', () => {
  it('evicts the least recently used key, not the oldest inserted', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('computes a value once while it stays cached', () => {
    const cache = new LruCache<string, string>(4);
    let calls = 0;
    const upper = (key: string) => {
      calls += 1;
      return key.toUpperCase();
    };
    expect(cache.through('x', upper)).toBe('X');
    expect(cache.through('x', upper)).toBe('X');
    expect(calls).toBe(1);
  });

  it('never holds more than its capacity and agrees with a reference model', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 8 })), { maxLength: 60 }), (capacity, operations) => {
        const cache = new LruCache<number, number>(capacity);
        let model: number[] = [];
        for (const [write, key] of operations) {
          if (write) {
            cache.set(key, key * 10);
            model = [...model.filter((entry) => entry !== key), key].slice(-capacity);
          } else {
            expect(cache.get(key)).toBe(model.includes(key) ? key * 10 : undefined);
            if (model.includes(key)) model = [...model.filter((entry) => entry !== key), key];
          }
          expect(cache.size).toBe(model.length);
        }
      }),
    );
  });

  it('refuses a capacity below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
