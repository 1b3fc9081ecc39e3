import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

describe('GroupCommit', () => {
  it('commits writes issued together in one transaction and isolates a failing one', async () => {
    const database = new BetterSqlite3(':memory:');
    database.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
    const commits = new GroupCommit(database);
    const insert = (name: string) =>
      commits.run(() => database.prepare('INSERT INTO items (name) VALUES (?)').run(name).lastInsertRowid);
    const results = await Promise.allSettled([insert('a'), insert('b'), insert('a'), insert('c')]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(database.prepare('SELECT name FROM items ORDER BY id').all()).toEqual([
      { name: 'a' },
      { name: 'b' },
      { name: 'c' },
    ]);
    expect(commits.stats).toEqual({ commits: 1, operations: 4, syncs: 0, retries: 1 });
    await insert('d');
    expect(commits.stats.commits).toBe(2);
    database.close();
  });

  it('runs a batch without savepoints when nothing fails', async () => {
    const database = new BetterSqlite3(':memory:');
    database.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
    const commits = new GroupCommit(database);
    const values = await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        commits.run(() => database.prepare('INSERT INTO items (name) VALUES (?)').run(name).changes),
      ),
    );
    expect(values).toEqual([1, 1, 1]);
    expect(commits.stats).toMatchObject({ commits: 1, operations: 3, retries: 0 });
    database.close();
  });

  it('settles writes only after a flush that began after their commit, holding writes that arrive during a flush for one batch after it', async () => {
    const database = new BetterSqlite3(':memory:');
    database.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    const flushes: Array<() => void> = [];
    const commits = new GroupCommit(database, { sync: () => new Promise<void>((resolve) => flushes.push(resolve)) });
    const settled: string[] = [];
    const stored = () =>
      (database.prepare('SELECT name FROM items ORDER BY id').all() as Array<{ name: string }>).map((row) => row.name);
    const insert = (name: string) =>
      commits
        .run(() => database.prepare('INSERT INTO items (name) VALUES (?)').run(name))
        .then(() => settled.push(name));
    const first = insert('a');
    await new Promise((resolve) => setImmediate(resolve));
    expect(flushes).toHaveLength(1);
    expect(stored()).toEqual(['a']);
    // Two more writes, in different turns of the event loop, while the first flush is still running: they
    // wait, uncommitted, and then share one transaction and one new flush.
    const later = [insert('b')];
    await new Promise((resolve) => setImmediate(resolve));
    later.push(insert('c'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(commits.stats.commits).toBe(1);
    expect(stored()).toEqual(['a']);
    expect(settled).toEqual([]);
    flushes[0]?.();
    await first;
    expect(settled).toEqual(['a']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(commits.stats).toMatchObject({ commits: 2, operations: 3 });
    expect(stored()).toEqual(['a', 'b', 'c']);
    expect(flushes).toHaveLength(2);
    expect(settled).toEqual(['a']);
    flushes[1]?.();
    await Promise.all(later);
    expect(settled).toEqual(['a', 'b', 'c']);
    expect(commits.stats.syncs).toBe(2);
    database.close();
  });

  it('rejects the writes whose flush failed', async () => {
    const database = new BetterSqlite3(':memory:');
    database.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    const commits = new GroupCommit(database, { sync: () => Promise.reject(new Error('EIO: disk failure')) });
    await expect(commits.run(() => database.prepare('INSERT INTO items (name) VALUES (?)').run('a'))).rejects.toThrow(
      'EIO',
    );
    database.close();
  });

  it('fails the writes of a flush that throws at once, and goes on committing later writes', async () => {
    const database = new BetterSqlite3(':memory:');
    database.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    let flushes = 0;
    const commits = new GroupCommit(database, {
      sync: () => {
        flushes += 1;
        if (flushes === 1) throw new Error('EBADF: bad file descriptor');
        return Promise.resolve();
      },
    });
    const insert = (name: string) =>
      commits.run(() => database.prepare('INSERT INTO items (name) VALUES (?)').run(name).changes);
    await expect(insert('a')).rejects.toThrow('EBADF');
    await expect(insert('b')).resolves.toBe(1);
    expect(flushes).toBe(2);
    database.close();
  });
});
