import { describe, expect, it } from 'vitest';
import { parseSuite } from './suite.ts';

describe('parseSuite', () => {
  it('parses cases with defaults', () => {
    const suite = parseSuite(
      's.yaml',
      'suite: s\ncases:\n  - id: one\n    lang: ru\n    turns:\n      - customer: "привет"\n        expect: { articles: [a-ru] }\n',
    );
    expect(suite.cases).toEqual([
      {
        id: 'one',
        lang: 'ru',
        tags: [],
        mustPass: false,
        turns: [{ customer: 'привет', expect: { articles: ['a-ru'] } }],
      },
    ]);
  });

  it('names the file, the case id and the field of a bad case', () => {
    const text =
      'suite: s\ncases:\n  - id: good\n    turns: [{ customer: "hi" }]\n  - id: broken\n    turns:\n      - customer: "hi"\n        expect: { action: dance }\n';
    expect(() => parseSuite('evals/x.yaml', text)).toThrow(
      /evals\/x\.yaml: case broken: field "turns\.0\.expect\.action"/,
    );
  });

  it('rejects duplicate ids and invalid YAML with a line', () => {
    expect(() =>
      parseSuite(
        'd.yaml',
        'suite: s\ncases:\n  - { id: a, turns: [{ customer: x }] }\n  - { id: a, turns: [{ customer: y }] }\n',
      ),
    ).toThrow('case a: duplicate case id');
    expect(() => parseSuite('y.yaml', 'suite: s\ncases: [\n')).toThrow(/y\.yaml:\d+: not valid YAML/);
  });
});
