// `firstline publish --workers`: the knowledge generation laid out for the Worker, to a folder and to a local R2 bucket
// through the project's wrangler (the files first, the pointer last), with usage errors for incomplete calls.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGeneration } from '../src/core/retrieval/index-codec.ts';
import { publishCommand } from '../src/cli/commands/publish.ts';
import { UsageError } from '../src/cli/usage-error.ts';
import { KNOWLEDGE } from '../src/platform/workers/bundle-layout.ts';
import { ROOT, runCli } from './run-cli.ts';

let root: string;
let env: Record<string, string>;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'firstline-publish-'));
  env = { INDEX_DIR: join(root, 'index') };
});
afterAll(async () => rm(root, { recursive: true, force: true }));

/** Reads one object of the local bucket back through wrangler, as `wrangler dev` would see it. */
function readObject(key: string, persistTo: string): Promise<string> {
  const bin = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [bin, 'r2', 'object', 'get', `firstline-files/${key}`, '--pipe', '--local', '--persist-to', persistTo],
      { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrangler exited ${code}`))));
  });
}

describe('firstline publish --workers', () => {
  it('writes a whole generation and then the pointer naming it, every file decodable', async () => {
    const out = join(root, 'out');
    expect(await publishCommand(['--workers', '--out', out], env)).toBe(0);
    const generation = (await readFile(join(out, KNOWLEDGE.pointer), 'utf8')).trim();
    expect(generation).toMatch(/^gen-/);
    const file = (name: string) => readFile(join(out, KNOWLEDGE.file(generation, name)));
    const decoded = decodeGeneration({
      manifest: (await file('manifest.json')).toString('utf8'),
      chunks: (await file('chunks.json')).toString('utf8'),
      vectors: new Uint8Array(await file('vectors.bin')),
      lexical: new Uint8Array(await file('lexical.bin')),
    });
    expect(decoded?.snapshot.chunks.length).toBeGreaterThan(100);
    // The vectors travel as int8 with a scale each: about a quarter of the float32 bytes.
    expect((await file('vectors.bin')).byteLength).toBeLessThan((decoded?.snapshot.vectors.byteLength ?? 0) / 3);
    // Every indexed article can be opened from its citation link on the Worker.
    const articles = JSON.parse((await file('articles.json')).toString('utf8')) as Record<string, { title: string }>;
    expect(Object.keys(articles).sort()).toEqual(
      decoded?.snapshot.manifest.articles.map((article) => article.id).sort(),
    );
  });

  it('uploads it to a local R2 bucket, the pointer last', async () => {
    const persistTo = join(root, 'wrangler-state');
    const result = await runCli(
      ['publish', '--workers', '--bucket', 'firstline-files', '--local', '--persist-to', persistTo],
      env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const generation = /^(gen-[\w-]+):/.exec(result.stdout)?.[1] ?? '';
    expect(result.stdout).toContain(`published ${generation} to the local R2 bucket firstline-files`);
    expect((await readObject(KNOWLEDGE.pointer, persistTo)).trim()).toBe(generation);
  }, 60_000);

  it('says what is missing from an incomplete call', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /--workers/],
      [['--workers'], /--out DIR .* or --bucket NAME/],
      [['--workers', '--bucket', 'b'], /--local .* or --remote/],
      [['--workers', '--bucket', 'b', '--local', '--remote'], /not both/],
    ];
    for (const [args, message] of cases) {
      const call = publishCommand(args, env);
      await expect(call, args.join(' ')).rejects.toThrow(UsageError);
      await expect(call, args.join(' ')).rejects.toThrow(message);
    }
  });
});
