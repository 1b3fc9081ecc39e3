// Knowledge generations published to R2 (KNOWLEDGE_SOURCE=r2), read by an isolate lazily and swapped whole: a request
// keeps the generation it began with, a new one serves once loaded, and a broken one never replaces a working one.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE } from '../../src/platform/workers/bundle-layout.ts';
import { knowledgeGenerations } from '../../src/platform/workers/knowledge-generations.ts';
import { layoutReader } from '../../src/platform/workers/reply-service.ts';
import { readBundled, type WorkersEnv } from '../../src/platform/workers/worker-env.ts';

const workers = env as unknown as WorkersEnv;

/** Copies the generation the build bundled into R2 under another name, as `firstline publish --workers` would. */
async function publish(generation: string, options: { without?: string } = {}): Promise<void> {
  const bucket = workers.FILES;
  if (bucket === undefined) throw new Error('the FILES bucket is not bound');
  const bundled = new TextDecoder().decode(await readBundled(workers.ASSETS, KNOWLEDGE.pointer)).trim();
  for (const name of KNOWLEDGE.files) {
    if (name === options.without) continue;
    const bytes = await readBundled(workers.ASSETS, KNOWLEDGE.file(bundled, name));
    if (bytes === undefined) throw new Error(`the build has no ${name}`);
    await bucket.put(KNOWLEDGE.file(generation, name), bytes);
  }
  await bucket.put(KNOWLEDGE.pointer, `${generation}\n`);
}

describe('knowledge generations from R2', () => {
  it('loads lazily, swaps atomically after the interval, and keeps serving when a new one is broken', async () => {
    let now = 0;
    const warnings: string[] = [];
    const generations = knowledgeGenerations({
      read: layoutReader({ ...workers, KNOWLEDGE_SOURCE: 'r2' }),
      build: (generation, decoded) => Promise.resolve(`${generation}:${decoded.snapshot.chunks.length}`),
      refreshMs: 30_000,
      clock: () => now,
      logger: { info: () => {}, warn: (_fields, message) => warnings.push(message), error: () => {} },
    });
    await expect(generations.current()).rejects.toThrow(/no knowledge generation is published/);

    await publish('gen-first');
    const first = await generations.current();
    expect(first).toMatch(/^gen-first:\d{3,}$/);

    await publish('gen-second');
    now += 10_000;
    expect(await generations.current()).toBe(first);
    now += 30_000;
    // The check runs beside this request, which keeps the generation it found; the next one gets the new one.
    expect(await generations.current()).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await generations.current()).toMatch(/^gen-second:/);

    await publish('gen-broken', { without: 'chunks.json' });
    now += 31_000;
    await generations.current();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await generations.current()).toMatch(/^gen-second:/);
    expect(warnings).toEqual(['a new knowledge generation could not be loaded; the previous one serves']);
  });

  it('refuses a source it does not know', () => {
    expect(() => layoutReader({ ...workers, KNOWLEDGE_SOURCE: 'disk' })).toThrow(/assets or r2/);
  });
});
