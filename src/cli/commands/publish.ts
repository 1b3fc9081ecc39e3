// `firstline publish --workers`: ingests as `firstline ingest` does, lays the knowledge generation out for the Worker
// and, with --bucket, uploads it to R2 through wrangler: the generation's files first, the pointer
// `knowledge/CURRENT` last, so Worker isolates (KNOWLEDGE_SOURCE=r2) swap to it whole on their next check. Runtime: Node.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { parseConfig } from '../../core/config/config.ts';
import { ingestKnowledge } from '../../platform/node/knowledge-service.ts';
import { writeKnowledgeGeneration } from '../../platform/node/workers-bundle.ts';
import { KNOWLEDGE } from '../../platform/workers/bundle-layout.ts';
import { UsageError } from '../usage-error.ts';

const run = promisify(execFile);

/** Runs the project's own wrangler (pinned in package.json) with metrics off. */
async function wrangler(args: string[]): Promise<void> {
  const bin = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
  await run(process.execPath, [bin, ...args], {
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    maxBuffer: 16 * 1024 * 1024,
  });
}

export async function publishCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      workers: { type: 'boolean', default: false },
      out: { type: 'string' },
      bucket: { type: 'string' },
      local: { type: 'boolean', default: false },
      remote: { type: 'boolean', default: false },
      'persist-to': { type: 'string' },
      config: { type: 'string' },
      knowledge: { type: 'string' },
      index: { type: 'string' },
    },
    strict: true,
  });
  if (!values.workers) throw new UsageError('publish needs a target: --workers (the only one there is)');
  if (values.out === undefined && values.bucket === undefined)
    throw new UsageError('publish --workers needs --out DIR (write the files) or --bucket NAME (upload them to R2)');
  if (values.local && values.remote) throw new UsageError('give --local or --remote, not both');
  if (values.bucket !== undefined && !values.local && !values.remote)
    throw new UsageError('say where the bucket is: --local (wrangler dev) or --remote (Cloudflare)');
  const config = parseConfig({
    ...env,
    KNOWLEDGE_DIR: values.knowledge ?? env.KNOWLEDGE_DIR,
    INDEX_DIR: values.index ?? env.INDEX_DIR,
  });
  const { stored } = await ingestKnowledge(config);
  const directory = values.out ?? (await mkdtemp(join(tmpdir(), 'firstline-publish-')));
  try {
    const files = await writeKnowledgeGeneration(config, stored, directory);
    const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
    process.stdout.write(
      `${stored.generation}: ${files.length} files, ${(bytes / 1024).toFixed(1)} KiB → ${resolve(directory)}\n`,
    );
    if (values.bucket !== undefined) {
      const where = [
        values.local ? '--local' : '--remote',
        ...(values['persist-to'] === undefined ? [] : ['--persist-to', values['persist-to']]),
        ...(values.config === undefined ? [] : ['--config', values.config]),
      ];
      const generationFiles = files.filter((file) => file.path !== KNOWLEDGE.pointer);
      const list = join(directory, 'upload.json');
      await writeFile(
        list,
        JSON.stringify(generationFiles.map((file) => ({ key: file.path, file: resolve(directory, file.path) }))),
      );
      await wrangler(['r2', 'bulk', 'put', values.bucket, '--filename', list, ...where]);
      // The pointer last: an isolate that reads it finds every file of the generation it names.
      await wrangler([
        'r2',
        'object',
        'put',
        `${values.bucket}/${KNOWLEDGE.pointer}`,
        '--file',
        join(directory, KNOWLEDGE.pointer),
        ...where,
      ]);
      process.stdout.write(
        `published ${stored.generation} to ${values.local ? 'the local' : 'the'} R2 bucket ${values.bucket}; Workers with KNOWLEDGE_SOURCE=r2 switch to it within 30 s\n`,
      );
    }
    return 0;
  } finally {
    if (values.out === undefined) await rm(directory, { recursive: true, force: true });
  }
}
