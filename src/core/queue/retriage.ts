// Re-triage: a customer waiting for a person writes again, and what they write is read like a first message. New
// reasons are added, the priority and SLA only ever tighten (a calm follow-up never lowers them), the summary keeps
// what they added, and the customer is told briefly that it reached their request. Runtime: any.
import type { HandoffReason } from '../conversation/conversation.ts';
import type { Emotion } from '../handoff/emotion.ts';
import type { HandoffAssessment } from '../handoff/handoff-policy.ts';
import type { SensitiveMatch } from '../handoff/sensitive.ts';
import type { Lang } from '../text/lang.ts';
import { priorityOf, priorityScore, slaDeadline } from './priority.ts';
import type { QueueSettings } from './queue-settings.ts';
import type { Priority, Ticket, TicketSummary } from './ticket.ts';

/** What a re-triage changes on the ticket. */
export interface TicketTriage {
  readonly reasons: readonly HandoffReason[];
  readonly signals: Readonly<Record<string, unknown>>;
  readonly priority: Priority;
  readonly priorityScore: number;
  readonly slaDueAt: string;
  readonly summary: TicketSummary;
}

export interface Retriage {
  readonly triage: TicketTriage;
  readonly added: readonly HandoffReason[];
  /** The priority rose (and with it, possibly, the SLA deadline came closer). */
  readonly raised: boolean;
}

const RANK: Readonly<Record<Priority, number>> = { low: 0, normal: 1, high: 2, urgent: 3 };
/** Reasons a waiting customer's message can add; a loop is the bot's, and nobody is answering them automatically. */
const ADDABLE: ReadonlySet<HandoffReason> = new Set(['emotion', 'human_request', 'sensitive']);
const KEPT_ANSWERS = 5;

const emotionOf = (signals: Readonly<Record<string, unknown>>): Emotion | undefined => {
  const emotion = signals['emotion'];
  return typeof emotion === 'object' && emotion !== null && 'intensity' in emotion ? (emotion as Emotion) : undefined;
};

export function retriage(input: {
  readonly ticket: Ticket;
  readonly assessment: HandoffAssessment;
  readonly text: string;
  readonly now: Date;
  readonly settings: QueueSettings;
}): Retriage {
  const { ticket, assessment, now, settings } = input;
  const added = assessment.reasons.filter((reason) => ADDABLE.has(reason) && !ticket.reasons.includes(reason));
  const reasons = [...ticket.reasons, ...added];
  const before = emotionOf(ticket.signals);
  const emotion =
    before === undefined || assessment.signals.emotion.intensity > before.intensity
      ? assessment.signals.emotion
      : before;
  const earlierSensitive = Array.isArray(ticket.signals['sensitive'])
    ? (ticket.signals['sensitive'] as SensitiveMatch[])
    : [];
  const sensitive = [
    ...earlierSensitive,
    ...assessment.signals.sensitive.filter((match) => !earlierSensitive.some((known) => known.kind === match.kind)),
  ];
  const signals = {
    ...ticket.signals,
    emotion,
    sensitive,
    humanRequest: ticket.signals['humanRequest'] ?? assessment.signals.humanRequest ?? null,
  };
  // A ticket grouped as a flood stays at the back: its source's claims do not rise by repetition.
  const score =
    ticket.groupedWith !== null
      ? ticket.priorityScore
      : Math.max(
          ticket.priorityScore,
          priorityScore({
            reasons,
            signals: { emotion, sensitive, humanRequest: undefined },
            plan: ticket.customer.plan,
          }),
        );
  const candidate = priorityOf(score);
  const priority = RANK[candidate] > RANK[ticket.priority] ? candidate : ticket.priority;
  const raised = priority !== ticket.priority;
  const tighter = slaDeadline(now, priority, settings.sla).toISOString();
  const slaDueAt = raised && tighter < ticket.slaDueAt ? tighter : ticket.slaDueAt;
  const summary: TicketSummary = {
    ...ticket.summary,
    customerAnswered: [...ticket.summary.customerAnswered, input.text.trim()].slice(-KEPT_ANSWERS),
    openQuestions: input.text.includes('?')
      ? [...ticket.summary.openQuestions, input.text.trim()].slice(-KEPT_ANSWERS)
      : ticket.summary.openQuestions,
    mood: { label: emotion.label, intensity: emotion.intensity },
  };
  return { triage: { reasons, signals, priority, priorityScore: score, slaDueAt, summary }, added, raised };
}

/** The brief acknowledgement a waiting customer gets, in their language. */
export function retriageNotice(lang: Lang, escalated: boolean): string {
  if (lang === 'en')
    return escalated
      ? "I've added this to your request and marked it as urgent; a specialist will see it first."
      : "I've added this to your request; a specialist will see it.";
  return escalated
    ? 'Я добавил это к Вашему обращению и отметил его как срочное: специалист увидит его в первую очередь.'
    : 'Я добавил это к Вашему обращению, специалист его увидит.';
}
