// Every text the bot says to a customer, composed in one place from the phrase banks (phrases.ts): the frame
// of an answer, a clarifying question, a handoff, the queue notice and the after-hours notice. The article's
// own words come from answer-extract.ts and a model's from the LLM composer. Runtime: any.
import type { HandoffReason } from '../conversation/conversation.ts';
import type { QueueSettings } from '../queue/queue-settings.ts';
import { isOpen, nextOpening } from '../queue/working-hours.ts';
import type { Lang } from '../text/lang.ts';
import {
  ABSENT_NOTICE,
  ACKNOWLEDGE,
  AFTER_HOURS_NOTICE,
  APOLOGIZE,
  CLARIFY,
  CLARIFY_CLOSING,
  CLARIFY_VAGUE,
  CLOSING,
  CONTINUATION,
  EMOTION_HANDOFF,
  GREETING,
  GREETING_NAMED,
  HUMAN_REQUESTED,
  IF_NOT_HELPED_DEFAULT,
  LOOP_HANDOFF,
  MORE_IN_ARTICLE,
  OUT_OF_SCOPE,
  PIPELINE_ERROR,
  QUEUE_NOTICE,
  RISK_NOTICE,
  SENSITIVE,
  phrase,
} from './phrases.ts';

/** Varies the wording between turns, deterministically. */
interface Voice {
  readonly lang: Lang;
  readonly seed: number;
}

/** "Hello" (by name when known) on the bot's first reply of a conversation; nothing later. */
export function greetingText(
  voice: Voice & { readonly firstReply: boolean; readonly name?: string | undefined },
): string {
  if (!voice.firstReply) return '';
  return voice.name === undefined
    ? phrase(GREETING, voice.lang, voice.seed)
    : phrase(GREETING_NAMED, voice.lang, voice.seed, { name: voice.name });
}

/** The parts of an answer around the article's words: they are the bot's own, never checked against the article. */
export interface AnswerFrame {
  /** Greeting and acknowledgement (or apology), or the bridge after a model's verified start. */
  readonly opening: readonly string[];
  /** What the question names that the knowledge base does not cover, said plainly. */
  readonly absent: readonly string[];
  /** A pointer to the whole article when the answer is a part of it. */
  readonly more: string;
  /** What to do if it does not help: a person, right here. Empty in an agent's draft. */
  readonly ifNotHelped: string;
  readonly closing: string;
}

export function answerFrame(
  voice: Voice & {
    readonly firstReply: boolean;
    readonly name?: string | undefined;
    readonly problem: boolean;
    readonly continuation: boolean;
    readonly absent: readonly string[];
    readonly draft: boolean;
    /** The article's link or title, when the answer is only part of it. */
    readonly moreIn?: string | undefined;
  },
): AnswerFrame {
  const { lang, seed } = voice;
  const opening = voice.continuation
    ? [phrase(CONTINUATION, lang, seed)]
    : [greetingText(voice), phrase(voice.problem ? APOLOGIZE : ACKNOWLEDGE, lang, seed)].filter((part) => part !== '');
  const absent =
    voice.absent.length === 0
      ? []
      : [phrase(ABSENT_NOTICE, lang, seed, { term: voice.absent.join(lang === 'ru' ? '», «' : ', ') })];
  return {
    opening,
    absent,
    more: voice.moreIn === undefined ? '' : phrase(MORE_IN_ARTICLE, lang, seed, { link: voice.moreIn }),
    // If it does not help, the customer can have a person right here: no other channel to go and find. An
    // agent's draft is already written by that person.
    ifNotHelped: voice.draft ? '' : phrase(IF_NOT_HELPED_DEFAULT, lang, seed),
    closing: phrase(CLOSING, lang, seed),
  };
}

/** "Which of these did you mean?" with numbered titles, or "could you say more?" for a vague message. */
export function clarifyText(
  voice: Voice & { readonly greeting: string; readonly vague: boolean; readonly titles: readonly string[] },
): string {
  const { lang, seed } = voice;
  const lines = [voice.greeting, phrase(voice.vague ? CLARIFY_VAGUE : CLARIFY, lang, seed)];
  if (voice.titles.length > 0)
    lines.push(
      voice.titles.map((title, index) => `${index + 1}. ${title}`).join('\n'),
      phrase(CLARIFY_CLOSING, lang, seed),
    );
  return lines.filter((line) => line !== '').join('\n');
}

const HANDOFF_BODIES = {
  error: PIPELINE_ERROR,
  sensitive: SENSITIVE,
  low_confidence: OUT_OF_SCOPE,
  human_request: HUMAN_REQUESTED,
  emotion: EMOTION_HANDOFF,
  loop: LOOP_HANDOFF,
} as const satisfies Record<HandoffReason, unknown>;

/** Why a specialist takes over, after a safety notice when the message spoke of a risk to someone. */
export function handoffText(
  voice: Voice & { readonly greeting: string; readonly reason: HandoffReason; readonly risk: boolean },
): string {
  const { lang, seed } = voice;
  return [
    voice.greeting,
    voice.risk ? phrase(RISK_NOTICE, lang, seed) : '',
    phrase(HANDOFF_BODIES[voice.reason], lang, seed),
  ]
    .filter((part) => part !== '')
    .join(' ');
}

export interface QueueStanding {
  readonly position: number;
  /** Expected minutes until a specialist answers, within working hours. */
  readonly expectedWaitMinutes: number;
  /** When specialists are back, if the service is outside its working hours now. */
  readonly opensAt?: string | undefined;
}

export function queueStanding(position: number, now: Date, settings: QueueSettings): QueueStanding {
  const { hours } = settings;
  const opening = hours !== undefined && !isOpen(hours, now) ? nextOpening(hours, now) : undefined;
  const expectedWaitMinutes = Math.max(2, Math.round(position * settings.minutesPerTicket));
  return opening === undefined
    ? { position, expectedWaitMinutes }
    : { position, expectedWaitMinutes, opensAt: opening.toISOString() };
}

/** "You are number N in the queue…" within working hours; "specialists reply after …" outside them. */
export function queueNotice(input: {
  lang: Lang;
  position: number;
  now: Date;
  settings: QueueSettings;
  seed: number;
}): string {
  const standing = queueStanding(input.position, input.now, input.settings);
  const { hours } = input.settings;
  if (standing.opensAt !== undefined && hours !== undefined) {
    const format = new Intl.DateTimeFormat(input.lang === 'ru' ? 'ru-RU' : 'en-GB', {
      timeZone: hours.timeZone,
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    return phrase(AFTER_HOURS_NOTICE, input.lang, input.seed, {
      time: format.format(new Date(standing.opensAt)),
      zone: hours.timeZone,
    });
  }
  return phrase(QUEUE_NOTICE, input.lang, input.seed, {
    position: String(input.position),
    minutes: String(standing.expectedWaitMinutes),
  });
}

/** A handoff reply as the customer reads it: the reason, then where they stand in the queue. */
export const withQueueNotice = (handoff: string, notice: string) => `${handoff} ${notice}`;

/** What the customer reads when a specialist hands the conversation back to the bot: nobody goes silent on them. */
export function handBackText(lang: Lang): string {
  return lang === 'en'
    ? 'The specialist has handed our conversation back to me, and I am here to help. If you need a person again, just say so.'
    : 'Специалист вернул наш разговор мне, я на связи и готов помочь. Если снова понадобится специалист, просто напишите об этом.';
}
