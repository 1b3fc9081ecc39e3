// Applies numbered SQL migrations over the SQL connection port, recording each in `schema_migrations`.
// The texts come from the runtime (files on Node, bundled text on Workers). Runtime: any.
import type { SqlConnection } from '../../core/ports/sql-database.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** Databases from before the table kept their version in SQLite's `user_version`; 0 where it is unreadable. */
function legacyVersion(connection: SqlConnection): number {
  try {
    return connection.get<{ user_version: number }>('PRAGMA user_version')?.user_version ?? 0;
  } catch {
    return 0;
  }
}

/** The versions recorded as applied. */
export function appliedMigrations(connection: SqlConnection): number[] {
  connection.exec(TABLE);
  return connection
    .all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    .map((row) => row.version);
}

/**
 * Brings the database to the newest version, each migration in its own transaction with its record, so a
 * migration is applied entirely or not at all. References are checked before each commit: a migration that
 * breaks one is rolled back. Several processes may open a new database at once (commands started together): each
 * transaction writes its record first, which waits for the write lock and then sees what another process
 * committed, so a migration another process applied meanwhile is skipped. Returns the versions applied here.
 */
export function migrate(
  connection: SqlConnection,
  migrations: readonly Migration[],
  at = new Date().toISOString(),
): number[] {
  let applied = new Set(appliedMigrations(connection));
  if (applied.size === 0) {
    const legacy = legacyVersion(connection);
    connection.transaction(() => {
      for (const migration of migrations.filter((entry) => entry.version <= legacy)) {
        connection.run(
          'INSERT OR IGNORE INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
          migration.version,
          migration.name,
          'user_version',
        );
      }
    });
    applied = new Set(appliedMigrations(connection));
  }
  const pending = [...migrations]
    .sort((left, right) => left.version - right.version)
    .filter((migration) => !applied.has(migration.version));
  const done: number[] = [];
  for (const migration of pending) {
    connection.transaction(() => {
      const recorded = connection.run(
        'INSERT OR IGNORE INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        migration.version,
        migration.name,
        at,
      ).changes;
      if (recorded === 0) return;
      connection.exec(migration.sql);
      const broken = connection.all<{ table: string; parent: string }>('PRAGMA foreign_key_check');
      if (broken.length > 0) {
        throw new Error(
          `migration ${migration.name} leaves ${broken.length} broken reference(s), e.g. ${broken[0]?.table} → ${broken[0]?.parent}`,
        );
      }
      done.push(migration.version);
    });
  }
  return done;
}
