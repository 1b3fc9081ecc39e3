// Recognises the house-style courtesy sentences (greeting, thanks, offer of help) that need no source. Runtime: any.
import { normalize } from '../text/normalize.ts';

const COURTESY = [
  /^(?:здравствуйте|добрый\s+(?:день|вечер|утро)|доброе\s+утро|приветствую|hello|hi|hey|good\s+(?:morning|afternoon|evening))(?:[\s,!.]|$)/u,
  /(?<!\p{L})(?:спасибо|благодар\p{L}*|был\p{L}*\s+рад\p{L}*\s+помочь|рад\p{L}*\s+помочь|обращайтесь|пишите|на\s+связи|thank\p{L}*|happy\s+to\s+help|glad\s+to\s+help|let\s+me\s+know|feel\s+free|any\s+other\s+questions?|anything\s+else)(?!\p{L})/u,
  /(?<!\p{L})(?:понимаю|извините|сожалею|приношу\s+извинения|sorry|i\s+understand|apologi[sz]e)(?!\p{L})/u,
];

/** True for a sentence with no digits that only greets, thanks, apologises or offers more help. */
export function isCourtesy(sentence: string): boolean {
  if (/\d/.test(sentence)) return false;
  const text = normalize(sentence).trim();
  return text.length <= 160 && COURTESY.some((pattern) => pattern.test(text));
}
