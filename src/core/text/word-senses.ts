// Words whose sense the detectors must not confuse: «плачу за интернет» is paying, not crying. Such a word,
// read in context, is replaced by an unambiguous one before the emotion signals and n-grams see it. Runtime: any.
import { alternatives } from './pattern.ts';

/** What follows «плачу» when it means paying: «за», «вам», a sum, «каждый месяц», «исправно», «вовремя». */
const PAID_FOR = [
  String.raw`за|по|вам|им|\d|деньги|исправно|каждый|ежемесячно|абонент\p{L}*`,
  String.raw`столько|больше|меньше|уже\s+\d|как|вовремя|регулярно`,
];
const PAYING = new RegExp(String.raw`(?<![\p{L}])плачу(?=\s+(?:${alternatives(PAID_FOR)}))`, 'giu');

/** The text with words in an unambiguous sense («плачу за» → «оплачиваю за»). */
export function disambiguate(text: string): string {
  return text.replace(PAYING, 'оплачиваю');
}
