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

describe('README', () => {
  it('lists every limit in its configuration table, with the default the code uses', async () => {
    const text = await readFile(join(ROOT, 'README.md'), 'utf8');
    const limits = Object.keys(configSchema.shape).filter(
      (key) =>
        /LIMIT|_PER_|MAX_|TIMEOUT|RETENTION|IN_FLIGHT|REDACT/.test(key) && !/^(LLM_PRICE|QUEUE_MINUTES)/.test(key),
    );
    expect(limits.length).toBeGreaterThan(15);
    const defaults = configSchema.parse({}) as Record<string, unknown>;
    for (const key of limits) {
      const row = new RegExp(`^\\| \`${key}\` \\| ([^|]+) \\|`, 'm').exec(text);
      expect(row, `${key} is missing from README's limits table`).not.toBeNull();
      const shown = (row?.[1] ?? '').trim().split(' ')[0];
      expect(shown, `README's default for ${key}`).toBe(String(defaults[key]));
    }
  });
});
