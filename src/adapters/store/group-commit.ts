// Group commit for a synchronous SQLite handle: writes queued in the same turn of the event loop run in one
// transaction (one fsync), each inside its own savepoint so one failure does not undo the others. Every
// promise settles only after COMMIT, so "resolved" still means "durable". Runtime: Node.
import type { Database, Statement } from 'better-sqlite3';

interface Pending {
  readonly operation: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  /** Transactions committed and operations written, for tests and metrics. */
  readonly stats = { commits: 0, operations: 0 };
  private readonly begin: Statement;
  private readonly commit: Statement;
  private readonly savepoint: Statement;
  private readonly release: Statement;
  private readonly rollbackTo: Statement;

  constructor(private readonly database: Database) {
    this.begin = database.prepare('BEGIN IMMEDIATE');
    this.commit = database.prepare('COMMIT');
    this.savepoint = database.prepare('SAVEPOINT operation');
    this.release = database.prepare('RELEASE operation');
    this.rollbackTo = database.prepare('ROLLBACK TO operation');
  }

  run<T>(operation: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ operation, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.begin.run();
      for (const pending of batch) {
        this.savepoint.run();
        try {
          outcomes.push({ ok: true, value: pending.operation() });
          this.release.run();
        } catch (error) {
          this.rollbackTo.run();
          this.release.run();
          outcomes.push({ ok: false, error });
        }
      }
      this.commit.run();
    } catch (error) {
      if (this.database.inTransaction) this.database.exec('ROLLBACK');
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.stats.commits += 1;
    this.stats.operations += batch.length;
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok === true) pending.resolve(outcome.value);
      else pending.reject(outcome?.error);
    });
  }
}
