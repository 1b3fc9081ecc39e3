// Builds the ticket a handoff opens (priority, SLA, summary, signals) and the notice the customer reads:
// position in the queue and expected wait, or when specialists are back. Runtime: any.
import type { Conversation, Message } from '../conversation/conversation.ts';
import type { HandoffSignals } from '../handoff/handoff-policy.ts';
import { extractiveSummary } from '../handoff/summary.ts';
import type { NewTicket } from '../ports/ticket-store.ts';
import type { Reply } from '../ports/reply-generator.ts';
import { priorityOf, priorityScore, slaDeadline } from './priority.ts';
import type { QueueSettings } from './queue-settings.ts';
import type { TicketSummary } from './ticket.ts';

export const NEUTRAL = { label: 'neutral', intensity: 0, signals: [] } as const;

export function newTicket(input: {
  id: string;
  conversation: Conversation;
  transcript: readonly Message[];
  reply: Reply;
  now: Date;
  settings: QueueSettings;
  summary?: TicketSummary;
}): NewTicket {
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
