// Runs tasks one at a time per key, in the order they arrive; tasks of different keys run side by side.
// Nothing is kept for a key once its last task settles. Runtime: any.

export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every earlier task of `key` has settled; a failure does not stop the next one. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Whether `key` has a task running or waiting. */
  has(key: string): boolean {
    return this.tails.has(key);
  }

  /** Keys with a task running or waiting. */
  get size(): number {
    return this.tails.size;
  }
}
