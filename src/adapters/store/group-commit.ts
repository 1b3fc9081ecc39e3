// Group commit for a synchronous SQLite handle: writes queued in the same turn of the event loop run in one
// transaction, and one fsync covers them all. Every promise settles only after its transaction is durable,
// so "resolved" still means "on disk". Runtime: Node.
//
// Two costs are kept off the common path:
// - Savepoints. A batch runs as plain statements; only if one operation throws is the transaction rolled back
//   and the batch run again with a savepoint per operation, so one failure does not undo the others.
//   Operations must therefore touch nothing but the database (they may run twice).
// - The fsync. With `sync` given, the connection commits without syncing (synchronous=NORMAL) and `sync`
//   flushes the WAL file on libuv's thread pool, so the event loop keeps serving while the disk works.
//   Writes that arrive while a flush runs wait for it and then commit as one batch, covered by the next
//   flush: they could not be acknowledged before that flush anyway, and one larger transaction writes each
//   shared page (table tails, index tails) to the WAL once instead of once per small batch.
import type { Database, Statement } from 'better-sqlite3';

interface Pending {
  readonly operation: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

export interface GroupCommitOptions {
  /** Makes committed transactions durable (fsync of the WAL); without it, COMMIT itself must be durable. */
  readonly sync?: (() => Promise<void>) | undefined;
}

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  /** Whether a flush is running; no batch commits meanwhile. */
  private syncing = false;
  /** Transactions committed, operations written, flushes of the WAL and batches rerun with savepoints. */
  readonly stats = { commits: 0, operations: 0, syncs: 0, retries: 0 };
  private readonly begin: Statement;
  private readonly commit: Statement;
  private readonly savepoint: Statement;
  private readonly release: Statement;
  private readonly rollbackTo: Statement;

  constructor(
    private readonly database: Database,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.begin = database.prepare('BEGIN IMMEDIATE');
    this.commit = database.prepare('COMMIT');
    this.savepoint = database.prepare('SAVEPOINT operation');
    this.release = database.prepare('RELEASE operation');
    this.rollbackTo = database.prepare('ROLLBACK TO operation');
  }

  run<T>(operation: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ operation, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.syncing || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.runBatch(batch);
    } catch (error) {
      if (this.database.inTransaction) this.database.exec('ROLLBACK');
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.stats.commits += 1;
    this.stats.operations += batch.length;
    this.durable(
      () =>
        batch.forEach((pending, index) => {
          const outcome = outcomes[index];
          if (outcome?.ok === true) pending.resolve(outcome.value);
          else pending.reject(outcome?.error);
        }),
      (error) => batch.forEach((pending) => pending.reject(error)),
    );
  }

  /** Runs and commits a batch: plain statements first, savepoints only when an operation fails. */
  private runBatch(batch: readonly Pending[]): Outcome[] {
    this.begin.run();
    try {
      const values = batch.map((pending) => pending.operation());
      this.commit.run();
      return values.map((value) => ({ ok: true, value }));
    } catch {
      // Some errors (disk full, I/O) end the transaction themselves.
      if (this.database.inTransaction) this.database.exec('ROLLBACK');
    }
    this.stats.retries += 1;
    const outcomes: Outcome[] = [];
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
    return outcomes;
  }

  /** Calls `settle` once the committed batch is on disk: at once, or after a flush started after its COMMIT. */
  private durable(settle: () => void, fail: (error: unknown) => void): void {
    const { sync } = this.options;
    if (sync === undefined) return settle();
    // A batch commits only while no flush runs, so this flush covers exactly this batch.
    this.syncing = true;
    // Through a promise, so a `sync` that throws at once fails its batch instead of holding every later write.
    Promise.resolve()
      .then(sync)
      .then(() => {
        this.stats.syncs += 1;
        settle();
      }, fail)
      .finally(() => {
        this.syncing = false;
        this.schedule();
      });
  }
}
