import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentCache, stringBytes } from './recent-cache.ts';

describe('RecentCache', () => {
  it('keeps a key that is read while newer keys arrive, and lets an unused one go', () => {
    const cache = new RecentCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1);
    cache.set('d', 4);
    cache.set('e', 5);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('e')).toBe(5);
  });

  it('computes a value once while it stays cached', () => {
    const cache = new RecentCache<string, string>(4);
    let calls = 0;
    const upper = (key: string) => {
      calls += 1;
      return key.toUpperCase();
    };
    expect(cache.through('x', upper)).toBe('X');
    expect(cache.through('x', upper)).toBe('X');
    expect(calls).toBe(1);
  });

  it('returns the latest value of every key among the last `capacity` distinct keys used, and holds at most twice that', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9 }), fc.integer()), { maxLength: 80 }),
        (capacity, operations) => {
          const cache = new RecentCache<number, number>(capacity);
          const latest = new Map<number, number>();
          let recent: number[] = [];
          for (const [write, key, value] of operations) {
            if (write) {
              cache.set(key, value);
              latest.set(key, value);
              recent = [...recent.filter((entry) => entry !== key), key];
            } else {
              const found = cache.get(key);
              if (recent.slice(-capacity).includes(key)) expect(found).toBe(latest.get(key));
              else if (found !== undefined) expect(found).toBe(latest.get(key));
              if (found !== undefined) recent = [...recent.filter((entry) => entry !== key), key];
            }
            expect(cache.size).toBeLessThanOrEqual(2 * capacity);
          }
        },
      ),
    );
  });

  it('refuses a capacity below one', () => {
    expect(() => new RecentCache(0)).toThrow(RangeError);
  });

  it('holds no more than its byte budget however long the keys, and skips an entry heavier than half of it', () => {
    const cache = new RecentCache<string, string>(100_000, {
      maxBytes: 1 << 20,
      weigh: (key, value) => stringBytes(key) + stringBytes(value),
    });
    for (let index = 0; index < 2_000; index += 1) {
      const word = `${'ж'.repeat(4_000)}${index}`;
      cache.set(word, word.toUpperCase());
      expect(cache.bytes).toBeLessThanOrEqual(1 << 20);
    }
    expect(cache.size).toBeLessThan(2_000);
    const huge = 'x'.repeat(400_000);
    cache.set(huge, huge);
    expect(cache.get(huge)).toBeUndefined();
    // Small entries still live side by side.
    cache.set('a', 'A');
    expect(cache.get('a')).toBe('A');
  });
});
