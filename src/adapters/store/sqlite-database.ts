// The shared SQLite handle: WAL, migrations, cached prepared statements, group commit, event appends. Runtime: Node.
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { closeSync, fdatasync, openSync } from 'node:fs';
import { GroupCommit } from './group-commit.ts';
import { migrate } from './migrate.ts';

export interface SqliteOptions {
  /** `full` fsyncs every commit (survives power loss); `normal` survives process crashes only. */
  readonly synchronous?: 'full' | 'normal';
}

/** The WAL file, opened on first use, flushed to disk with fdatasync on libuv's thread pool. */
class WalFile {
  private fd: number | undefined;

  constructor(private readonly path: string) {}

  sync(): Promise<void> {
    return new Promise((resolve, reject) => {
      try {
        this.fd ??= openSync(this.path, 'r');
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      fdatasync(this.fd, (error) => (error === null ? resolve() : reject(error)));
    });
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

export class SqliteDatabase {
  readonly writes: GroupCommit;
  private readonly statements = new Map<string, Statement>();

  private constructor(
    readonly database: Database,
    private readonly wal?: WalFile,
  ) {
    this.writes = new GroupCommit(database, { sync: wal === undefined ? undefined : () => wal.sync() });
  }

  /** Opens (creating if needed) the file, sets WAL and runs pending migrations. `:memory:` works too. */
  static open(path: string, options: SqliteOptions = {}): SqliteDatabase {
    const database = new BetterSqlite3(path);
    database.pragma('journal_mode = WAL');
    // `full` on a file: SQLite commits without syncing and group commit flushes the WAL off the event loop
    // before any write is acknowledged, which is as durable as SQLite's own FULL without blocking requests.
    const wal = options.synchronous !== 'normal' && !database.memory ? new WalFile(`${database.name}-wal`) : undefined;
    database.pragma(`synchronous = ${wal === undefined ? (options.synchronous ?? 'full').toUpperCase() : 'NORMAL'}`);
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    // 64 MiB of page cache (the default is 2 MiB): recent conversations stay in memory.
    database.pragma('cache_size = -65536');
    migrate(database);
    return new SqliteDatabase(database, wal);
  }

  /** Prepared once per SQL text and reused: preparing is most of the cost of a small query. */
  sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.database.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Appends to the event log; call inside a write. */
  event(conversationId: string, type: string, actor: string, at: string, data: Record<string, unknown> = {}): void {
    this.sql('INSERT INTO events (conversation_id, type, actor, at, data) VALUES (?, ?, ?, ?, ?)').run(conversationId, type, actor, at, JSON.stringify(data));
  }

  close(): void {
    this.database.close();
    this.wal?.close();
  }
}
