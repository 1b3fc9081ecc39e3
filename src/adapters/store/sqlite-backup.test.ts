import BetterSqlite3 from 'better-sqlite3';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, lockDatabaseExclusively, restoreDatabase } from './sqlite-backup.ts';
import { SqliteDatabase } from './sqlite-database.ts';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'firstline-backup-'));
});
afterAll(async () => rm(directory, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

const remember = (database: SqliteDatabase, value: string) =>
  database.write(() =>
    database.connection.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('remembered', ?)", value),
  );

const remembered = (path: string) => {
  const database = new BetterSqlite3(path, { readonly: true });
  try {
    return (database.prepare("SELECT value FROM meta WHERE key = 'remembered'").get() as { value: string }).value;
  } finally {
    database.close();
  }
};

describe('SQLite data files', () => {
  it('creates a new database and its -wal and -shm readable by the owner only', async () => {
    const path = join(directory, 'private.db');
    const database = SqliteDatabase.open(path);
    await remember(database, 'x');
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(mode(file), file).toBe(0o600);
    database.close();
  });
});

describe('backup and restore', () => {
  it('copies a database in use into a 0600 file and refuses to overwrite it without force', async () => {
    const source = join(directory, 'live.db');
    const out = join(directory, 'live-backup.db');
    const database = SqliteDatabase.open(source);
    await remember(database, 'before');
    const { pages } = await backupDatabase(source, out);
    await remember(database, 'after');
    expect(pages).toBeGreaterThan(0);
    expect(mode(out)).toBe(0o600);
    expect(remembered(out)).toBe('before');
    await expect(backupDatabase(source, out)).rejects.toThrow(/already exists; use --force/);
    await backupDatabase(source, out, { force: true });
    expect(remembered(out)).toBe('after');
    database.close();
  });

  it('sees a connection that holds the database open, even an idle one', () => {
    const path = join(directory, 'held.db');
    const database = SqliteDatabase.open(path);
    expect(lockDatabaseExclusively(path)).toBeUndefined();
    database.close();
    const release = lockDatabaseExclusively(path);
    expect(release).toBeTypeOf('function');
    release?.();
  });

  it('replaces the database with a backup, refusing while it is open or when the file is not Firstline', async () => {
    const source = join(directory, 'origin.db');
    const backup = join(directory, 'origin-backup.db');
    const origin = SqliteDatabase.open(source);
    await remember(origin, 'from the backup');
    await backupDatabase(source, backup);
    origin.close();

    const target = join(directory, 'target.db');
    const live = SqliteDatabase.open(target);
    await remember(live, 'to be replaced');
    expect(() => restoreDatabase(backup, target)).toThrow(/in use/);
    live.close();
    restoreDatabase(backup, target);
    expect(remembered(target)).toBe('from the backup');
    expect(mode(target)).toBe(0o600);

    const text = join(directory, 'notes.txt');
    writeFileSync(text, 'not a database at all, just some text that is long enough to look like a header');
    expect(() => restoreDatabase(text, target)).toThrow(BackupError);
    expect(() => restoreDatabase(text, target)).toThrow(/not a Firstline database/);
    const foreign = join(directory, 'foreign.db');
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    writeFileSync(`${foreign}-wal`, 'uncheckpointed commits');
    expect(() => restoreDatabase(foreign, target)).toThrow(/has a -wal file beside it/);
    rmSync(`${foreign}-wal`);
    expect(() => restoreDatabase(foreign, target)).toThrow(/no schema_migrations table/);
    expect(remembered(target)).toBe('from the backup');

    // A damaged database is what a restore is for: it cannot be in use, and it is replaced.
    writeFileSync(target, 'garbage where the database was');
    restoreDatabase(backup, target);
    expect(remembered(target)).toBe('from the backup');
  });
});
