import BetterSqlite3 from 'better-sqlite3';
import { statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.ts';
import { startServerProcess } from './support/server-process.ts';

const root = await mkdtemp(join(tmpdir(), 'firstline-backup-cli-'));
afterAll(async () => rm(root, { recursive: true, force: true }));

interface Acknowledged {
  readonly conversation: string;
  readonly messageId: string;
  readonly replyId: string | null;
}

const environment = (dataDir: string) => ({
  DATA_DIR: join(root, dataDir),
  KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
  INDEX_DIR: join(root, 'index'),
  RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000',
  RATE_LIMIT_ADDRESS_PER_MINUTE: '1000000',
});

describe('firstline backup and restore', () => {
  it('backs up while customers keep writing; the restored copy has everything acknowledged before', async () => {
    const live = environment('live');
    const server = await startServerProcess(live);
    const conversations: Array<{ id: string; token: string }> = [];
    const acknowledged: Acknowledged[] = [];
    let stopped = false;
    const lanes: Array<Promise<void>> = [];
    try {
      for (let index = 0; index < 4; index += 1) {
        const response = await fetch(`${server.url}/v1/conversations`, { method: 'POST' });
        conversations.push((await response.json()) as { id: string; token: string });
      }
      const questions = ['как оплатить картой', 'не работает интернет', 'how do I reset my password'];
      const customer = async (conversation: { id: string; token: string }, lane: number) => {
        for (let turn = 0; !stopped; turn += 1) {
          const response = await fetch(`${server.url}/v1/conversations/${conversation.id}/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${conversation.token}` },
            body: JSON.stringify({
              text: questions[(lane + turn) % questions.length],
              clientMessageId: `${lane}-${turn}`,
            }),
          });
          if (response.status !== 200) continue;
          const body = (await response.json()) as { message: { id: string }; reply: { id: string } | null };
          acknowledged.push({
            conversation: conversation.id,
            messageId: body.message.id,
            replyId: body.reply?.id ?? null,
          });
          // A customer's pace, not a flood: the host's cores are shared with the backup process under test.
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      };
      lanes.push(...conversations.map((conversation, lane) => customer(conversation, lane)));
      while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));

      const beforeBackup = [...acknowledged];
      const backupFile = join(root, 'firstline-backup.db');
      const backup = await runCli(['backup', '--out', backupFile], live);
      const duringBackup = acknowledged.length - beforeBackup.length;
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/^backed up .*firstline\.db to .*firstline-backup\.db \(\d+ pages\)\n$/);
      expect(duringBackup).toBeGreaterThan(0);
      expect(statSync(backupFile).mode & 0o777).toBe(0o600);
      stopped = true;
      await Promise.all(lanes);

      // While the service runs: restoring over its database is refused, and so are overwriting a backup without
      // --force and restoring a file that is not a database (run together: each CLI start is slow on a busy host).
      const notes = join(root, 'notes.txt');
      await writeFile(notes, 'this is a text file, not a database\n'.repeat(10));
      const stale = join(root, 'stale-backup.db');
      await writeFile(stale, 'an old backup');
      const [inUse, overwrite, forced, notDatabase] = await Promise.all([
        runCli(['restore', backupFile], live),
        runCli(['backup', '--out', backupFile], live),
        runCli(['backup', '--out', stale, '--force'], live),
        runCli(['restore', notes], environment('other')),
      ]);
      expect(inUse.code).toBe(1);
      expect(inUse.stderr).toMatch(
        /^firstline restore: .*firstline\.db is in use .*stop the service before restoring\n$/,
      );
      expect(overwrite.code).toBe(1);
      expect(overwrite.stderr).toBe(`firstline backup: ${backupFile} already exists; use --force to replace it\n`);
      expect(forced.stderr).toBe('');
      expect(forced.code).toBe(0);
      const replaced = new BetterSqlite3(stale, { readonly: true });
      expect(replaced.pragma('integrity_check', { simple: true })).toBe('ok');
      replaced.close();
      expect(notDatabase.code).toBe(1);
      expect(notDatabase.stderr).toBe(
        `firstline restore: ${notes} is not a Firstline database (file is not a database)\n`,
      );

      await server.stop();

      const restoredEnv = environment('restored');
      const restore = await runCli(['restore', backupFile], restoredEnv);
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      const restoredFile = join(restoredEnv.DATA_DIR, 'firstline.db');
      expect(statSync(restoredFile).mode & 0o777).toBe(0o600);
      const check = new BetterSqlite3(restoredFile, { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();

      const restored = await startServerProcess(restoredEnv);
      try {
        for (const conversation of conversations) {
          const response = await fetch(`${restored.url}/v1/conversations/${conversation.id}`, {
            headers: { authorization: `Bearer ${conversation.token}` },
          });
          expect(response.status).toBe(200);
          const stored = (await response.json()) as { messages: Array<{ id: string }> };
          const ids = new Set(stored.messages.map((message) => message.id));
          for (const entry of beforeBackup.filter((item) => item.conversation === conversation.id)) {
            expect(ids.has(entry.messageId), entry.messageId).toBe(true);
            if (entry.replyId !== null) expect(ids.has(entry.replyId), entry.replyId).toBe(true);
          }
        }
      } finally {
        await restored.stop();
      }
    } finally {
      stopped = true;
      await Promise.allSettled(lanes);
      await server.stop();
    }
  }, 90_000);
});
