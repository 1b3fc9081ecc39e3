// `firstline customers export|erase` against a database file seeded through the store.
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/adapters/store/sqlite-store.ts';
import { runCli } from './run-cli.ts';

const directories: string[] = [];
afterAll(async () => Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true }))));

const TEXT = 'Я Вера Иванова, мой счёт 99-123 заблокирован';

async function seeded(): Promise<{ env: Record<string, string>; directory: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'firstline-customers-'));
  directories.push(directory);
  const data = join(directory, 'data');
  mkdirSync(data);
  const store = SqliteStore.open(join(data, 'firstline.db'), { synchronous: 'normal' });
  const at = new Date().toISOString();
  await store.createConversation({
    id: 'c-vera',
    tokenHash: 'hash-vera',
    lang: 'ru',
    customer: { id: 'crm-9', name: 'Вера Иванова', email: 'vera@example.com' },
    channel: 'web',
    at,
  });
  await store.addCustomerMessage({ id: 'm1', conversationId: 'c-vera', text: TEXT, at });
  await store.close();
  return { env: { DATA_DIR: data }, directory };
}

describe('firstline customers', () => {
  it('exports to stdout or a file, erases only with --yes, then finds nothing', async () => {
    const { env, directory } = await seeded();
    const exported = await runCli(['customers', 'export', 'vera@example.com'], env);
    expect(exported.code).toBe(0);
    const document = JSON.parse(exported.stdout) as { conversations: Array<{ messages: Array<{ text: string }> }> };
    expect(document.conversations[0]?.messages[0]?.text).toBe(TEXT);

    const file = join(directory, 'vera.json');
    expect((await runCli(['customers', 'export', 'crm-9', '--out', file], env)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(TEXT);

    const unconfirmed = await runCli(['customers', 'erase', 'crm-9'], env);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/--yes/);
    expect((await runCli(['customers', 'export', 'crm-9'], env)).stdout).toContain(TEXT);

    const erased = await runCli(['customers', 'erase', 'crm-9', '--yes'], env);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toMatch(/erased 1 conversation\(s\), 1 message\(s\), 0 ticket\(s\)/);
    const gone = await runCli(['customers', 'export', 'vera@example.com'], env);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/no conversation has a customer/);
    expect((await runCli(['customers', 'purge', 'x'], env)).code).toBe(2);
  });
});
