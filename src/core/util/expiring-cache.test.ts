import { describe, expect, it } from 'vitest';
import { ExpiringCache } from './expiring-cache.ts';

describe('ExpiringCache', () => {
  it('forgets every entry its max age after it was stored, read or not', () => {
    let now = 0;
    const cache = new ExpiringCache<string, string>(10, 1000, () => now);
    cache.set('a', 'A');
    now = 600;
    cache.set('b', 'B');
    expect(cache.get('a')).toBe('A');
    now = 1000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('B');
    expect(cache.size).toBe(1);
    now = 1600;
    expect(cache.size).toBe(0);
  });

  it('renews an entry stored again, and drops the oldest beyond its capacity', () => {
    let now = 0;
    const cache = new ExpiringCache<string, number>(2, 1000, () => now);
    cache.set('a', 1);
    now = 500;
    cache.set('a', 2);
    now = 1200;
    expect(cache.get('a')).toBe(2);
    cache.set('b', 3);
    cache.set('c', 4);
    expect(cache.get('a')).toBeUndefined();
    expect([cache.get('b'), cache.get('c'), cache.size]).toEqual([3, 4, 2]);
    cache.delete('b');
    expect(cache.get('b')).toBeUndefined();
  });

  it('refuses a capacity or age that is not positive', () => {
    expect(() => new ExpiringCache(0, 1000)).toThrow(RangeError);
    expect(() => new ExpiringCache(1, 0)).toThrow(RangeError);
  });
});
