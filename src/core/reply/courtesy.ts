// Recognises the sentences that need no source: house-style courtesy (greeting, thanks, offer of help) and
// the bot's own phrase book (acknowledgements, "if this doesn't help, write here…"). Runtime: any.
import { normalize } from '../text/normalize.ts';
import { alternatives } from '../text/pattern.ts';
import * as phrases from './phrases.ts';

/** Greetings that open a sentence: «здравствуйте», «добрый день», "good morning". */
const GREETINGS = [
  String.raw`здравствуйте|добрый\s+(?:день|вечер|утро)|доброе\s+утро|приветствую`,
  String.raw`hello|hi|hey|good\s+(?:morning|afternoon|evening)`,
];
/** Thanks and offers of more help: «спасибо», «обращайтесь», "happy to help", "anything else". */
const THANKS_AND_OFFERS = [
  String.raw`спасибо|благодар\p{L}*|был\p{L}*\s+рад\p{L}*\s+помочь|рад\p{L}*\s+помочь`,
  String.raw`обращайтесь|пишите|на\s+связи`,
  String.raw`thank\p{L}*|happy\s+to\s+help|glad\s+to\s+help|let\s+me\s+know|feel\s+free`,
  String.raw`any\s+other\s+questions?|anything\s+else`,
];

const COURTESY = [
  new RegExp(String.raw`^(?:${alternatives(GREETINGS)})(?:[\s,!.]|$)`, 'u'),
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(THANKS_AND_OFFERS)})(?!\p{L})`, 'u'),
  /(?<!\p{L})(?:понимаю|извините|сожалею|приношу\s+извинения|sorry|i\s+understand|apologi[sz]e)(?!\p{L})/u,
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every sentence of the phrase book as a pattern; a `{placeholder}` matches any text. */
const PHRASE_BOOK: readonly RegExp[] = Object.values(phrases)
  .filter(
    (value): value is Readonly<Record<'ru' | 'en', readonly string[]>> =>
      typeof value === 'object' && value !== null && 'ru' in value,
  )
  .flatMap((variants) => [...variants.ru, ...variants.en])
  .flatMap((template) => normalize(template).split(/(?<=[.!?…:])\s+/u))
  // A sentence that is mostly placeholder ("{text}.") says nothing of its own: it is checked like any other.
  .filter((sentence) => (sentence.replace(/\{[a-z]+\}/gu, '').match(/\p{L}/gu)?.length ?? 0) >= 8)
  .map(
    (sentence) =>
      new RegExp(
        `^${sentence
          .split(/\{[a-z]+\}/u)
          .map(escape)
          .join('.+?')}$`,
        'u',
      ),
  );

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
