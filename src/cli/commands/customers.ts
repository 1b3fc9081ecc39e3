// `firstline customers export <id|email> [--out FILE]` writes everything held about a customer as one JSON document;
// `firstline customers erase <id|email> --yes` erases their texts and profile (GDPR, 152-FZ);
// `firstline customers expire [--days N]` applies the retention period now (RETENTION_DAYS by default). Runtime: Node.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteStore } from '../../adapters/store/sqlite-store.ts';
import { parseConfig } from '../../core/config/config.ts';
import { AppError } from '../../core/errors.ts';
import { CustomerDataService } from '../../core/use-cases/customer-data.ts';
import { applyRetention } from '../../core/use-cases/retention.ts';
import { attachmentStoreOf } from '../../adapters/fs/file-attachment-store.ts';
import { UsageError } from '../usage-error.ts';

const USAGE =
  'use "customers export <id|email> [--out FILE]", "customers erase <id|email> --yes" or "customers expire [--days N]"';

export async function customersCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      yes: { type: 'boolean', default: false },
      days: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [action, key, ...rest] = positionals;
  if (action === 'expire' && key === undefined) return expire(values.days, values['data-dir'], env);
  if ((action !== 'export' && action !== 'erase') || key === undefined || key.trim() === '' || rest.length > 0)
    throw new UsageError(USAGE);
  const config = parseConfig({ ...env, DATA_DIR: values['data-dir'] ?? env.DATA_DIR });
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const store = SqliteStore.open(join(config.DATA_DIR, 'firstline.db'), { synchronous: config.SQLITE_SYNCHRONOUS });
  const customers = new CustomerDataService({
    tickets: store.tickets,
    attachments: attachmentStoreOf(config.DATA_DIR, store),
    now: () => new Date(),
  });
  try {
    if (action === 'export') {
      const text = `${JSON.stringify(await customers.export(key.trim()), null, 2)}\n`;
      // Personal data: readable by the owner only.
      if (values.out === undefined) process.stdout.write(text);
      else writeFileSync(values.out, text, { mode: 0o600 });
      return 0;
    }
    if (!values.yes) {
      const found = await customers.export(key.trim());
      const messages = found.conversations.reduce((sum, conversation) => sum + conversation.messages.length, 0);
      process.stderr.write(
        `firstline customers: this erases ${found.conversations.length} conversation(s) and ${messages} message(s) ` +
          `of "${key.trim()}" for good; run again with --yes\n`,
      );
      return 2;
    }
    const counts = await customers.erase(key.trim(), 'cli');
    process.stdout.write(
      `erased ${counts.conversations} conversation(s), ${counts.messages} message(s), ${counts.tickets} ticket(s)\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found:customer') {
      process.stderr.write(`firstline customers: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

/** Erases the conversations past the retention period now, as the server's hourly sweep would. */
async function expire(
  daysOption: string | undefined,
  dataDir: string | undefined,
  env: Record<string, string | undefined>,
): Promise<number> {
  const config = parseConfig({
    ...env,
    DATA_DIR: dataDir ?? env.DATA_DIR,
    RETENTION_DAYS: daysOption ?? env.RETENTION_DAYS,
  });
  if (config.RETENTION_DAYS === 0) throw new UsageError('give --days N (N ≥ 1) or set RETENTION_DAYS');
  const store = SqliteStore.open(join(config.DATA_DIR, 'firstline.db'), { synchronous: config.SQLITE_SYNCHRONOUS });
  try {
    const counts = await applyRetention({
      tickets: store.tickets,
      attachments: attachmentStoreOf(config.DATA_DIR, store),
      days: config.RETENTION_DAYS,
      now: () => new Date(),
    });
    process.stdout.write(
      `erased ${counts.conversations} conversation(s) untouched for ${config.RETENTION_DAYS} day(s), ` +
        `${counts.messages} message(s), ${counts.tickets} ticket(s)\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
