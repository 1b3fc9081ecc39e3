// Russian/English language detection for one message. Runtime: any.
import type { Lang } from './lang.ts';

/**
 * Detects the language of a customer message by script: Cyrillic letters mean Russian even when
 * product names are written in Latin. Returns `fallback` when the text has no letters at all.
 */
export function detectLanguage(text: string, fallback: Lang = 'en'): Lang {
  let cyrillic = 0;
  let latin = 0;
  for (const char of text) {
    if (/[\u0400-\u04ff]/.test(char)) cyrillic += 1;
    else if (/[a-zA-Z]/.test(char)) latin += 1;
  }
  if (cyrillic === 0 && latin === 0) return fallback;
  return cyrillic * 2 >= latin ? 'ru' : 'en';
}
