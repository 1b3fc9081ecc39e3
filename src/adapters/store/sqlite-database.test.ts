import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDatabase } from './sqlite-database.ts';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'firstline-sqlite-'));
});
afterAll(async () => rm(directory, { recursive: true, force: true }));

const write = (database: SqliteDatabase) =>
  database.write(() =>
    database.connection.run(
      "INSERT OR REPLACE INTO meta (key, value) VALUES ('written-at', ?)",
      new Date().toISOString(),
    ),
  );

describe('SqliteDatabase durability modes', () => {
  it('full: acknowledges a write only after flushing the WAL file itself, off the event loop', async () => {
    const database = SqliteDatabase.open(join(directory, 'full.db'));
    expect(database.database.pragma('synchronous', { simple: true })).toBe(1);
    await write(database);
    await write(database);
    expect(database.writes.stats).toMatchObject({ commits: 2, syncs: 2 });
    database.close();
  });

  it('normal: no flush per write; an in-memory database keeps SQLite FULL', async () => {
    const normal = SqliteDatabase.open(join(directory, 'normal.db'), { synchronous: 'normal' });
    await write(normal);
    expect(normal.writes.stats).toMatchObject({ commits: 1, syncs: 0 });
    normal.close();
    const memory = SqliteDatabase.open(':memory:');
    expect(memory.database.pragma('synchronous', { simple: true })).toBe(2);
    await write(memory);
    expect(memory.writes.stats.syncs).toBe(0);
    memory.close();
  });
});
