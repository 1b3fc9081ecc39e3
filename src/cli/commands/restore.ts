// `firstline restore FILE`: replaces DATA_DIR/firstline.db with a backup, atomically, once the file is checked
// and no one (the service included) has the database open; pending migrations run afterwards. Runtime: Node.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreDatabase } from '../../adapters/store/sqlite-backup.ts';
import { parseConfig } from '../../core/config/config.ts';
import { UsageError } from '../usage-error.ts';

export async function restoreCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...rest] = positionals;
  if (file === undefined || rest.length > 0)
    throw new UsageError('restore takes one FILE, e.g. firstline restore firstline-backup.db');
  const config = parseConfig({ ...env, DATA_DIR: values['data-dir'] ?? env.DATA_DIR });
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const target = join(config.DATA_DIR, 'firstline.db');
  const { migrated } = restoreDatabase(file, target, { synchronous: config.SQLITE_SYNCHRONOUS });
  process.stdout.write(
    `restored ${file} into ${target}${migrated.length > 0 ? ` (applied migrations ${migrated.join(', ')})` : ''}\n`,
  );
  return Promise.resolve(0);
}
