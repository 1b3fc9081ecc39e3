// Loops: after the bot has answered, the customer says it did not help, or asks the same thing again. Runtime: any.
import type { Message } from '../conversation/conversation.ts';
import { normalize } from '../text/normalize.ts';
import { alternatives } from '../text/pattern.ts';
import { contentTerms } from '../text/terms.ts';

/** «делал», «пробовала», «перезагружал», «проверила»: the customer has already done it. */
const DID_RU = 'делал|делала|пробовал|пробовала|перезагружал|перезагружала|сделал|сделала|проверял|проверила|проверил';
/** "still not", "still blinking", "still says"… */
const STILL = [
  'not|missing|no|the\\s+same|broken|down|orange|red|blinking|closed',
  'shows|showing|doesn|isn|can|won|says|stuck|off',
];

/** Says the answer did not help, whatever else the message contains. */
const DID_NOT_HELP = new RegExp(
  [
    '(?<!\\p{L})не\\s+(?:помогл|помог|сработал)',
    'вс[её]\\s+(?:равно|так\\s+же|также|еще)\\s+(?:не|нет)',
    'по-прежнему\\s+(?:не|нет)',
    'так\\s+и\\s+не\\s+',
    `(?:я\\s+)?(?:уже\\s+)(?:это\\s+|так\\s+|все\\s+это\\s+)?(?:${DID_RU}|смотрел|смотрела)`,
    '(?:я\\s+)?(?:это\\s+|так\\s+|все\\s+это\\s+)(?:делал|делала|пробовал|пробовала|сделал|сделала)(?:\\s+уже)?',
    `(?:${DID_RU})\\s+уже`,
    'вы\\s+(?:уже\\s+|это\\s+){0,2}(?:писали|говорили|отвечали|советовали)',
    'ne\\s+(?:pomoglo|pomog|srabotalo)',
    'то\\s+же\\s+самое',
    'опять\\s+(?:то\\s+же|одно\\s+и\\s+то\\s+же)',
    'бесполезн',
    'не\\s+(?:ответ|то)\\s+на\\s+(?:мой\\s+)?вопрос',
    'вы\\s+не\\s+ответил',
    '(?:как|что)\\s+вы\\s+(?:сказали|написали|советовали)',
    "(?<!\\p{L})(?:that|this|it)\\s+(?:didn'?t|did\\s+not|won'?t)\\s+(?:help|work)",
    "(?<!\\p{L})(?:didn'?t|did\\s+not)\\s+(?:help|work)",
    "(?<!\\p{L})(?:that|this|it)\\s+(?:doesn'?t|does\\s+not)\\s+(?:help|work)",
    `still\\s+(?:${alternatives(STILL)})`,
    "i\\s+(?:already|have\\s+already|'ve\\s+already)\\s+(?:tried|done|did|restarted|reset|checked)",
    "(?:already|i've)\\s+tried\\s+(?:that|this|it|everything)",
    'already\\s+(?:checked|tried|did|done|restarted|rebooted|reset)',
    '(?:restarted|rebooted|reset|tried|did|checked|followed|done)' +
      '\\s+(?:it|that|this|those|the\\s+steps|your\\s+steps|everything)?[^.!?]{0,20}already',
    'followed\\s+(?:those|the|your|all\\s+the)\\s+(?:steps|instructions)',
    '(?:like|as)\\s+you\\s+(?:said|told|suggested)',
    'you\\s+(?:already|just)\\s+(?:said|told|sent)',
    'same\\s+(?:answer|thing|reply)',
    'not\\s+helpful|useless\\s+answer',
    'not\\s+what\\s+i\\s+asked',
    "(?:doesn'?t|does\\s+not|didn'?t)\\s+answer",
  ].join('|'),
  'u',
);

/**
 * "It doesn't work" on its own: a loop only in a short message, else it usually opens a new problem
 * ("не работает интернет").
 */
const SHORT_FAILURE_WORDS = [
  String.raw`не\s+(?:работает|получилось|получается|вышло)`,
  String.raw`doesn'?t\s+work|does\s+not\s+work|not\s+working|ne\s+rabotaet`,
];
const SHORT_FAILURE = new RegExp(String.raw`(?<!\p{L})(?:${alternatives(SHORT_FAILURE_WORDS)})`, 'u');

export interface LoopSignal {
  readonly matched: boolean;
  readonly kind?: 'did-not-help' | 'repeated-question' | undefined;
}

function similarity(left: readonly string[], right: readonly string[]): number {
  const a = new Set(left);
  const b = new Set(right);
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

/**
 * A loop needs an earlier bot answer. Then "it did not help" in any common wording, or a question
 * whose content words mostly repeat an earlier question the bot already answered, is a loop.
 */
export function detectLoop(history: readonly Message[], text: string): LoopSignal {
  const answered = history.some((message) => message.role === 'bot');
  if (!answered) return { matched: false };
  const normalized = normalize(text);
  if (DID_NOT_HELP.test(normalized)) return { matched: true, kind: 'did-not-help' };
  if (
    SHORT_FAILURE.test(normalized) &&
    normalized.split(/\s+/).filter(Boolean).length <= 5 &&
    contentTerms(text).length <= 3
  )
    return { matched: true, kind: 'did-not-help' };
  const terms = contentTerms(text);
  if (terms.length < 2) return { matched: false };
  const repeated = history.some(
    (message, index) =>
      message.role === 'customer' &&
      history.slice(index + 1).some((later) => later.role === 'bot') &&
      similarity(contentTerms(message.text), terms) >= 0.75,
  );
  return repeated ? { matched: true, kind: 'repeated-question' } : { matched: false };
}
