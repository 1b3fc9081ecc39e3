// Follow-ups: a short or elliptical message ("а если не пришло?") is retrieved with the previous question as
// context. Runtime: any.
import type { Message } from '../conversation/conversation.ts';
import { normalize } from '../text/normalize.ts';
import { alternatives } from '../text/pattern.ts';
import { contentTerms } from '../text/terms.ts';

/** Words that open a continuation: «а если…», «и ещё…», "what about…". */
const MARKER_WORDS = [
  'а|и|но|тогда|еще|ещё|также',
  'а если|а что|а как|а можно|а сколько|а где|а когда|а куда',
  'and|but|also|then|what if|what about|how about',
  'and if|and what|and how|ok and|okay and|so',
];
const MARKERS = new RegExp(String.raw`^(?:${alternatives(MARKER_WORDS)})(?![\p{L}])`, 'u');
/** Words that point back at something said before: «он», «это», «там», "it", "that", "there". */
const PRONOUN_WORDS = [
  'он|она|оно|они|его|ее|её|их',
  'этот|эта|это|этого|этой|тот|такой|там|туда',
  'it|its|this|that|these|those|there|them|one',
];
const PRONOUNS = new RegExp(String.raw`(?<!\p{L})(?:${alternatives(PRONOUN_WORDS)})(?!\p{L})`, 'u');

/** Words that ask for help without naming a subject. */
const GENERIC = new Set([
  'проблем',
  'вопрос',
  'помощ',
  'помог',
  'help',
  'problem',
  'issu',
  'question',
  'support',
  'поддержк',
  'нужн',
  'need',
  'ест',
]);

/** True when the message names no subject at all ("help!", «у меня вопрос»). */
export function isVague(text: string): boolean {
  return contentTerms(text).filter((term) => !GENERIC.has(term) && !/^\d+$/.test(term)).length === 0;
}

/** True when the message reads as a continuation of the previous question. */
export function isFollowUp(text: string): boolean {
  const normalized = normalize(text).trim();
  return MARKERS.test(normalized) || PRONOUNS.test(normalized) || contentTerms(text).length <= 2;
}

/** The previous customer message to use as retrieval context, when the new one is a follow-up. */
export function followUpContext(history: readonly Message[], text: string): string | undefined {
  if (!isFollowUp(text)) return undefined;
  const previous = [...history]
    .reverse()
    .find((message) => message.role === 'customer' && message.text.trim() !== text.trim());
  return previous?.text;
}
