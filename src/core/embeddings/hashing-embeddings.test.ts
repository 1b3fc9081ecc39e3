import { describe, expect, it } from 'vitest';
import { contentTerms } from '../text/terms.ts';
import { HashingEmbeddings } from './hashing-embeddings.ts';

const cosine = (left: number[], right: number[]): number => left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);

describe('HashingEmbeddings', () => {
  const embeddings = new HashingEmbeddings({ dimensions: 256 });

  it('returns unit vectors of the configured length, identical across instances', async () => {
    const [vector] = await embeddings.embedDocuments(['Как восстановить пароль']);
    const [again] = await new HashingEmbeddings({ dimensions: 256 }).embedDocuments(['Как восстановить пароль']);
    expect(vector).toHaveLength(256);
    expect(cosine(vector ?? [], vector ?? [])).toBeCloseTo(1, 5);
    expect(again).toEqual(vector);
  });

  it('scores a misspelt query closer to its text than to an unrelated one', async () => {
    const [password, delivery] = await embeddings.embedDocuments(['восстановить пароль от личного кабинета', 'сроки доставки заказа курьером']);
    const query = await embeddings.embedQuery('востановить пароль');
    expect(cosine(query, password ?? [])).toBeGreaterThan(cosine(query, delivery ?? []) + 0.3);
  });

  it('matches Russian word forms the stemmer treats differently through character n-grams', async () => {
    const [calls, router] = await embeddings.embedDocuments(['рекламные звонки', 'настройка роутера']);
    const query = await embeddings.embedQuery('звонят');
    expect(cosine(query, calls ?? [])).toBeGreaterThan(cosine(query, router ?? []));
  });

  it('weights query terms when asked, so a rare word dominates', async () => {
    const [rare, common] = await embeddings.embedDocuments(['обещанный', 'интернет']);
    const [rareTerm = '', commonTerm = ''] = [...contentTerms('обещанный'), ...contentTerms('интернет')];
    const query = Array.from(embeddings.embedTerms([{ term: rareTerm, weight: 3 }, { term: commonTerm, weight: 0.1 }]));
    const unweighted = Array.from(embeddings.embedTerms([{ term: rareTerm, weight: 1 }, { term: commonTerm, weight: 1 }]));
    expect(cosine(query, rare ?? [])).toBeGreaterThan(cosine(query, common ?? []));
    expect(cosine(query, rare ?? []) - cosine(query, common ?? [])).toBeGreaterThan(cosine(unweighted, rare ?? []) - cosine(unweighted, common ?? []));
  });

  it('rejects nonsense dimensions', () => {
    expect(() => new HashingEmbeddings({ dimensions: 3 })).toThrow(RangeError);
  });
});
