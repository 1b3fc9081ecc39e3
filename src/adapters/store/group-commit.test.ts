import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

describe('GroupCommit', () => {
  it('commits writes issued together in one transaction and isolates a failing one', async () => {
    const database = new BetterSqlite3(':memory:');
    database.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
    const commits = new GroupCommit(database);
    const insert = (name: string) => commits.run(() => database.prepare('INSERT INTO items (name) VALUES (?)').run(name).lastInsertRowid);
    const results = await Promise.allSettled([insert('a'), insert('b'), insert('a'), insert('c')]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(database.prepare('SELECT name FROM items ORDER BY id').all()).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    expect(commits.stats).toEqual({ commits: 1, operations: 4 });
    await insert('d');
    expect(commits.stats.commits).toBe(2);
    database.close();
  });
});
