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
    await writeFile(
      input,
      [
        '{"id":"1","text":"ВЫ ИДИОТЫ!!! верните деньги","channel":"mail"}',
        '{"id":2,"text":"let me talk to an agent"}',
        '',
        '{"id":"3","text":"как оплатить картой?"}',
      ].join('\n'),
    );
    const result = await runCli(['score', '--in', input, '--out', output]);
    expect(result.code).toBe(0);
    const lines = (await readFile(output, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    // The insult is far below neutral; a plain request and a plain question stay near it.
    expect(
      lines.map((line) => {
        const { score } = line.politeness as { score: number };
        return score < 0.3 ? 'rude' : score > 0.4 ? 'neutral or polite' : 'curt';
      }),
    ).toEqual(['rude', 'neutral or polite', 'neutral or polite']);
    expect(lines.map(({ politeness: _politeness, ...rest }) => rest)).toEqual([
      {
        id: '1',
        text: 'ВЫ ИДИОТЫ!!! верните деньги',
        channel: 'mail',
        emotion: { label: 'anger', intensity: expect.any(Number) },
        handoff: { reasons: ['emotion'] },
      },
      {
        id: 2,
        text: 'let me talk to an agent',
        emotion: { label: 'neutral', intensity: 0 },
        handoff: { reasons: ['human_request'] },
      },
      { id: '3', text: 'как оплатить картой?', emotion: { label: 'neutral', intensity: 0 }, handoff: { reasons: [] } },
    ]);
  });

  it('grades replies against the house style with --as reply', async () => {
    const input = join(directory, 'replies.jsonl');
    const output = join(directory, 'replies-out.jsonl');
    await writeFile(
      input,
      '{"id":"good","text":"Здравствуйте! Понимаю Ваш вопрос.\\n\\n1. Откройте приложение.\\n2. Нажмите «Войти».\\n\\nСпасибо за обращение, был рад помочь!"}\n{"id":"bad","text":"Поищите сами, ты же умеешь."}\n',
    );
    expect((await runCli(['score', '--in', input, '--out', output, '--as', 'reply'])).code).toBe(0);
    const [good, bad] = (await readFile(output, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { politeness: { score: number; criteria: Record<string, number> } });
    expect(good?.politeness.score).toBe(1);
    expect(bad?.politeness).toMatchObject({ score: 0, criteria: { formalYou: 0, respect: 0 } });
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

describe('firstline calibrate', () => {
  it('chooses a threshold on two thirds of the cases, reports it on the rest and writes it, keeping other keys', async () => {
    const config = join(directory, 'calibrated.env');
    await writeFile(config, 'PORT=4000\nHANDOFF_THRESHOLD=0.1\n');
    const result = await runCli(['calibrate', '--target', '0.8', '--config', config], {
      INDEX_DIR: join(directory, 'calibrate-index'),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/risk–coverage on the \d+ fitting cases/);
    expect(result.stdout).toMatch(/^ {2}0\.50 +[\d.]+ % +[\d.]+ %$/m);
    expect(result.stdout).toMatch(
      /chosen HANDOFF_THRESHOLD=0\.\d\d: on the fitting cases the bot answers [\d.]+ % with accuracy (8\d|9\d|100)\.\d %/,
    );
    expect(result.stdout).toMatch(/on the \d+ cases kept apart it answers [\d.]+ % with accuracy [\d.]+ %/);
    const written = await readFile(config, 'utf8');
    expect(written).toMatch(/^PORT=4000\nHANDOFF_THRESHOLD=0\.\d\d\n$/);
    expect(written).not.toContain('HANDOFF_THRESHOLD=0.1\n');
    // Runs every shipped suite through the pipeline twice (fit and held out): on a loaded machine, more than 30 s.
  }, 120_000);

  it('refuses to write a handoff threshold above the answer threshold', async () => {
    const config = join(directory, 'strict.env');
    await writeFile(config, 'PORT=4000\n');
    const result = await runCli(['calibrate', '--target', '0.99', '--config', config], {
      INDEX_DIR: join(directory, 'calibrate-index'),
      ANSWER_THRESHOLD: '0.5',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/would exceed ANSWER_THRESHOLD=0\.5/);
    expect(await readFile(config, 'utf8')).toBe('PORT=4000\n');
  });
});
