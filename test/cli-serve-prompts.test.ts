// A broken prompt file stops `firstline serve` at start with file:line, instead of failing a customer's message.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.ts';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'firstline-prompts-'));
  await cp(join(ROOT, 'prompts'), join(directory, 'prompts'), { recursive: true });
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('firstline serve', () => {
  it('refuses to start with a broken prompt and names the file and line', async () => {
    const path = join(directory, 'prompts', 'answer-user.md');
    const original = await readFile(path, 'utf8');
    await writeFile(path, original.replace('{question}', '{questoin}'));
    const line = original.split('\n').findIndex((text) => text.includes('{question}')) + 1;
    const result = await runCli(['serve'], {
      PROMPTS_DIR: join(directory, 'prompts'),
      DATA_DIR: join(directory, 'data'),
      PORT: '0',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path}:${line}: unknown variable {questoin}`);
    expect(result.stderr).toContain('the template never uses {question}, which this prompt needs');
  });
});
