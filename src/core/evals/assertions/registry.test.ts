import { describe, expect, it } from 'vitest';
import { parseSuite } from '../suite.ts';
import { gradeAssertions } from './registry.ts';

const reply = {
  text: 'Здравствуйте! Подождите 60 секунд и нажмите «Отправить код повторно».',
  action: 'answer' as const,
  reasons: [],
  citations: ['login-code-not-received-ru'],
  confidence: 0.9,
  components: {},
  latencyMs: 120,
  cost: 0.002,
};
const context = { reply, question: 'не приходит код', lang: 'ru' as const, cost: 0.002 };

describe('assertions', () => {
  it('grades each assertion of a turn with its own result and reason', async () => {
    const results = await gradeAssertions(
      {
        contains: '60 секунд',
        icontains: ['ЗДРАВСТВУЙТЕ', 'отправить код'],
        'not-contains': ['скидк'],
        regex: '/подождите \\d+ секунд/i',
        'max-latency-ms': 100,
        'max-cost': 0.01,
      },
      context,
    );
    expect(results).toEqual([
      { assertion: 'contains', pass: true, reason: 'ok' },
      { assertion: 'icontains', pass: true, reason: 'ok' },
      { assertion: 'not-contains', pass: true, reason: 'ok' },
      { assertion: 'regex', pass: true, reason: 'ok' },
      { assertion: 'max-latency-ms', pass: false, reason: '120 ms > 100 ms' },
      { assertion: 'max-cost', pass: true, reason: '0.00200' },
    ]);
  });

  it('names what is missing or present', async () => {
    const [contains, absent] = await gradeAssertions(
      { contains: ['60 секунд', '5 минут'], 'not-contains': 'секунд' },
      context,
    );
    expect(contains).toEqual({ assertion: 'contains', pass: false, reason: 'missing: "5 минут"' });
    expect(absent).toEqual({ assertion: 'not-contains', pass: false, reason: 'present: "секунд"' });
  });

  it('skips an llm-rubric when no judge is configured, and asks the judge when one is', async () => {
    expect(await gradeAssertions({ 'llm-rubric': 'offers a person' }, context)).toEqual([
      { assertion: 'llm-rubric', pass: true, skipped: true, reason: 'not graded: no judge model configured' },
    ]);
    const judge = {
      judge: () => Promise.resolve(undefined),
      rubric: (input: { criterion: string }) =>
        Promise.resolve({ pass: false, reason: `does not meet: ${input.criterion}` }),
    };
    expect(await gradeAssertions({ 'llm-rubric': 'offers a person' }, { ...context, judge })).toEqual([
      { assertion: 'llm-rubric', pass: false, reason: 'does not meet: offers a person' },
    ]);
  });

  it('are part of the suite format, validated like every field', () => {
    expect(() =>
      parseSuite('s.yaml', 'suite: s\ncases:\n  - { id: a, turns: [{ customer: "x", expect: { regex: "(" } }] }'),
    ).toThrow(/case a: field "turns\.0\.expect\.regex" is not a valid regular expression/);
    expect(
      parseSuite(
        's.yaml',
        'suite: s\ncases:\n  - { id: a, turns: [{ customer: "x", expect: { icontains: "код", max-latency-ms: 500 } }] }',
      ).cases[0]?.turns[0]?.expect,
    ).toEqual({ icontains: 'код', 'max-latency-ms': 500 });
  });
});
