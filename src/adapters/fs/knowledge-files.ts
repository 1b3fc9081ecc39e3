// Reads every article file (*.md except README.md) under a knowledge directory, and its thesaurus.yaml. Runtime: Node.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from '../../core/ingest/ingest.ts';
import { KnowledgeError } from '../../core/knowledge/knowledge-error.ts';
import { THESAURUS_FILE } from '../../core/knowledge/parse-thesaurus.ts';

/** Lists and reads articles; paths are relative with forward slashes, sorted for determinism. */
export async function readKnowledgeFiles(directory: string): Promise<SourceFile[]> {
  const info = await stat(directory).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) {
    throw new KnowledgeError([
      { file: directory, message: 'knowledge directory does not exist or is not a directory' },
    ]);
  }
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter(
      (entry) =>
        entry.isFile() &&
        ((entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') ||
          relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/') === THESAURUS_FILE),
    )
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return Promise.all(
    paths.map(async (path) => ({
      path: relative(directory, path).split(sep).join('/'),
      bytes: new Uint8Array(await readFile(path)),
    })),
  );
}
