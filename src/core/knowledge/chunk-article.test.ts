import { describe, expect, it } from 'vitest';
import { wordTokenizer } from '../../../test/fakes/word-tokenizer.ts';
import type { Article } from './article.ts';
import { chunkArticle } from './chunk-article.ts';

function article(body: string): Article {
  return {
    id: 'demo-en',
    title: 'Demo',
    lang: 'en',
    tags: ['demo'],
    topic: 'demo',
    path: 'demo.md',
    body,
    bodyLine: 6,
  };
}

describe('chunkArticle', () => {
  it('makes one chunk per section with its heading path', () => {
    const chunks = chunkArticle(
      article('# Demo\nIntro text.\n\n## Setup\nDo this.\n\n### Details\nMore.\n\n## Help\nCall us.\n'),
      wordTokenizer,
    );
    expect(chunks.map((chunk) => ({ id: chunk.id, headingPath: chunk.headingPath, text: chunk.text }))).toEqual([
      { id: 'demo-en#0', headingPath: ['Demo'], text: 'Intro text.' },
      { id: 'demo-en#1', headingPath: ['Demo', 'Setup'], text: 'Do this.' },
      { id: 'demo-en#2', headingPath: ['Demo', 'Setup', 'Details'], text: 'More.' },
      { id: 'demo-en#3', headingPath: ['Demo', 'Help'], text: 'Call us.' },
    ]);
    expect(chunks[0]).toMatchObject({
      articleId: 'demo-en',
      lang: 'en',
      topic: 'demo',
      handoff: false,
      tags: ['demo'],
      tokens: 2,
    });
  });

  it('splits a long section into windows within the budget that overlap', () => {
    const sentences = Array.from({ length: 12 }, (_, index) => `Sentence number ${index} has exactly seven words.`);
    const chunks = chunkArticle(article(`## Long\n${sentences.join(' ')}`), wordTokenizer, {
      maxTokens: 30,
      overlapTokens: 8,
    });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(30);
    for (let index = 1; index < chunks.length; index += 1) {
      const previousLast = chunks[index - 1]?.text.split('\n').at(-1);
      expect(chunks[index]?.text.startsWith(previousLast ?? '?')).toBe(true);
    }
    const covered = new Set(chunks.flatMap((chunk) => chunk.text.split('\n')));
    expect(covered.size).toBe(12);
  });

  it('does not treat a hash inside a code fence as a heading', () => {
    const chunks = chunkArticle(article('## Config\n```\n# not a heading\n```\n'), wordTokenizer);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.text).toContain('# not a heading');
  });
});
