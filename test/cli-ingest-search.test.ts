import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.ts';

let root: string;
let env: Record<string, string>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'firstline-cli-'));
  await cp(join(ROOT, 'knowledge'), join(root, 'knowledge'), { recursive: true });
  env = { KNOWLEDGE_DIR: join(root, 'knowledge'), INDEX_DIR: join(root, 'index') };
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe('firstline ingest and search', () => {
  it('builds the index of the sample knowledge base, then re-ingests embedding nothing', async () => {
    const first = await runCli(['ingest'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/ingested \d{2,} articles .* 0 reused/);
    const second = await runCli(['ingest'], env);
    expect(second.stdout).toMatch(/\(0 new or changed, 0 removed\) into \d+ chunks: 0 embedded/);
  });

  it('finds the confirmation-code article first for the Russian customer wording', async () => {
    const result = await runCli(['search', 'не приходит код подтверждения', '--json'], env);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as {
      lang: string;
      articles: Array<{ articleId: string; scores: Record<string, number> }>;
    };
    expect(output.lang).toBe('ru');
    expect(output.articles[0]?.articleId).toBe('login-code-not-received-ru');
    expect(output.articles).toHaveLength(5);
    expect(Object.keys(output.articles[0]?.scores ?? {}).sort()).toEqual([
      'dense',
      'denseRank',
      'fused',
      'lexical',
      'lexicalRank',
    ]);
  });

  it('prints a readable table with --k and honours --knowledge', async () => {
    const result = await runCli([
      'search',
      'wifi password',
      '--k',
      '2',
      '--knowledge',
      join(root, 'knowledge'),
      '--index',
      join(root, 'index'),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1\. wifi-setup-en /);
    expect(result.stdout).toMatch(/\n2\. /);
    expect(result.stdout).not.toMatch(/\n3\. /);
  });

  it('exits non-zero naming the bad file and keeps the previous index serving', async () => {
    const bad = join(root, 'knowledge', 'broken.md');
    await writeFile(bad, '---\nid: Broken Id\ntitle: x\nlang: en\n---\nbody\n');
    const result = await runCli(['ingest'], env);
    await rm(bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('broken.md:2: front matter field "id"');
    const search = await runCli(['search', 'не приходит код подтверждения', '--json'], env);
    expect(JSON.parse(search.stdout).articles[0].articleId).toBe('login-code-not-received-ru');
  });

  it('explains a wrong flag with the usage and exit code 2', async () => {
    const result = await runCli(['search', 'x', '--k', 'many'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--k must be a whole number');
    expect((await runCli(['frobnicate'])).stderr).toContain('unknown command "frobnicate"');
  });
});
