import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const directory = await mkdtemp(join(tmpdir(), 'firstline-score-'));
afterAll(async () => rm(directory, { recursive: true, force: true }));

describe('firstline score', () => {
  it('adds emotion and handoff reasons to every line, keeping the other fields', async () => {
    const input = join(directory, 'in.jsonl');
    const output = join(directory, 'out.jsonl');
    await writeFile(input, ['{"id":"1","text":"ВЫ ИДИОТЫ!!! верните деньги","channel":"mail"}', '{"id":2,"text":"let me talk to an agent"}', '', '{"id":"3","text":"как оплатить картой?"}'].join('\n'));
    const result = await runCli(['score', '--in', input, '--out', output]);
    expect(result.code).toBe(0);
    const lines = (await readFile(output, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      { id: '1', text: 'ВЫ ИДИОТЫ!!! верните деньги', channel: 'mail', emotion: { label: 'anger', intensity: expect.any(Number) }, handoff: { reasons: ['emotion'] } },
      { id: 2, text: 'let me talk to an agent', emotion: { label: 'neutral', intensity: 0 }, handoff: { reasons: ['human_request'] } },
      { id: '3', text: 'как оплатить картой?', emotion: { label: 'neutral', intensity: 0 }, handoff: { reasons: [] } },
    ]);
  });

  it('names bad lines and writes nothing', async () => {
    const input = join(directory, 'bad.jsonl');
    await writeFile(input, '{"id":1,"text":"ok"}\nnot json\n{"id":2}\n');
    const result = await runCli(['score', '--in', input, '--out', join(directory, 'never.jsonl')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad.jsonl:2: not valid JSON');
    expect(result.stderr).toContain('bad.jsonl:3: text');
  });
});

describe('firstline agents', () => {
  it('creates an agent, prints the token once and never lists it', async () => {
    const env = { DATA_DIR: join(directory, 'data') };
    const created = await runCli(['agents', 'add', 'Мария', 'Петрова', '--role', 'lead'], env);
    expect(created.code).toBe(0);
    const token = /token: (\S+)/.exec(created.stdout)?.[1] ?? '';
    expect(token.length).toBeGreaterThanOrEqual(40);
    const listed = await runCli(['agents', 'list'], env);
    expect(listed.stdout).toMatch(/lead\s+Мария Петрова/);
    expect(listed.stdout).not.toContain(token);
    expect((await runCli(['agents', 'add', 'X', '--role', 'boss'], env)).code).toBe(2);
  });
});
