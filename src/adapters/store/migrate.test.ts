import BetterSqlite3 from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appliedMigrations, migrate as migrateConnection } from './migrate.ts';
import { migrationFiles as loadMigrations } from './migration-files.ts';
import { BetterSqliteConnection } from './sqlite-database.ts';

/** Migrations as the store runs them: foreign keys off meanwhile, checked before each commit. */
function migrate(database: BetterSqlite3.Database, migrations = loadMigrations()): number[] {
  database.pragma('foreign_keys = OFF');
  try {
    return migrateConnection(new BetterSqliteConnection(database), migrations);
  } finally {
    database.pragma('foreign_keys = ON');
  }
}

function databaseAt(version: number) {
  const database = new BetterSqlite3(':memory:');
  database.pragma('foreign_keys = ON');
  migrate(
    database,
    loadMigrations().filter((migration) => migration.version <= version),
  );
  return database;
}

const insertMessage = (
  database: BetterSqlite3.Database,
  id: string,
  seq: number,
  clientMessageId: string | null,
  replyTo: string | null = null,
) =>
  database
    .prepare(
      "INSERT INTO messages (id, conversation_id, seq, role, text, at, client_message_id, reply_to) VALUES (?, 'c1', ?, ?, 'text', 'now', ?, ?)",
    )
    .run(id, seq, replyTo === null ? 'customer' : 'bot', clientMessageId, replyTo);

describe('migrate', () => {
  it('rebuilds the messages table keeping every row, reference and rule, and indexes only messages with a client id', () => {
    const database = databaseAt(2);
    database
      .prepare(
        "INSERT INTO conversations (id, token_hash, channel, status, created_at, updated_at) VALUES ('c1', 'h', 'api', 'bot', 'now', 'now')",
      )
      .run();
    insertMessage(database, 'm1', 1, 'client-1');
    insertMessage(database, 'm2', 2, null, 'm1');
    insertMessage(database, 'm3', 3, null);

    expect(migrate(database)).toEqual(
      loadMigrations()
        .filter((migration) => migration.version > 2)
        .map((migration) => migration.version),
    );
    expect(database.prepare('SELECT id, client_message_id, reply_to FROM messages ORDER BY seq').all()).toEqual([
      { id: 'm1', client_message_id: 'client-1', reply_to: null },
      { id: 'm2', client_message_id: null, reply_to: 'm1' },
      { id: 'm3', client_message_id: null, reply_to: null },
    ]);
    expect(database.pragma('foreign_keys', { simple: true })).toBe(1);
    // The rules still hold: one client id per conversation, a unique place in it, replies to existing messages.
    expect(() => insertMessage(database, 'm4', 4, 'client-1')).toThrow(/UNIQUE/);
    expect(() => insertMessage(database, 'm4', 3, null)).toThrow(/UNIQUE/);
    expect(() => insertMessage(database, 'm4', 4, null, 'missing')).toThrow(/FOREIGN KEY/);
    insertMessage(database, 'm4', 4, null);
    const plan = database
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM messages WHERE conversation_id = 'c1' AND client_message_id = 'client-1'",
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/messages_client_message/);
    const indexed = database
      .prepare(
        "SELECT count(*) AS rows FROM messages INDEXED BY messages_client_message WHERE conversation_id = 'c1' AND client_message_id IS NOT NULL",
      )
      .get() as { rows: number };
    expect(indexed.rows).toBe(1);
  });

  it('leaves the event log with the indexes its queries use, and those queries use them', () => {
    const database = databaseAt(Number.MAX_SAFE_INTEGER);
    const indexes = (
      database
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL")
        .all() as Array<{ name: string }>
    ).map((row) => row.name);
    expect(indexes).toEqual(['events_conversation']);
    const plan = (sql: string) =>
      (database.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1, 'c1', 10) as Array<{ detail: string }>)
        .map((step) => step.detail)
        .join(' ');
    expect(plan('SELECT * FROM events WHERE seq > ? AND conversation_id = ? ORDER BY seq LIMIT ?')).toMatch(
      /events_conversation|INTEGER PRIMARY KEY/,
    );
  });

  it('rolls back a migration that leaves a broken reference and keeps foreign keys on', () => {
    const database = databaseAt(Number.MAX_SAFE_INTEGER);
    const versions = appliedMigrations(new BetterSqliteConnection(database));
    database
      .prepare(
        "INSERT INTO conversations (id, token_hash, channel, status, created_at, updated_at) VALUES ('c1', 'h', 'api', 'bot', 'now', 'now')",
      )
      .run();
    insertMessage(database, 'm1', 1, null);
    const breaking = { version: 99, name: '099-breaking.sql', sql: "UPDATE messages SET conversation_id = 'nowhere';" };
    expect(() => migrate(database, [breaking])).toThrow(/099-breaking\.sql leaves 1 broken reference/);
    expect(appliedMigrations(new BetterSqliteConnection(database))).toEqual(versions);
    expect(database.prepare('SELECT conversation_id FROM messages').get()).toEqual({ conversation_id: 'c1' });
    expect(database.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('records each migration in schema_migrations and applies nothing twice', () => {
    const database = databaseAt(Number.MAX_SAFE_INTEGER);
    const all = loadMigrations().map((migration) => migration.version);
    expect(appliedMigrations(new BetterSqliteConnection(database))).toEqual(all);
    expect(migrate(database)).toEqual([]);
  });

  it('adopts a database versioned by user_version without running its migrations again', () => {
    const database = databaseAt(2);
    // The record of a database from before the table: only SQLite's user_version said how far it was.
    database.exec('DROP TABLE schema_migrations');
    database.pragma('user_version = 2');
    expect(migrate(database)).toEqual(
      loadMigrations()
        .filter((migration) => migration.version > 2)
        .map((migration) => migration.version),
    );
    const rows = database
      .prepare('SELECT version, applied_at FROM schema_migrations WHERE version <= 2 ORDER BY version')
      .all();
    expect(rows).toEqual([
      { version: 1, applied_at: 'user_version' },
      { version: 2, applied_at: 'user_version' },
    ]);
  });

  it('skips what another process applied after this one looked (two commands opening a new database at once)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'firstline-migrate-'));
    const file = join(directory, 'firstline.db');
    const first = new BetterSqlite3(file);
    const second = new BetterSqlite3(file);
    try {
      for (const database of [first, second]) database.pragma('journal_mode = WAL');
      // The second finds nothing applied and lists every migration as pending; the first applies them all just
      // before the second's first migration (its second transaction, after adopting legacy versions) begins.
      const late = new BetterSqliteConnection(second);
      let transactions = 0;
      const connection = Object.assign(Object.create(late) as BetterSqliteConnection, {
        transaction<T>(work: () => T): T {
          transactions += 1;
          if (transactions === 2) migrate(first);
          return late.transaction(work);
        },
      });
      expect(migrateConnection(connection, loadMigrations())).toEqual([]);
      expect(appliedMigrations(new BetterSqliteConnection(second))).toEqual(
        loadMigrations().map((migration) => migration.version),
      );
    } finally {
      first.close();
      second.close();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
