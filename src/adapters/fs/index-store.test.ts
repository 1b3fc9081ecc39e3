import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleText } from '../../../test/fakes/articles.ts';
import { parseConfig } from '../../core/config/config.ts';
import { HashingEmbeddings } from '../../core/embeddings/hashing-embeddings.ts';
import { KnowledgeError } from '../../core/knowledge/knowledge-error.ts';
import { HybridRetriever } from '../../core/retrieval/hybrid-retriever.ts';
import { ingestKnowledge } from '../../platform/node/knowledge-service.ts';
import {
  decodeGeneration,
  encodeGeneration,
  exactKnowledgeIndex,
  GENERATION_FILES,
} from '../../core/retrieval/index-codec.ts';
import { loadIndex } from './index-store.ts';

const directories: string[] = [];
afterEach(async () =>
  Promise.all(directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true }))),
);

async function workspace() {
  const root = await mkdtemp(join(tmpdir(), 'firstline-store-'));
  directories.push(root);
  const knowledge = join(root, 'knowledge');
  await mkdir(join(knowledge, 'billing'), { recursive: true });
  await writeFile(
    join(knowledge, 'billing', 'refund-en.md'),
    articleText({
      id: 'refund-en',
      title: 'Refund of unused balance',
      body: 'Money is returned to the card within 10 business days.\n',
    }),
  );
  await writeFile(
    join(knowledge, 'wifi-en.md'),
    articleText({
      id: 'wifi-en',
      title: 'Change the Wi-Fi password',
      body: 'Open 192.168.0.1 and change the network password.\n',
    }),
  );
  await writeFile(join(knowledge, 'README.md'), '# Not an article\n');
  const config = parseConfig({ KNOWLEDGE_DIR: knowledge, DATA_DIR: join(root, 'data'), EMBEDDING_DIMENSIONS: '64' });
  return { root, knowledge, config };
}

describe('index store', () => {
  it('saves an index that loads back and answers queries', async () => {
    const { config } = await workspace();
    const run = await ingestKnowledge(config);
    expect(run.stats).toMatchObject({ articles: 2, embedded: 2 });
    const loaded = await loadIndex(config.INDEX_DIR);
    expect(loaded?.generation).toBe(run.stored.generation);
    expect(loaded?.snapshot.vectors).toEqual(run.stored.snapshot.vectors);
    const retriever = new HybridRetriever(loaded!.index, new HashingEmbeddings({ dimensions: 64 }));
    const result = await retriever.retrieve('how do I get my money back', { k: 5 });
    expect(result.articles[0]?.articleId).toBe('refund-en');
  });

  it('keeps one generation and swaps CURRENT only when a new index is complete', async () => {
    const { config, knowledge } = await workspace();
    const first = await ingestKnowledge(config);
    await writeFile(join(knowledge, 'broken.md'), '---\nid: broken\nlang: xx\n---\nbody\n');
    await expect(ingestKnowledge(config)).rejects.toThrow(KnowledgeError);
    expect((await readFile(join(config.INDEX_DIR, 'CURRENT'), 'utf8')).trim()).toBe(first.stored.generation);
    expect((await loadIndex(config.INDEX_DIR))?.snapshot.manifest.articles).toHaveLength(2);
    await rm(join(knowledge, 'broken.md'));
    const third = await ingestKnowledge(config);
    expect(third.stats).toMatchObject({ embedded: 0, reused: 2 });
    const generations = (await readdir(config.INDEX_DIR)).filter((name) => name.startsWith('gen-'));
    expect(generations).toEqual([third.stored.generation]);
  });

  it('loads nothing from an empty directory', async () => {
    const { root } = await workspace();
    expect(await loadIndex(join(root, 'nowhere'))).toBeUndefined();
  });

  it('writes a generation that a runtime without HNSW loads from the codec files alone and searches the same', async () => {
    const { config } = await workspace();
    const run = await ingestKnowledge(config);
    const source = join(config.INDEX_DIR, run.stored.generation);
    const read = (name: string) => readFile(join(source, name));
    const decoded = decodeGeneration({
      manifest: (await read(GENERATION_FILES.manifest)).toString('utf8'),
      chunks: (await read(GENERATION_FILES.chunks)).toString('utf8'),
      vectors: new Uint8Array(await read(GENERATION_FILES.vectors)),
      lexical: new Uint8Array(await read(GENERATION_FILES.lexical)),
    });
    expect(decoded?.snapshot.vectors).toEqual(run.stored.snapshot.vectors);
    const embeddings = new HashingEmbeddings({ dimensions: 64 });
    const exact = new HybridRetriever(exactKnowledgeIndex(decoded!), embeddings);
    const hnsw = new HybridRetriever(run.stored.index, embeddings);
    for (const question of ['how do I get my money back', 'wifi password', 'refund to the card']) {
      const [left, right] = [await exact.retrieve(question, { k: 5 }), await hnsw.retrieve(question, { k: 5 })];
      expect(left.articles.map((article) => article.articleId)).toEqual(
        right.articles.map((article) => article.articleId),
      );
    }
  });

  it('decodes a generation written with int8 vectors (the Worker’s) to the same articles', async () => {
    const { config } = await workspace();
    const run = await ingestKnowledge(config);
    const files = encodeGeneration(run.stored.snapshot, run.stored.index.lexical, { quantize: true });
    expect(files.vectors.byteLength).toBeLessThan(encodeGeneration(run.stored.snapshot).vectors.byteLength);
    const decoded = decodeGeneration(files);
    const original = run.stored.snapshot.vectors;
    expect(decoded?.snapshot.vectors.length).toBe(original.length);
    const largestError = Math.max(
      ...original.map((value, index) => Math.abs(value - (decoded?.snapshot.vectors[index] ?? 0))),
    );
    expect(largestError).toBeLessThan(0.01);
    const embeddings = new HashingEmbeddings({ dimensions: 64 });
    const quantized = new HybridRetriever(exactKnowledgeIndex(decoded!), embeddings);
    const hnsw = new HybridRetriever(run.stored.index, embeddings);
    for (const question of ['how do I get my money back', 'wifi password', 'refund to the card']) {
      const [left, right] = [await quantized.retrieve(question, { k: 5 }), await hnsw.retrieve(question, { k: 5 })];
      expect(left.articles[0]?.articleId).toBe(right.articles[0]?.articleId);
    }
  });
});
