// Model completions cached as files in a directory, one per key. Runtime: Node.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelCallCache } from '../../core/ports/model-cache.ts';

export class FileModelCache implements ModelCallCache {
  constructor(private readonly directory: string) {}

  async get(key: string): Promise<string | undefined> {
    return readFile(join(this.directory, `${key}.txt`), 'utf8').catch(() => undefined);
  }

  async set(key: string, completion: string): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const path = join(this.directory, `${key}.txt`);
    const temporary = `${path}.tmp-${process.pid}`;
    await writeFile(temporary, completion);
    await rename(temporary, path);
  }
}
