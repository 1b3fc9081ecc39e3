import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyOf } from './any-of.ts';

describe('anyOf', () => {
  const patterns = [/(?<!\p{L})кот/u, /(?:^|\s)dog\b/u, /\d{2,}\s*$/u, /(?<![\p{L}\p{N}])\(\s*$/u, /a|b(?=c)/u];

  it('matches exactly where one of its patterns matches', () => {
    const combined = anyOf(patterns);
    const alphabet = [...'котdg o()12abcсобака \n'];
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 24 }),
        (text) => combined.test(text) === patterns.some((pattern) => pattern.test(text)),
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses patterns it cannot combine faithfully', () => {
    expect(() => anyOf([/a/u, /b/iu])).toThrow(/same flags/);
    expect(() => anyOf([/(a)\1/u])).toThrow(/back-references/);
    expect(() => anyOf([/a/gu])).toThrow(/global or sticky/);
  });
});
