// Builds the ticket a handoff opens (priority, SLA, summary, signals) and the notice the customer reads:
// position in the queue and expected wait, or when specialists are back. Runtime: any.
import type { Conversation, Message } from '../conversation/conversation.ts';
import type { HandoffSignals } from '../handoff/handoff-policy.ts';
import { extractiveSummary } from '../handoff/summary.ts';
import type { NewTicket } from '../ports/ticket-store.ts';
import type { Reply } from '../ports/reply-generator.ts';
import { AFTER_HOURS_NOTICE, QUEUE_NOTICE, phrase } from '../reply/phrases.ts';
import type { Lang } from '../text/lang.ts';
import { priorityOf, priorityScore, slaDeadline } from './priority.ts';
import type { QueueSettings } from './queue-settings.ts';
import type { TicketSummary } from './ticket.ts';
import { isOpen, nextOpening } from './working-hours.ts';

export const NEUTRAL = { label: 'neutral', intensity: 0, signals: [] } as const;

export function newTicket(input: { id: string; conversation: Conversation; transcript: readonly Message[]; reply: Reply; now: Date; settings: QueueSettings; summary?: TicketSummary }): NewTicket {
  const signals: HandoffSignals | undefined = input.reply.signals;
  const reasons = input.reply.meta.reasons ?? ['low_confidence'];
  const score = priorityScore({ reasons, signals, plan: input.conversation.customer.plan });
  const priority = priorityOf(score);
  return {
    id: input.id,
    group: input.settings.defaultGroup,
    priority,
    priorityScore: score,
    reasons,
    signals: {
      emotion: signals?.emotion ?? NEUTRAL,
      humanRequest: signals?.humanRequest ?? null,
      sensitive: signals?.sensitive ?? [],
      loop: signals?.loop ?? null,
      confidence: input.reply.meta.confidence,
      lang: input.reply.meta.lang,
    },
    summary: input.summary ?? extractiveSummary(input.transcript, signals?.emotion ?? NEUTRAL),
    slaDueAt: slaDeadline(input.now, priority, input.settings.sla).toISOString(),
  };
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
  return opening === undefined ? { position, expectedWaitMinutes } : { position, expectedWaitMinutes, opensAt: opening.toISOString() };
}

/** "You are number N in the queue…" within working hours; "specialists reply after …" outside them. */
export function queueNotice(input: { lang: Lang; position: number; now: Date; settings: QueueSettings; seed: number }): string {
  const standing = queueStanding(input.position, input.now, input.settings);
  const { hours } = input.settings;
  if (standing.opensAt !== undefined && hours !== undefined) {
    const time = new Intl.DateTimeFormat(input.lang === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: hours.timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(standing.opensAt));
    return phrase(AFTER_HOURS_NOTICE, input.lang, input.seed, { time, zone: hours.timeZone });
  }
  return phrase(QUEUE_NOTICE, input.lang, input.seed, { position: String(input.position), minutes: String(standing.expectedWaitMinutes) });
}
