// Loops: after the bot has answered, the customer says it did not help, or asks the same thing again. Runtime: any.
import type { Message } from '../conversation/conversation.ts';
import { normalize } from '../text/normalize.ts';
import { contentTerms } from '../text/terms.ts';

const DID_NOT_HELP = new RegExp(
  [
    '(?<!\\p{L})не\\s+(?:помогл|помог|сработал|работает|получилось|получается|вышло)',
    'вс[её]\\s+(?:равно|так\\s+же|также|еще)\\s+(?:не|нет)',
    'по-прежнему\\s+(?:не|нет)',
    '(?:я\\s+)?(?:уже\\s+)?(?:это\\s+|так\\s+|все\\s+это\\s+)?(?:делал|делала|пробовал|пробовала|перезагружал|перезагружала|сделал|сделала)(?:\\s+уже)?',
    'вы\\s+(?:уже\\s+|это\\s+){0,2}(?:писали|говорили|отвечали|советовали)',
    'ne\\s+(?:pomoglo|pomog|rabotaet|srabotalo)',
    'то\\s+же\\s+самое',
    'опять\\s+(?:то\\s+же|одно\\s+и\\s+то\\s+же)',
    'бесполезн',
    'не\\s+(?:ответ|то)\\s+на\\s+(?:мой\\s+)?вопрос',
    'вы\\s+не\\s+ответил',
    '(?:уже\\s+)?(?:проверял|проверила|проверил|смотрел|смотрела)(?:\\s+уже)?',
    "not\\s+what\\s+i\\s+asked",
    "(?:doesn'?t|does\\s+not|didn'?t)\\s+answer",
    'still\\s+(?:not|missing|no|the\\s+same|broken|down|orange|red|blinking|closed|shows|showing|doesn|isn|can|won|says|stuck|off)',
    '(?:restarted|rebooted|reset|tried|did|checked|followed|done)\\s+(?:it|that|this|those|the\\s+steps|your\\s+steps|everything)?[^.!?]{0,20}already',
    'followed\\s+(?:those|the|your|all\\s+the)\\s+(?:steps|instructions)',
    'already\\s+(?:checked|tried|did|done|restarted|rebooted|reset)',
    '(?:like|as)\\s+you\\s+(?:said|told|suggested)',
    '(?:как|что)\\s+вы\\s+(?:сказали|написали|советовали)',
    "(?<!\\p{L})(?:that|this|it)\\s+(?:didn'?t|did\\s+not|doesn'?t|does\\s+not|won'?t)\\s+(?:help|work)",
    "(?<!\\p{L})(?:didn'?t|did\\s+not|doesn'?t|does\\s+not)\\s+(?:help|work)",
    "still\\s+(?:not\\s+working|doesn'?t|does\\s+not|isn'?t|no\\s+)",
    'i\\s+(?:already|have\\s+already|\'ve\\s+already)\\s+(?:tried|done|did|restarted|reset)',
    "(?:already|i've)\\s+tried\\s+(?:that|this|it|everything)",
    'you\\s+(?:already|just)\\s+(?:said|told|sent)',
    'same\\s+(?:answer|thing|reply)',
    'not\\s+helpful|useless\\s+answer',
  ].join('|'),
  'u',
);

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
  if (DID_NOT_HELP.test(normalize(text))) return { matched: true, kind: 'did-not-help' };
  const terms = contentTerms(text);
  if (terms.length < 2) return { matched: false };
  const repeated = history.some((message, index) => message.role === 'customer' && history.slice(index + 1).some((later) => later.role === 'bot') && similarity(contentTerms(message.text), terms) >= 0.75);
  return repeated ? { matched: true, kind: 'repeated-question' } : { matched: false };
}
