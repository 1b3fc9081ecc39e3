// Recognises the sentences that need no source: house-style courtesy (greeting, thanks, offer of help) and
// the bot's own phrase book (acknowledgements, "if this doesn't help, write here…"). Runtime: any.
import { normalize } from '../text/normalize.ts';
import * as phrases from './phrases.ts';

const COURTESY = [
  /^(?:здравствуйте|добрый\s+(?:день|вечер|утро)|доброе\s+утро|приветствую|hello|hi|hey|good\s+(?:morning|afternoon|evening))(?:[\s,!.]|$)/u,
  /(?<!\p{L})(?:спасибо|благодар\p{L}*|был\p{L}*\s+рад\p{L}*\s+помочь|рад\p{L}*\s+помочь|обращайтесь|пишите|на\s+связи|thank\p{L}*|happy\s+to\s+help|glad\s+to\s+help|let\s+me\s+know|feel\s+free|any\s+other\s+questions?|anything\s+else)(?!\p{L})/u,
  /(?<!\p{L})(?:понимаю|извините|сожалею|приношу\s+извинения|sorry|i\s+understand|apologi[sz]e)(?!\p{L})/u,
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every sentence of the phrase book as a pattern; a `{placeholder}` matches any text. */
const PHRASE_BOOK: readonly RegExp[] = Object.values(phrases)
  .filter((value): value is Readonly<Record<'ru' | 'en', readonly string[]>> => typeof value === 'object' && value !== null && 'ru' in value)
  .flatMap((variants) => [...variants.ru, ...variants.en])
  .flatMap((template) => normalize(template).split(/(?<=[.!?…:])\s+/u))
  // A sentence that is mostly placeholder ("{text}.") says nothing of its own: it is checked like any other.
  .filter((sentence) => (sentence.replace(/\{[a-z]+\}/gu, '').match(/\p{L}/gu)?.length ?? 0) >= 8)
  .map((sentence) => new RegExp(`^${sentence.split(/\{[a-z]+\}/u).map(escape).join('.+?')}$`, 'u'));

/** True for one of the bot's own phrase-book sentences, whatever filled its placeholders. */
export function isPhraseBook(sentence: string): boolean {
  const text = normalize(sentence).trim();
  return PHRASE_BOOK.some((pattern) => pattern.test(text));
}

/** True for a phrase-book sentence, or one with no digits that only greets, thanks, apologises or offers more help. */
export function isCourtesy(sentence: string): boolean {
  if (isPhraseBook(sentence)) return true;
  if (/\d/.test(sentence)) return false;
  const text = normalize(sentence).trim();
  return text.length <= 160 && COURTESY.some((pattern) => pattern.test(text));
}
