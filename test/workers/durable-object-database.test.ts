// The SQL connection port on a Durable Object's SQLite storage, in workerd: rows, changes, transactions that roll
// back, and the project's migrations.
import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  DurableObjectDatabase,
  type DurableObjectSqlStorage,
} from '../../src/adapters/store/durable-object-database.ts';
import { MIGRATIONS } from './migrations.ts';

/** Runs `work` inside a new Durable Object, with its storage: I/O objects belong to the object they were made in. */
async function inObject<T>(work: (storage: DurableObjectSqlStorage) => T | Promise<T>): Promise<T> {
  const namespace = env.STORE;
  return runInDurableObject(namespace.get(namespace.newUniqueId()), (_instance, state) =>
    work(state.storage as unknown as DurableObjectSqlStorage),
  );
}

describe('DurableObjectDatabase', () => {
  it('counts the rows a statement changed, not the index entries it wrote', () =>
    inObject((storage) => {
      const { connection } = DurableObjectDatabase.open(storage, []);
      connection.exec('CREATE TABLE t (id TEXT PRIMARY KEY, v INTEGER); CREATE INDEX t_v ON t (v)');
      expect(connection.run('INSERT INTO t (id, v) VALUES (?, ?)', 'a', 1).changes).toBe(1);
      expect(connection.run('INSERT INTO t (id, v) VALUES (?, ?)', 'b', 2).changes).toBe(1);
      expect(connection.run('UPDATE t SET v = v + 10 WHERE id = ?', 'a').changes).toBe(1);
      expect(connection.run('UPDATE t SET v = 0 WHERE id = ?', 'missing').changes).toBe(0);
      expect(connection.run('DELETE FROM t').changes).toBe(2);
    }));

  it('rolls a transaction back when its work throws', () =>
    inObject(async (storage) => {
      const database = DurableObjectDatabase.open(storage, []);
      database.connection.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
      await expect(
        database.write(() => {
          database.connection.run('INSERT INTO t (id) VALUES (?)', 'a');
          throw new Error('no');
        }),
      ).rejects.toThrow('no');
      expect(database.connection.all('SELECT id FROM t')).toEqual([]);
    }));

  it('applies every migration of the project', () =>
    inObject((storage) => {
      const database = DurableObjectDatabase.open(storage, MIGRATIONS);
      const versions = database.connection.all<{ version: number }>('SELECT version FROM schema_migrations');
      expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    }));
});
