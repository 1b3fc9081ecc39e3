import { describe, expect, it } from 'vitest';
import { articleText } from '../../../test/fakes/articles.ts';
import { parseArticle } from './parse-article.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const LIMIT = 10_000;

describe('parseArticle', () => {
  it('parses front matter and body', () => {
    const result = parseArticle(
      'a.md',
      encode(
        articleText({ id: 'a-en', tags: ['one', 'two'], extra: 'topic: a\nhandoff: always\nupdated: 2026-10-15\n' }),
      ),
      LIMIT,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article).toMatchObject({
      id: 'a-en',
      lang: 'en',
      tags: ['one', 'two'],
      topic: 'a',
      handoff: 'always',
      updated: '2026-10-15',
      path: 'a.md',
      bodyLine: 10,
    });
    expect(result.article.body).toContain('## Steps');
  });

  it('names the line of an unknown language', () => {
    const result = parseArticle('x/b.md', encode(articleText({ id: 'b', lang: 'de' as 'en' })), LIMIT);
    expect(result).toEqual({
      ok: false,
      problems: [{ file: 'x/b.md', line: 4, message: expect.stringContaining('front matter field "lang"') }],
    });
  });

  it('rejects a file without front matter', () => {
    expect(parseArticle('c.md', encode('# Just text\n'), LIMIT)).toEqual({
      ok: false,
      problems: [{ file: 'c.md', line: 1, message: expect.stringContaining('missing front matter') }],
    });
  });

  it('reports invalid YAML with its line', () => {
    const result = parseArticle('d.md', encode('---\nid: d\ntitle: [unclosed\nlang: en\n---\nbody\n'), LIMIT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toContain('not valid YAML');
    expect(result.problems[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects a missing id, a bad id and unknown fields', () => {
    const missing = parseArticle('e.md', encode('---\ntitle: T\nlang: en\n---\nbody\n'), LIMIT);
    expect(missing.ok === false && missing.problems[0]?.message).toContain('"id"');
    const bad = parseArticle('f.md', encode(articleText({ id: 'Bad_Id' })), LIMIT);
    expect(bad.ok === false && bad.problems[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining('[a-z0-9-]+'),
    });
    const unknown = parseArticle('g.md', encode(articleText({ id: 'g', extra: 'colour: red\n' })), LIMIT);
    expect(unknown.ok === false && unknown.problems[0]).toMatchObject({
      line: 5,
      message: expect.stringContaining('colour'),
    });
  });

  it('rejects an empty body', () => {
    const result = parseArticle('h.md', encode(articleText({ id: 'h', body: '\n  \n' })), LIMIT);
    expect(result).toEqual({ ok: false, problems: [{ file: 'h.md', line: 6, message: 'article body is empty' }] });
  });

  it('rejects invalid UTF-8 and names the line', () => {
    const bytes = new Uint8Array([...encode('---\nid: i\n'), 0xff, 0xfe, ...encode('\n---\nbody\n')]);
    expect(parseArticle('i.md', bytes, LIMIT)).toEqual({
      ok: false,
      problems: [{ file: 'i.md', line: 3, message: 'file is not valid UTF-8' }],
    });
  });

  it('rejects an oversized file before decoding it', () => {
    const result = parseArticle('j.md', new Uint8Array(LIMIT + 1), LIMIT);
    expect(result.ok === false && result.problems[0]?.message).toContain('over the limit of 10000 bytes');
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const text = `\uFEFF${articleText({ id: 'k' })}`.replace(/\n/g, '\r\n');
    expect(parseArticle('k.md', encode(text), LIMIT).ok).toBe(true);
  });
});
