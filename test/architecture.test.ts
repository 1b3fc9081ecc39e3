import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.ts';

const FORBIDDEN = [/^node:/, /^hnswlib-node$/, /^better-sqlite3$/, /^tiktoken/, /^pino$/, /^@hono\/node-server$/, /^cloudflare:/, /\/adapters\//, /\/runtime\//, /\/cli\//];
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')).map((entry) => join(entry.parentPath, entry.name));
}

describe('architecture', () => {
  it('keeps src/core free of runtime-specific modules and globals', async () => {
    const violations: string[] = [];
    for (const file of await sourceFiles(join(ROOT, 'src', 'core'))) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? '';
        if (FORBIDDEN.some((pattern) => pattern.test(specifier))) violations.push(`${relative(ROOT, file)} imports ${specifier}`);
      }
      if (/\bprocess\.|\bBuffer\./.test(text)) violations.push(`${relative(ROOT, file)} uses process or Buffer`);
    }
    expect(violations).toEqual([]);
  });

  it('finds imports at all (the check above is not vacuous)', async () => {
    const files = await sourceFiles(join(ROOT, 'src', 'core'));
    const text = await readFile(files.find((file) => file.endsWith('hybrid-retriever.ts')) ?? '', 'utf8');
    expect([...text.matchAll(IMPORT)].length).toBeGreaterThan(3);
  });
});
