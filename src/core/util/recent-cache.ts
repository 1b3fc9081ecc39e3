// A memo that keeps recently used entries, in two generations of Maps: a hit costs one or two lookups and
// never reorders anything, which matters for memos consulted thousands of times per request. Bounded by entry
// count and, when given a weigher, by an estimate of the bytes it holds. Runtime: any.

export interface CacheBudget<K, V> {
  /** Most bytes (as `weigh` estimates them) the cache may hold; an entry heavier than half of it is not kept. */
  readonly maxBytes: number;
  readonly weigh: (key: K, value: V) => number;
}

/** Bytes of a string in V8 at worst (two per UTF-16 unit) plus a small header. */
export const stringBytes = (text: string) => 16 + 2 * text.length;

/** Bytes of a list of strings, estimated. */
export const stringsBytes = (list: readonly string[]) => list.reduce((sum, entry) => sum + 8 + stringBytes(entry), 16);

/**
 * Keeps every key used among the last `capacity` distinct keys, and at most `2 × capacity` entries.
 * New and recently read entries live in the young generation; when it fills (by count, or by half the byte
 * budget), it becomes the old one and the previous old generation is dropped. Reading an old entry moves it
 * back to the young generation.
 */
export class RecentCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private youngBytes = 0;
  private oldBytes = 0;

  constructor(
    readonly capacity: number,
    private readonly budget?: CacheBudget<K, V>,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  /** Estimated bytes held (0 without a budget). */
  get bytes(): number {
    return this.youngBytes + this.oldBytes;
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      const weight = this.budget?.weigh(key, aged) ?? 0;
      this.oldBytes = Math.max(0, this.oldBytes - weight);
      this.set(key, aged);
    }
    return aged;
  }

  set(key: K, value: V): void {
    const weight = this.budget?.weigh(key, value) ?? 0;
    const half = this.budget === undefined ? Infinity : this.budget.maxBytes / 2;
    // One huge entry (a 100,000-character message) would push everything else out for nothing: skip it.
    if (weight > half) return;
    if (!this.young.has(key)) {
      if (this.young.size >= this.capacity || this.youngBytes + weight > half) {
        this.old = this.young;
        this.oldBytes = this.youngBytes;
        this.young = new Map();
        this.youngBytes = 0;
      }
      this.youngBytes += weight;
    }
    if (this.old.delete(key)) this.oldBytes = Math.max(0, this.oldBytes - weight);
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
