// The SQL connection port on better-sqlite3: WAL, migrations, cached prepared statements, group commit. Runtime: Node.
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, fdatasync, openSync } from 'node:fs';
import type { SqlConnection, SqlDatabase, SqlValue } from '../../core/ports/sql-database.ts';
import { GroupCommit } from './group-commit.ts';
import { migrate } from './migrate.ts';
import { migrationFiles } from './migration-files.ts';

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

/** Statements prepared once per SQL text and reused: preparing is most of the cost of a small query. */
export class BetterSqliteConnection implements SqlConnection {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly database: Database) {}

  private statement(text: string): Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.database.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  get<Row>(sql: string, ...params: SqlValue[]): Row | undefined {
    return this.statement(sql).get(...params) as Row | undefined;
  }

  all<Row>(sql: string, ...params: SqlValue[]): Row[] {
    return this.statement(sql).all(...params) as Row[];
  }

  run(sql: string, ...params: SqlValue[]): { changes: number } {
    return { changes: this.statement(sql).run(...params).changes };
  }

  exec(sql: string): void {
    this.database.exec(sql);
  }

  transaction<T>(work: () => T): T {
    return this.database.transaction(work)();
  }
}

/** A path naming a file on disk (not `:memory:`, SQLite's private temp database or a `file:` URI). */
function isFilePath(path: string): boolean {
  return path !== '' && path !== ':memory:' && !path.startsWith('file:');
}

/** SQLite creates -wal and -shm with the database file's mode; this makes sure, should a VFS differ. */
function restrictSidecars(path: string): void {
  for (const suffix of ['-wal', '-shm']) {
    try {
      chmodSync(`${path}${suffix}`, 0o600);
    } catch {
      // Not created yet (or not ours to change): SQLite will create it with the database file's mode.
    }
  }
}

export class SqliteDatabase implements SqlDatabase {
  readonly writes: GroupCommit;
  readonly connection: SqlConnection;

  private constructor(
    readonly database: Database,
    private readonly wal?: WalFile,
  ) {
    this.writes = new GroupCommit(database, { sync: wal === undefined ? undefined : () => wal.sync() });
    this.connection = new BetterSqliteConnection(database);
  }

  write<T>(work: () => T): Promise<T> {
    return this.writes.run(work);
  }

  /**
   * Opens (creating if needed) the file, sets WAL and runs pending migrations. `:memory:` works too. A new
   * database file is created readable by its owner only (0600), and so are its -wal and -shm files.
   */
  static open(path: string, options: SqliteOptions = {}): SqliteDatabase {
    const created = isFilePath(path) && !existsSync(path);
    // Created here rather than by SQLite, which would use 0644 less the umask; SQLite gives -wal/-shm its mode.
    if (created) closeSync(openSync(path, 'a', 0o600));
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
    const opened = new SqliteDatabase(database, wal);
    // Foreign keys are switched off while migrations run, so a migration may rebuild a referenced table (SQLite's
    // documented procedure); `migrate` checks them before each commit.
    database.pragma('foreign_keys = OFF');
    try {
      migrate(opened.connection, migrationFiles());
    } finally {
      database.pragma('foreign_keys = ON');
    }
    if (created) restrictSidecars(path);
    return opened;
  }

  close(): void {
    this.database.close();
    this.wal?.close();
  }
}
