// Words whose sense the detectors must not confuse: «плачу за интернет» is paying, not crying. Such a word,
// read in context, is replaced by an unambiguous one before the emotion signals and n-grams see it. Runtime: any.

const PAYING = /(?<![\p{L}])плачу(?=\s+(?:за|по|вам|им|\d|деньги|исправно|каждый|ежемесячно|абонент\p{L}*|столько|больше|меньше|уже\s+\d|как|вовремя|регулярно))/giu;

/** The text with words in an unambiguous sense («плачу за» → «оплачиваю за»). */
export function disambiguate(text: string): string {
  return text.replace(PAYING, 'оплачиваю');
}
