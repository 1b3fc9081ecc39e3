import { describe, expect, it } from 'vitest';
import { rememberLast } from './remember-last.ts';

describe('rememberLast', () => {
  it('computes once for repeated text and again when the text changes', () => {
    const calls: string[] = [];
    const length = rememberLast((text: string) => {
      calls.push(text);
      return text.length;
    });
    expect([length('abc'), length('abc'), length('de'), length('abc')]).toEqual([3, 3, 2, 3]);
    expect(calls).toEqual(['abc', 'de', 'abc']);
  });
});
