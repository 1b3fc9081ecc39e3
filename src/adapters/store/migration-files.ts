// The numbered SQL migrations beside this adapter, read from disk. Runtime: Node.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Migration } from './migrate.ts';

const DIRECTORY = fileURLToPath(new URL('./migrations/', import.meta.url));

export function migrationFiles(directory = DIRECTORY): Migration[] {
  return readdirSync(directory)
    .filter((name) => /^\d{3}-.+\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, sql: readFileSync(`${directory}${name}`, 'utf8') }));
}
