// Port: writes the agent's summary of a handoff (extractive, or a model's). Runtime: any.
import type { Message } from '../conversation/conversation.ts';
import type { Emotion } from '../handoff/emotion.ts';
import type { TicketSummary } from '../queue/ticket.ts';
import type { Lang } from '../text/lang.ts';

export interface Summarizer {
  /** `requestId` names the customer request behind the handoff, for the logs. */
  summarize(transcript: readonly Message[], mood: Emotion, lang: Lang, requestId?: string): Promise<TicketSummary>;
}
