import { describe, expect, it } from 'vitest';
import { articleText, sourceFile } from '../../../test/fakes/articles.ts';
import { recordingEmbedder } from '../../../test/fakes/recording-embedder.ts';
import { wordTokenizer } from '../../../test/fakes/word-tokenizer.ts';
import { KnowledgeError } from '../knowledge/knowledge-error.ts';
import { ingest } from './ingest.ts';

const options = { chunking: { maxTokens: 50, overlapTokens: 5 }, maxArticleBytes: 10_000 };
const now = () => new Date('2026-11-01T00:00:00Z');

const files = [
  sourceFile('a.md', articleText({ id: 'a-en' })),
  sourceFile(
    'sub/b.md',
    articleText({ id: 'b-ru', lang: 'ru', body: 'Вступление.\n\n## Шаги\n1. Откройте приложение.\n' }),
  ),
];

describe('ingest', () => {
  it('chunks and embeds every article on the first run', async () => {
    const embedder = recordingEmbedder();
    const { snapshot, stats } = await ingest(files, undefined, options, { embedder, tokenizer: wordTokenizer, now });
    expect(stats).toEqual({ articles: 2, chunks: 4, embedded: 4, reused: 0, changedArticles: 2, removedArticles: 0 });
    expect(snapshot.vectors).toHaveLength(4 * 64);
    expect(snapshot.manifest).toMatchObject({
      embedder: { id: embedder.id, dimensions: 64 },
      chunkCount: 4,
      createdAt: '2026-11-01T00:00:00.000Z',
    });
    expect(snapshot.manifest.articles.map((article) => article.id)).toEqual(['a-en', 'b-ru']);
  });

  it('embeds nothing when the knowledge base is unchanged', async () => {
    const first = await ingest(files, undefined, options, {
      embedder: recordingEmbedder(),
      tokenizer: wordTokenizer,
      now,
    });
    const embedder = recordingEmbedder();
    const second = await ingest(files, first.snapshot, options, { embedder, tokenizer: wordTokenizer, now });
    expect(embedder.calls).toEqual([]);
    expect(second.stats).toMatchObject({ embedded: 0, reused: 4, changedArticles: 0 });
    expect(second.snapshot.vectors).toEqual(first.snapshot.vectors);
  });

  it('re-chunks and re-embeds only the changed article', async () => {
    const first = await ingest(files, undefined, options, {
      embedder: recordingEmbedder(),
      tokenizer: wordTokenizer,
      now,
    });
    const changed = [
      files[0]!,
      sourceFile(
        'sub/b.md',
        articleText({ id: 'b-ru', lang: 'ru', body: 'Новое вступление.\n\n## Шаги\n1. Откройте приложение.\n' }),
      ),
    ];
    const embedder = recordingEmbedder();
    const second = await ingest(changed, first.snapshot, options, { embedder, tokenizer: wordTokenizer, now });
    expect(second.stats).toMatchObject({ changedArticles: 1, embedded: 1, reused: 3 });
    expect(embedder.calls.flat()).toEqual([expect.stringContaining('Новое вступление.')]);
  });

  it('drops removed articles', async () => {
    const first = await ingest(files, undefined, options, {
      embedder: recordingEmbedder(),
      tokenizer: wordTokenizer,
      now,
    });
    const second = await ingest([files[0]!], first.snapshot, options, {
      embedder: recordingEmbedder(),
      tokenizer: wordTokenizer,
      now,
    });
    expect(second.stats).toMatchObject({ articles: 1, chunks: 2, removedArticles: 1 });
    expect(second.snapshot.chunks.every((chunk) => chunk.articleId === 'a-en')).toBe(true);
  });

  it('reports every bad file and duplicate id together', async () => {
    const bad = [
      ...files,
      sourceFile('dup.md', articleText({ id: 'a-en' })),
      sourceFile('empty.md', '---\nid: e\ntitle: E\nlang: en\n---\n'),
    ];
    const attempt = ingest(bad, undefined, options, { embedder: recordingEmbedder(), tokenizer: wordTokenizer, now });
    await expect(attempt).rejects.toThrow(KnowledgeError);
    await expect(attempt).rejects.toMatchObject({
      problems: [
        { file: 'dup.md', line: 2, message: 'duplicate id "a-en", also used by a.md' },
        { file: 'empty.md', line: 6, message: 'article body is empty' },
      ],
    });
  });
});
