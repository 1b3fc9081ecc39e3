// Ticket priority from the handoff reasons, emotion intensity and customer plan; SLA deadline per priority. Runtime: any.
import type { HandoffReason } from '../conversation/conversation.ts';
import type { HandoffSignals } from '../handoff/handoff-policy.ts';
import type { Priority } from './ticket.ts';

/** Minutes to the first human response, per priority. */
export type SlaMinutes = Readonly<Record<Priority, number>>;
export const DEFAULT_SLA_MINUTES: SlaMinutes = { urgent: 15, high: 60, normal: 240, low: 1440 };

const REASON_SCORE: Record<HandoffReason, number> = {
  sensitive: 60,
  emotion: 40,
  human_request: 35,
  loop: 35,
  error: 35,
  low_confidence: 25,
};
const PLAN_BONUS: Record<string, number> = { business: 20, бизнес: 20, maximum: 10, максимум: 10 };

export interface PriorityInput {
  readonly reasons: readonly HandoffReason[];
  readonly signals?: HandoffSignals | undefined;
  readonly plan?: string | undefined;
}

/** Score in [0, 100+]: the highest reason, plus emotion intensity, plus plan; risk to a person is always urgent. */
export function priorityScore(input: PriorityInput): number {
  const base = Math.max(0, ...input.reasons.map((reason) => REASON_SCORE[reason]));
  const emotion = (input.signals?.emotion.intensity ?? 0) * 30;
  const plan = PLAN_BONUS[(input.plan ?? '').trim().toLowerCase()] ?? 0;
  const risk = input.signals?.sensitive.some((match) => match.kind === 'risk') === true ? 100 : 0;
  return Math.round(Math.max(base + emotion + plan, risk));
}

export function priorityOf(score: number): Priority {
  if (score >= 80) return 'urgent';
  if (score >= 55) return 'high';
  if (score >= 35) return 'normal';
  return 'low';
}

export function slaDeadline(createdAt: Date, priority: Priority, sla: SlaMinutes = DEFAULT_SLA_MINUTES): Date {
  return new Date(createdAt.getTime() + sla[priority] * 60_000);
}

/** Parses `urgent:15,high:60,normal:240,low:1440`; missing priorities keep their defaults. */
export function parseSlaMinutes(text: string): SlaMinutes {
  const result: Record<Priority, number> = { ...DEFAULT_SLA_MINUTES };
  for (const part of text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const [name, minutes] = part.split(':').map((entry) => entry.trim());
    if (name === undefined || !(name in result))
      throw new Error(`unknown priority "${name ?? ''}" (use urgent, high, normal, low)`);
    const value = Number(minutes);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`SLA for ${name} must be a positive number of minutes`);
    result[name as Priority] = value;
  }
  return result;
}

/**
 * A conversation handed back to the bot and then off again starts where its earlier ticket stood: never below that
 * ticket's priority (its SLA counted afresh from now).
 */
export function keepEarlierPriority<T extends { priority: Priority; priorityScore: number; slaDueAt: string }>(
  ticket: T,
  earlier: { readonly priority: Priority; readonly priorityScore: number } | undefined,
  now: Date,
  sla: SlaMinutes = DEFAULT_SLA_MINUTES,
): T {
  if (earlier === undefined || earlier.priorityScore <= ticket.priorityScore) return ticket;
  const priority = priorityOf(earlier.priorityScore);
  return {
    ...ticket,
    priority,
    priorityScore: earlier.priorityScore,
    slaDueAt: slaDeadline(now, priority, sla).toISOString(),
  };
}
