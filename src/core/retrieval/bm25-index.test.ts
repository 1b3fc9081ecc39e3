import { describe, expect, it } from 'vitest';
import { contentTerms, queryTerms } from '../text/terms.ts';
import { Bm25Builder } from './bm25-index.ts';

function build(documents: ReadonlyArray<readonly [string, 'ru' | 'en']>) {
  const builder = new Bm25Builder();
  for (const [text, lang] of documents)
    builder.add(
      contentTerms(text).map((term) => ({ term, weight: 1 })),
      lang,
    );
  return builder.build();
}

const index = build([
  ['Как восстановить пароль от личного кабинета', 'ru'],
  ['Рекламные звонки и рассылки: как отписаться', 'ru'],
  ['Сроки доставки заказа курьером', 'ru'],
  ['How to reset your password', 'en'],
]);

describe('Bm25Index', () => {
  it('ranks the document sharing the rare words first, with normalised scores in [0, 1)', () => {
    const hits = index.search(queryTerms('забыл пароль, как восстановить'), 3);
    expect(hits[0]?.label).toBe(0);
    for (const hit of hits) {
      expect(hit.normalized).toBeGreaterThan(0);
      expect(hit.normalized).toBeLessThan(1);
    }
  });

  it('keeps only the requested language', () => {
    expect(index.search(queryTerms('password пароль'), 5, 'en').map((hit) => hit.label)).toEqual([3]);
  });

  it('finds a stem the stemmer split differently through a shared prefix', () => {
    expect(index.search(queryTerms('звонят'), 3)).toEqual([]);
    expect(index.search(index.expand(queryTerms('звонят')), 3)[0]?.label).toBe(1);
  });

  it('corrects a one-letter typo in an unknown word', () => {
    const expanded = index.expand(queryTerms('дотавки'));
    expect(expanded.some((entry) => entry.expansion === true && entry.term === 'доставк')).toBe(true);
    expect(index.search(expanded, 1)[0]?.label).toBe(2);
  });

  it('returns nothing for words it does not know', () => {
    expect(index.search(queryTerms('zzzz qqqq'), 5)).toEqual([]);
  });
});
