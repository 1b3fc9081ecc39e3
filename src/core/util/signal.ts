// A tiny in-process signal: listeners are called, in order, each time it fires. Runtime: any.

export class Signal {
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` on every `fire()` until the returned function is called. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  fire(): void {
    for (const listener of this.listeners) listener();
  }

  get size(): number {
    return this.listeners.size;
  }
}
