// A memo for secrets (bearer tokens and what they unlock): every entry is forgotten a fixed time after it was
// stored, whether or not it is read, and at most `capacity` are held. One Map in insertion order: entries all live
// equally long, so the oldest is always the first to expire and forgetting costs O(1) per entry. Runtime: any.

export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, { readonly value: V; readonly until: number }>();

  constructor(
    readonly capacity: number,
    readonly maxAgeMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    if (!(maxAgeMs > 0)) throw new RangeError(`maxAgeMs must be positive, got ${maxAgeMs}`);
  }

  get size(): number {
    this.forgetExpired();
    return this.entries.size;
  }

  get(key: K): V | undefined {
    this.forgetExpired();
    return this.entries.get(key)?.value;
  }

  /** Stores (or renews) an entry for `maxAgeMs` from now; the oldest entry goes when the cache is full. */
  set(key: K, value: V): void {
    this.forgetExpired();
    this.entries.delete(key);
    this.entries.set(key, { value, until: this.now() + this.maxAgeMs });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.until > now) return;
      this.entries.delete(key);
    }
  }
}
