// `firstline backup --out FILE [--force]`: a consistent copy of DATA_DIR/firstline.db, safe while the service
// is running (SQLite's online backup). Runtime: Node.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase } from '../../adapters/store/sqlite-backup.ts';
import { parseConfig } from '../../core/config/config.ts';
import { UsageError } from '../usage-error.ts';

export async function backupCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  if (values.out === undefined || values.out === '')
    throw new UsageError('backup needs --out FILE, e.g. firstline backup --out firstline-backup.db');
  const config = parseConfig({ ...env, DATA_DIR: values['data-dir'] ?? env.DATA_DIR });
  const source = join(config.DATA_DIR, 'firstline.db');
  const out = resolve(values.out);
  const { pages } = await backupDatabase(source, out, { force: values.force });
  process.stdout.write(`backed up ${source} to ${out} (${pages} pages)\n`);
  return 0;
}
