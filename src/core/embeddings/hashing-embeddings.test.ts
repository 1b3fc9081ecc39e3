import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash32 } from '../text/hash.ts';
import { contentTerms, type WeightedTerm } from '../text/terms.ts';
import { normalizeInPlace } from '../util/unit-vector.ts';
import { HashingEmbeddings } from './hashing-embeddings.ts';

const cosine = (left: number[], right: number[]): number =>
  left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);

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
    const [password, delivery] = await embeddings.embedDocuments([
      'восстановить пароль от личного кабинета',
      'сроки доставки заказа курьером',
    ]);
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
    const query = Array.from(
      embeddings.embedTerms([
        { term: rareTerm, weight: 3 },
        { term: commonTerm, weight: 0.1 },
      ]),
    );
    const unweighted = Array.from(
      embeddings.embedTerms([
        { term: rareTerm, weight: 1 },
        { term: commonTerm, weight: 1 },
      ]),
    );
    expect(cosine(query, rare ?? [])).toBeGreaterThan(cosine(query, common ?? []));
    expect(cosine(query, rare ?? []) - cosine(query, common ?? [])).toBeGreaterThan(
      cosine(unweighted, rare ?? []) - cosine(unweighted, common ?? []),
    );
  });

  it('gives bit-for-bit the vectors of hashing every feature afresh, however often a term was seen', () => {
    // The definition, feature by feature: a signed hashed stem, character 3- and 4-grams of the padded stem,
    // and bigrams of adjacent typed terms; then scaled to unit length.
    const reference = (terms: readonly WeightedTerm[], dimensions: number) => {
      const vector = new Float32Array(dimensions);
      const add = (feature: string, weight: number) => {
        const hash = hash32(feature);
        const slot = (hash & 0x7fffffff) % dimensions;
        vector[slot] = (vector[slot] ?? 0) + (hash >>> 31 === 1 ? -1 : 1) * weight;
      };
      let previous: WeightedTerm | undefined;
      for (const current of terms) {
        add(`w:${current.term}`, 1 * current.weight);
        const padded = `<${current.term}>`;
        for (const size of [3, 4])
          for (let start = 0; start + size <= padded.length; start += 1)
            add(`g:${padded.slice(start, start + size)}`, 0.3 * current.weight);
        if (previous !== undefined && !current.expansion && !previous.expansion)
          add(`b:${previous.term} ${current.term}`, 0.3 * Math.min(current.weight, previous.weight));
        if (!current.expansion) previous = current;
      }
      normalizeInPlace(vector);
      return vector;
    };
    const embeddings = new HashingEmbeddings({ dimensions: 64 });
    const term = fc.record({
      term: fc.constantFrom('тариф', 'роутер', 'wifi', 'пароль', 'reset', 'kometa', '500', 'оплат'),
      weight: fc.double({ min: 0.05, max: 3, noNaN: true }),
      expansion: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(term, { maxLength: 8 }), (terms) => {
        expect(Array.from(embeddings.embedTerms(terms))).toEqual(Array.from(reference(terms, 64)));
      }),
    );
  });

  it('rejects nonsense dimensions', () => {
    expect(() => new HashingEmbeddings({ dimensions: 3 })).toThrow(RangeError);
  });
});
