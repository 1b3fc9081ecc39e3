// Applies the numbered SQL migrations beside this file, tracked by SQLite's user_version. Runtime: Node.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';

const DIRECTORY = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export function loadMigrations(directory = DIRECTORY): Migration[] {
  return readdirSync(directory)
    .filter((name) => /^\d{3}-.+\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, sql: readFileSync(`${directory}${name}`, 'utf8') }));
}

/**
 * Brings the database to the newest version, each migration in its own transaction. Returns versions applied.
 * Foreign keys are switched off while migrations run, so a migration may rebuild a referenced table (SQLite's
 * documented procedure), and checked before each commit: a migration that breaks a reference is rolled back.
 */
export function migrate(database: Database, migrations: readonly Migration[] = loadMigrations()): number[] {
  const current = database.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return [];
  const enforced = database.pragma('foreign_keys', { simple: true }) === 1;
  if (enforced) database.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      database.transaction(() => {
        database.exec(migration.sql);
        const broken = database.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
        if (broken.length > 0) {
          throw new Error(`migration ${migration.name} leaves ${broken.length} broken reference(s), e.g. ${broken[0]?.table} → ${broken[0]?.parent}`);
        }
        database.pragma(`user_version = ${migration.version}`);
      })();
    }
  } finally {
    if (enforced) database.pragma('foreign_keys = ON');
  }
  return pending.map((migration) => migration.version);
}
