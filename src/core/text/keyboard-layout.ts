// Text typed with the wrong keyboard layout («rfr jnrk.xbnm» for «как отключить», "цшаш" for "wifi"): the
// same keys read in the other layout. Runtime: any.

const LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const CYRILLIC = 'йцукенгшщзхъфывапролджэячсмитьбюё';

const TO_CYRILLIC = new Map([...LATIN].map((char, index) => [char, CYRILLIC[index] as string]));
const TO_LATIN = new Map([...CYRILLIC].map((char, index) => [char, LATIN[index] as string]));

/** A word of Latin keys read as the Russian layout, or undefined when a key has no Russian letter. */
export function latinKeysToCyrillic(word: string): string | undefined {
  let result = '';
  for (const char of word.toLowerCase()) {
    const mapped = TO_CYRILLIC.get(char);
    if (mapped === undefined) return undefined;
    result += mapped;
  }
  return result;
}

/** A word of Russian keys read as the Latin layout, or undefined when a key has no Latin letter. */
export function cyrillicKeysToLatin(word: string): string | undefined {
  let result = '';
  for (const char of word.toLowerCase()) {
    const mapped = TO_LATIN.get(char);
    if (mapped === undefined) return undefined;
    result += mapped;
  }
  return /[a-z]/.test(result) ? result.replace(/[^a-z0-9'-]/g, '') : undefined;
}

/** The message's words as typed (split on spaces only: `.` `;` `,` `[` are letters in the other layout). */
export function typedWords(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word.length > 0);
}
