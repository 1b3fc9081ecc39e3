// Erasing a customer's data (GDPR, 152-FZ): what each record keeps once its texts are gone. Only anonymous facts
// stay (types, times, ids, scores, decisions), so the KPIs computed from the event log do not change. Runtime: any.
import type { ReplyMeta } from '../conversation/conversation.ts';
import type { TicketSummary } from '../queue/ticket.ts';

/** What every erased text reads afterwards. */
export const ERASED = '[erased]';

/** A token hash no token has (a SHA-256 hex digest never contains `:`): the conversation can no longer be opened. */
export const ERASED_TOKEN_HASH = 'erased:';

/** The summary's structure without the customer's words (or the bot's, which quote them). */
export function erasedSummary(summary: TicketSummary): TicketSummary {
  return {
    problem: ERASED,
    botSaid: [],
    citedArticles: summary.citedArticles,
    customerAnswered: [],
    mood: { label: summary.mood.label, intensity: summary.mood.intensity },
    openQuestions: [],
    source: summary.source,
  };
}

/** Handoff signals keep their measures (emotion, loop, the detectors' probabilities), never the matched words. */
export function erasedSignals(signals: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  const emotion = signals.emotion;
  if (typeof emotion === 'object' && emotion !== null) {
    const { label, intensity } = emotion as { label?: unknown; intensity?: unknown };
    kept.emotion = { label, intensity, signals: [] };
  }
  if (signals.humanRequest !== undefined) kept.humanRequest = signals.humanRequest === null ? null : ERASED;
  if (Array.isArray(signals.sensitive)) kept.sensitive = [];
  if (signals.loop !== undefined) kept.loop = signals.loop;
  if (signals.model !== undefined) kept.model = signals.model;
  if (signals.flood !== undefined) kept.flood = signals.flood;
  return kept;
}

/** A bot reply's metadata keeps the decision and its citations; the model's own text and quoted claims go. */
export function erasedReply(reply: ReplyMeta): ReplyMeta {
  const { verification, ...rest } = reply;
  if (verification === undefined) return rest;
  const { modelReply: _modelReply, ...check } = verification;
  return { ...rest, verification: { ...check, unsupported: [] } };
}
