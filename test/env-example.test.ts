import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/core/config/config.ts';
import { ROOT } from './run-cli.ts';

describe('.env.example', () => {
  it('lists every configuration key, and only those', async () => {
    const text = await readFile(join(ROOT, '.env.example'), 'utf8');
    const keys = [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
    expect([...keys].sort()).toEqual(Object.keys(configSchema.shape).sort());
  });
});
