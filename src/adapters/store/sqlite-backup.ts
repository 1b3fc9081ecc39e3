// Online backup and offline restore of the SQLite database file: a consistent single-file copy taken while the
// service may be writing (SQLite's backup API), and an atomic swap of a checked copy into place. Runtime: Node.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BetterSqliteConnection, SqliteDatabase, type SqliteOptions } from './sqlite-database.ts';
import { appliedMigrations } from './migrate.ts';

/** A backup or restore that cannot proceed; the message is one line for the operator. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** Files SQLite keeps next to a database; they belong to that file only and must not outlive it. */
const SIDECARS = ['-wal', '-shm', '-journal'] as const;

function removeSidecars(path: string): void {
  for (const suffix of SIDECARS) rmSync(`${path}${suffix}`, { force: true });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Flushes a directory entry (a rename or link) to disk; some platforms cannot open directories, which is harmless. */
function syncDirectory(directory: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(directory, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here (e.g. Windows): the rename is still atomic, only its durability is the OS's.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A temp file name next to `path`, so the final rename stays on one file system. */
function tempPath(path: string, purpose: string): string {
  return join(dirname(path), `.${basename(path)}.${purpose}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Creates an empty file readable by its owner only; fails if it exists. */
function createPrivate(path: string): void {
  closeSync(openSync(path, 'wx', 0o600));
}

export interface BackupResult {
  readonly pages: number;
}

/**
 * Copies the database at `source` to `out` with SQLite's online backup API: the copy is one consistent snapshot
 * even while another process keeps writing (a step interrupted by a write starts over). The copy is written to a
 * temp file (mode 0600) beside `out`, switched to a self-contained rollback-journal file, fsynced, and only then
 * put in place; without `force` an existing `out` is never replaced.
 */
export async function backupDatabase(
  source: string,
  out: string,
  options: { force?: boolean } = {},
): Promise<BackupResult> {
  if (!existsSync(source)) throw new BackupError(`no database at ${source}`);
  if (!options.force && existsSync(out)) throw new BackupError(`${out} already exists; use --force to replace it`);
  if (!existsSync(dirname(out))) throw new BackupError(`directory ${dirname(out)} does not exist`);
  const temp = tempPath(out, 'backup');
  let database: Database | undefined;
  try {
    createPrivate(temp);
    database = new BetterSqlite3(source, { fileMustExist: true, timeout: 5000 });
    // After the first step copy everything at once: one read transaction, which in WAL mode never blocks writers.
    const { totalPages } = await database.backup(temp, { progress: () => 1 << 30 });
    database.close();
    database = undefined;
    const copy = new BetterSqlite3(temp, { fileMustExist: true });
    try {
      // A backup of a WAL database is itself in WAL mode; a backup should be one file that can be moved alone.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    syncFile(temp);
    if (options.force) renameSync(temp, out);
    else {
      try {
        linkSync(temp, out);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST')
          throw new BackupError(`${out} already exists; use --force to replace it`);
        throw error;
      }
      rmSync(temp, { force: true });
    }
    syncDirectory(dirname(out));
    return { pages: totalPages };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`backup of ${source} failed: ${describe(error)}`);
  } finally {
    database?.close();
    rmSync(temp, { force: true });
    removeSidecars(temp);
  }
}

/** Throws a BackupError unless `path` is an intact SQLite database with Firstline's migration table. */
export function checkFirstlineDatabase(path: string, label = path): void {
  let database: Database;
  try {
    database = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`cannot open ${label}: ${describe(error)}`);
  }
  try {
    let problems: string[];
    try {
      problems = (database.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
        (row) => row.integrity_check,
      );
    } catch (error) {
      throw new BackupError(`${label} is not a Firstline database (${describe(error)})`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok')
      throw new BackupError(`${label} fails the integrity check: ${problems.slice(0, 3).join('; ')}`);
    const table = database
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      .get();
    if (table === undefined) throw new BackupError(`${label} is not a Firstline database (no schema_migrations table)`);
  } finally {
    database.close();
  }
}

/**
 * Whether another connection (the service, another command) has the database open. In WAL mode every open
 * connection holds a shared lock on the file, so an exclusive lock with `locking_mode = EXCLUSIVE` is refused
 * while anyone else has it open, even idle (a plain `BEGIN EXCLUSIVE` is not: WAL lets readers through).
 * Returns a release function that holds the lock until called, or undefined when the database is in use.
 */
export function lockDatabaseExclusively(path: string, timeoutMs = 250): (() => void) | undefined {
  const database = new BetterSqlite3(path, { fileMustExist: true, timeout: timeoutMs });
  try {
    database.pragma('locking_mode = EXCLUSIVE');
    database.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    database.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY') return undefined;
    // A file SQLite cannot read as a database cannot be what a running service works on: it may be replaced.
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return () => undefined;
    throw new BackupError(`cannot lock ${path}: ${describe(error)}`);
  }
  return () => {
    database.exec('ROLLBACK');
    database.close();
  };
}

export interface RestoreResult {
  /** Migrations applied after the restore, because the backup was taken by an older version. */
  readonly migrated: number[];
}

function copyPrivate(from: string, to: string): void {
  const input = openSync(from, 'r');
  try {
    const output = openSync(to, 'wx', 0o600);
    try {
      const buffer = Buffer.allocUnsafe(1 << 20);
      for (;;) {
        const read = readSync(input, buffer, 0, buffer.length, null);
        if (read === 0) break;
        for (let written = 0; written < read;) written += writeSync(output, buffer, written, read - written);
      }
      fsyncSync(output);
    } finally {
      closeSync(output);
    }
  } finally {
    closeSync(input);
  }
}

/**
 * Replaces the database at `target` with the backup `file`: the file is copied to a temp file beside the target
 * (mode 0600, fsynced), checked (integrity_check and `schema_migrations`), the old database's -wal/-shm/-journal
 * are removed, the copy is renamed over the target, and pending migrations run. Refused while any other
 * connection has the target open, and for a file with a non-empty -wal beside it (its newest commits would be
 * left behind: such a file is a live database, not a backup). Restoring is an offline operation: the check is
 * made just before the swap, so the service must not be started while a restore runs.
 */
export function restoreDatabase(file: string, target: string, options: SqliteOptions = {}): RestoreResult {
  if (!existsSync(file)) throw new BackupError(`no such file: ${file}`);
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0)
    throw new BackupError(
      `${file} has a -wal file beside it (open, or not closed cleanly); take a copy with "firstline backup" instead`,
    );
  const release = existsSync(target) ? lockDatabaseExclusively(target) : () => undefined;
  if (release === undefined)
    throw new BackupError(`${target} is in use (is "firstline serve" running?); stop the service before restoring`);
  const temp = tempPath(target, 'restore');
  let released = false;
  let before: number[];
  try {
    try {
      copyPrivate(file, temp);
    } catch (error) {
      throw new BackupError(`cannot copy ${file} to ${dirname(target)}: ${describe(error)}`);
    }
    checkFirstlineDatabase(temp, file);
    before = appliedVersions(temp);
    removeSidecars(temp);
    // Closing the lock's connection checkpoints the old WAL into the old file (about to be replaced).
    release();
    released = true;
    removeSidecars(target);
    renameSync(temp, target);
    syncDirectory(dirname(target));
  } finally {
    if (!released) release();
    rmSync(temp, { force: true });
    removeSidecars(temp);
  }
  const database = SqliteDatabase.open(target, options);
  try {
    return { migrated: appliedMigrations(database.connection).filter((version) => !before.includes(version)) };
  } finally {
    database.close();
  }
}

/** The migration versions a checked database file records. */
function appliedVersions(path: string): number[] {
  const database = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    return new BetterSqliteConnection(database)
      .all<{ version: number }>('SELECT version FROM schema_migrations')
      .map((row) => row.version);
  } finally {
    database.close();
  }
}
