import { describe, expect, it } from 'vitest';
import { parseThesaurus } from '../knowledge/parse-thesaurus.ts';
import { queryTerms } from './terms.ts';
import { Thesaurus } from './thesaurus.ts';

const thesaurus = Thesaurus.of({
  groups: [
    ['сколько стоит', 'цена', 'price', 'how much'],
    ['где мой заказ', 'отследить', 'track my order'],
  ],
});

describe('Thesaurus', () => {
  it('brings a group’s other words into the query at a lower weight when one of its phrases matches', () => {
    const terms = thesaurus.expand('how much is the Optima plan', queryTerms('how much is the Optima plan'), 0.2);
    expect(terms).toContainEqual({ term: 'price', weight: 0.2, expansion: true });
    expect(terms).toContainEqual({ term: 'цен', weight: 0.2, expansion: true });
    expect(terms.filter((entry) => entry.expansion !== true).map((entry) => entry.term)).toEqual(['optima', 'plan']);
  });

  it('matches a phrase only as a whole, in any inflection', () => {
    expect(thesaurus.groupsIn('где мой заказ роутера')).toEqual([1]);
    expect(thesaurus.groupsIn('где мои заказы')).toEqual([1]);
    expect(thesaurus.groupsIn('мой роутер где')).toEqual([]);
  });
});

describe('parseThesaurus', () => {
  it('names the line of a group that is not a list of at least two phrases', () => {
    const result = parseThesaurus(
      'thesaurus.yaml',
      new TextEncoder().encode('groups:\n  - [оптима, optima]\n  - [одна]\n'),
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ file: 'thesaurus.yaml', line: 3, message: 'groups.1: a group needs at least two phrases' }],
    });
  });

  it('names the line that is not valid UTF-8 instead of reading it as replacement characters', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('groups:\n  - [оптима, '),
      0xff,
      ...new TextEncoder().encode(']\n'),
    ]);
    expect(parseThesaurus('thesaurus.yaml', bytes)).toEqual({
      ok: false,
      problems: [{ file: 'thesaurus.yaml', line: 2, message: 'file is not valid UTF-8' }],
    });
  });

  it('reads a valid file', () => {
    expect(parseThesaurus('thesaurus.yaml', new TextEncoder().encode('groups:\n  - [оптима, optima]\n'))).toEqual({
      ok: true,
      thesaurus: { groups: [['оптима', 'optima']] },
    });
  });
});
