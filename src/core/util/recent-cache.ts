// A memo that keeps recently used entries, in two generations of Maps: a hit costs one or two lookups and
// never reorders anything, which matters for memos consulted thousands of times per request. Runtime: any.

/**
 * Keeps every key used among the last `capacity` distinct keys, and at most `2 × capacity` entries.
 * New and recently read entries live in the young generation; when it fills, it becomes the old one and
 * the previous old generation is dropped. Reading an old entry moves it back to the young generation.
 */
export class RecentCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.set(key, aged);
    }
    return aged;
  }

  set(key: K, value: V): void {
    if (!this.young.has(key) && this.young.size >= this.capacity) {
      this.old = this.young;
      this.young = new Map();
    }
    this.old.delete(key);
    this.young.set(key, value);
  }

  /** The cached value, or `compute(key)` stored and returned. */
  through(key: K, compute: (key: K) => V): V {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    this.set(key, value);
    return value;
  }
}
