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

/** Brings the database to the newest version, each migration in its own transaction. Returns versions applied. */
export function migrate(database: Database, migrations: readonly Migration[] = loadMigrations()): number[] {
  const current = database.pragma('user_version', { simple: true }) as number;
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    database.transaction(() => {
      database.exec(migration.sql);
      database.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
