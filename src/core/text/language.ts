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

/**
 * For a message in Latin letters: whether it reads better as Russian, transliterated («kak pomenyat tarif»)
 * or typed in the English layout («rfr jnrk.xbnm»), than as English. Each word counts for the reading in
 * which it is a known word (`known` says whether the knowledge base or the stop-word list has it).
 */
export function readsAsRussian(
  text: string,
  known: (word: string) => boolean,
  readings: { transliterate: (word: string) => string; layout: (word: string) => string | undefined },
): boolean {
  let english = 0;
  let russian = 0;
  for (const typed of text.split(/\s+/u)) {
    const word = typed.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
    if (word.length < 2 || !/^[a-z'.;,[\]-]+$/.test(typed.toLowerCase().replace(/[!?]+$/, ''))) continue;
    if (known(word)) english += 1;
    const layout = readings.layout(typed.replace(/[!?]+$/, ''));
    if (known(readings.transliterate(word)) || (layout !== undefined && known(layout))) russian += 1;
  }
  return russian > english;
}
