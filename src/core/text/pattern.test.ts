import { describe, expect, it } from 'vitest';
import { alternation, alternatives, sequence } from './pattern.ts';

describe('alternatives', () => {
  it('joins the lines into the source a one-line pattern would have', () => {
    const words = [String.raw`здравствуйте|добрый\s+(?:день|вечер)`, String.raw`hello|hi`];
    expect(alternatives(words)).toBe(String.raw`здравствуйте|добрый\s+(?:день|вечер)|hello|hi`);
    const wrapped = new RegExp(String.raw`(?<!\p{L})(?:${alternatives(words)})(?!\p{L})`, 'u');
    expect(wrapped.source).toBe(/(?<!\p{L})(?:здравствуйте|добрый\s+(?:день|вечер)|hello|hi)(?!\p{L})/u.source);
  });

  it('refuses a line that is not a pattern on its own, or an empty one', () => {
    expect(() => alternatives([String.raw`добрый\s+(?:день`, 'вечер)'])).toThrow(/not a pattern on its own/);
    expect(() => alternatives(['[а-я', ']'])).toThrow(/not a pattern on its own/);
    expect(() => alternatives(['a', ''])).toThrow(/empty part/);
    expect(() => alternatives([])).toThrow(/at least one/);
  });

  it('checks the lines with the flags they will be used with', () => {
    expect(() => alternatives([String.raw`\p{L}+`], 'u')).not.toThrow();
    expect(() => alternatives([String.raw`\p{Foo}`], 'u')).toThrow(/not a pattern on its own/);
    expect(() => alternatives([String.raw`\p{Foo}`], '')).not.toThrow();
  });
});

describe('alternation', () => {
  it('builds the regex with the given flags', () => {
    const pattern = alternation([String.raw`call\s+a\s+human`, String.raw`позов(?:ите|и)\s+оператора`], 'iu');
    expect(pattern.source).toBe(String.raw`call\s+a\s+human|позов(?:ите|и)\s+оператора`);
    expect(pattern.flags).toBe('iu');
    expect(pattern.test('Позовите оператора')).toBe(true);
    expect(alternation(['a', 'b'], 'gu').flags).toBe('gu');
  });
});

describe('sequence', () => {
  it('joins the parts one after another', () => {
    const pattern = sequence(
      [String.raw`^(?:оператор|человек)\p{L}*`, String.raw`(?:\s+(?:мне|можно))*`, String.raw`[!?.\s]*$`],
      'u',
    );
    expect(pattern.source).toBe(/^(?:оператор|человек)\p{L}*(?:\s+(?:мне|можно))*[!?.\s]*$/u.source);
    expect(pattern.test('оператора можно!')).toBe(true);
  });

  it('refuses a part that cuts a group in two', () => {
    expect(() => sequence([String.raw`(?:a|b`, ')c'])).toThrow(/not a pattern on its own/);
    expect(() => sequence([])).toThrow(/at least one/);
  });
});
