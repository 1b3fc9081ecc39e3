import { describe, expect, it } from 'vitest';
import { cyrillicKeysToLatin, latinKeysToCyrillic } from './keyboard-layout.ts';
import { readsAsRussian } from './language.ts';
import { toCyrillic } from './transliterate.ts';

describe('keyboard layout', () => {
  it('reads Latin keys as the Russian layout and back', () => {
    expect(latinKeysToCyrillic('jnrk.xbnm')).toBe('отключить');
    expect(latinKeysToCyrillic('ghbdtn')).toBe('привет');
    expect(cyrillicKeysToLatin('цшаш')).toBe('wifi');
    expect(latinKeysToCyrillic('wi-fi')).toBeUndefined();
  });
});

describe('readsAsRussian', () => {
  const vocabulary = new Set(['как', 'тариф', 'отключить', 'автоплатеж', 'change', 'plan', 'my', 'how', 'do', 'i']);
  const known = (word: string) => vocabulary.has(word);
  const readings = { transliterate: toCyrillic, layout: latinKeysToCyrillic };

  it('takes transliterated Russian and the wrong layout for Russian, and English for English', () => {
    expect(readsAsRussian('kak tarif', known, readings)).toBe(true);
    expect(readsAsRussian('rfr jnrk.xbnm fdnjgkfnt;', known, readings)).toBe(true);
    expect(readsAsRussian('how do I change my plan', known, readings)).toBe(false);
  });
});
