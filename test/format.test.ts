// The formatter's check as a test, so CI fails on unformatted code just as `npm run lint` does.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.ts';

/** Files git tracks that Prettier formats (its ignore file decides, as for `prettier --check .`). */
async function formattedFiles(): Promise<string[]> {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  const ignorePath = join(ROOT, '.prettierignore');
  const files: string[] = [];
  for (const file of tracked) {
    const info = await prettier.getFileInfo(join(ROOT, file), { ignorePath });
    if (!info.ignored && info.inferredParser !== null) files.push(file);
  }
  return files;
}

describe('formatting', () => {
  it('keeps every source file as Prettier writes it', async () => {
    const files = await formattedFiles();
    expect(files.length).toBeGreaterThan(300);
    const unformatted: string[] = [];
    for (const file of files) {
      const path = join(ROOT, file);
      const options = await prettier.resolveConfig(path);
      if (!(await prettier.check(await readFile(path, 'utf8'), { ...options, filepath: path }))) unformatted.push(file);
    }
    expect(unformatted).toEqual([]);
  });
});
