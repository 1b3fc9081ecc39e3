// Lays out what a Worker reads instead of disk: the web UI, Swagger UI and `_headers` as static assets, and under the
// hidden prefix the migrations, the prompts and a knowledge generation (`wrangler.toml`'s build runs it through
// scripts/build-workers.ts; `firstline publish --workers` writes the generation alone, for R2). Runtime: Node.
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildUi } from '../../adapters/http/ui-bundle.ts';
import { knowledgeArticleSource } from '../../adapters/fs/knowledge-article-source.ts';
import type { StoredIndex } from '../../adapters/fs/index-store.ts';
import { migrationFiles } from '../../adapters/store/migration-files.ts';
import type { Config } from '../../core/config/config.ts';
import type { ArticlePage } from '../../core/ports/article-source.ts';
import { encodeGeneration } from '../../core/retrieval/index-codec.ts';
import { BUNDLE, HIDDEN_PREFIX, KNOWLEDGE } from '../workers/bundle-layout.ts';

export interface WrittenFile {
  readonly path: string;
  readonly bytes: number;
}

async function write(root: string, path: string, data: string | Uint8Array, written: WrittenFile[]): Promise<void> {
  const target = join(root, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, data);
  written.push({ path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength });
}

/**
 * Writes one knowledge generation under `root` as `knowledge/<generation>/…`, then the pointer `knowledge/CURRENT`
 * last, so a reader that follows the pointer finds every file of the generation it names.
 */
export async function writeKnowledgeGeneration(
  config: Config,
  stored: StoredIndex,
  root: string,
): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  const { generation, snapshot } = stored;
  // int8 vectors: a quarter of the bytes, recall@10 ≥ 0.99 against float32 (`npm run eval:quantization`).
  const files = encodeGeneration(snapshot, stored.index.lexical, { quantize: true });
  const source = knowledgeArticleSource(config.KNOWLEDGE_DIR, snapshot.manifest.articles, config.MAX_ARTICLE_BYTES);
  const articles: Record<string, ArticlePage> = {};
  for (const { id } of snapshot.manifest.articles) {
    const page = await source.article(id);
    if (page !== undefined) articles[id] = page;
  }
  const contents: Record<(typeof KNOWLEDGE.files)[number], string | Uint8Array> = {
    'manifest.json': files.manifest,
    'chunks.json': files.chunks,
    'vectors.bin': files.vectors,
    'lexical.bin': files.lexical,
    'articles.json': JSON.stringify(articles),
  };
  for (const name of KNOWLEDGE.files) await write(root, KNOWLEDGE.file(generation, name), contents[name], written);
  await write(root, KNOWLEDGE.pointer, `${generation}\n`, written);
  return written;
}

/** Static-asset headers (Workers' `_headers` file): the widget loads from other sites; bundles are cached briefly. */
const HEADERS = `/widget.js
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=300
  X-Content-Type-Options: nosniff
/ui/*
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=300
  X-Content-Type-Options: nosniff
/docs/assets/*
  Cache-Control: public, max-age=86400
  X-Content-Type-Options: nosniff
`;

/** The whole assets folder of the Worker, emptied first; returns every file written with its size. */
export async function writeWorkersAssets(config: Config, stored: StoredIndex, root: string): Promise<WrittenFile[]> {
  await rm(root, { recursive: true, force: true });
  const written: WrittenFile[] = [];
  for (const file of await buildUi()) {
    await write(root, `ui/${file.name}`, file.body, written);
    if (file.name === 'widget.js') await write(root, 'widget.js', file.body, written);
  }
  const swagger = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  for (const name of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
    await mkdir(join(root, 'docs', 'assets'), { recursive: true });
    await copyFile(join(swagger, name), join(root, 'docs', 'assets', name));
    written.push({ path: `docs/assets/${name}`, bytes: (await readFile(join(swagger, name))).byteLength });
  }
  await write(root, '_headers', HEADERS, written);
  const hidden = HIDDEN_PREFIX.replace(/^\/+/, '');
  await write(root, hidden + BUNDLE.migrations, JSON.stringify(migrationFiles()), written);
  const prompts: Record<string, string> = {};
  for (const name of (await readdir(config.PROMPTS_DIR)).filter((file) => file.endsWith('.md')).sort())
    prompts[name.slice(0, -3)] = await readFile(join(config.PROMPTS_DIR, name), 'utf8');
  await write(root, hidden + BUNDLE.prompts, JSON.stringify(prompts), written);
  for (const file of await writeKnowledgeGeneration(config, stored, join(root, hidden)))
    written.push({ path: hidden + file.path, bytes: file.bytes });
  return written;
}
