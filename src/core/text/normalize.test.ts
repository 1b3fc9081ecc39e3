import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, words } from './normalize.ts';

/** The full definition, without the shortcut for text that decomposition leaves alone. */
const reference = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u0305\u0307-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[’`]/g, "'");

describe('normalize', () => {
  it('folds case, «ё», accents and apostrophes, and keeps «й»', () => {
    expect(normalize('Ёлка ЙОД Café don’t №5 …')).toBe("елка йод cafe don't no5 ...");
  });

  it('agrees with the full Unicode definition on every character below U+0500 and on mixed text', () => {
    for (let code = 0; code < 0x500; code += 1)
      expect(normalize(String.fromCharCode(code))).toBe(reference(String.fromCharCode(code)));
    const alphabet = [..."abcXYZ 09.,!?-'`’‘“”„«»–—…№\u00a0ЁёЙйАаЯяжШщЪъéÉ\n\t"];
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 40 }),
        (text) => normalize(text) === reference(text),
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => normalize(text) === reference(text)),
    );
  });

  it('splits words and keeps hyphenated ones whole', () => {
    expect(words('Wi-Fi не работает, смс-ка не пришла')).toEqual(['wi-fi', 'не', 'работает', 'смс-ка', 'не', 'пришла']);
  });
});
