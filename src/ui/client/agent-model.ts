// What the agent console reads from the API, and the parts of a ticket view that are rebuilt from data:
// the summary card, the transcript and the notes. Runtime: browser.
import { STRINGS, fill, label, uiLang } from '../i18n.ts';
import type { TicketSummary } from '../../core/queue/ticket.ts';
import { h } from './dom.ts';

export const lang = uiLang(document.documentElement.lang);
export const t = STRINGS[lang];

export interface Agent {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}
export interface Citation {
  readonly articleId: string;
  readonly title: string;
}
export interface TicketView {
  readonly id: string;
  readonly conversationId: string;
  readonly status: 'waiting' | 'assigned' | 'transferred' | 'resolved' | 'released';
  readonly group: string;
  readonly priority: string;
  readonly reasons: readonly string[];
  readonly signals: { readonly confidence?: { readonly score: number; readonly components: Readonly<Record<string, number>> } };
  readonly summary: TicketSummary;
  readonly lang: string;
  readonly customer: { readonly name?: string; readonly email?: string; readonly plan?: string };
  readonly assigneeId: string | null;
  readonly assigneeName: string | null;
  readonly slaDueAt: string;
  readonly createdAt: string;
  readonly firstResponseAt: string | null;
}
export interface TranscriptMessage {
  readonly id: string;
  readonly role: string;
  readonly text: string;
  readonly at: string;
  readonly citations?: readonly Citation[];
  readonly author?: { readonly name: string };
  readonly composer?: string;
  readonly verification?: { readonly outcome: 'verified' | 'repaired' | 'replaced'; readonly reason?: string; readonly unsupported: ReadonlyArray<{ readonly claim: string }> };
}

/** Who wrote a bot reply and what the claim check did with the model's answer, in a line for the agent. */
export function provenance(message: TranscriptMessage): string | undefined {
  if (message.role !== 'bot' || message.composer === undefined) return undefined;
  const check = message.verification;
  if (check === undefined) return message.composer === 'llm' ? t.composedByModel : t.composedOffline;
  const claims = check.unsupported.map((entry) => `«${entry.claim}»`).join(', ');
  if (check.outcome === 'verified') return t.composedByModel;
  if (check.outcome === 'repaired') return fill(t.repairedByModel, { claims });
  return fill(t.replacedModel, { reason: [check.reason ?? '', claims].filter((part) => part !== '').join(': ') });
}
export interface Note {
  readonly id: string;
  readonly text: string;
  readonly at: string;
  readonly agentName: string | null;
}
export interface TicketDetails {
  readonly ticket: TicketView;
  readonly transcript: readonly TranscriptMessage[];
  readonly notes: readonly Note[];
}


export function summaryCard(details: TicketDetails): HTMLElement {
  const { ticket } = details;
  const { summary } = ticket;
  const list = (items: readonly string[]): Node | string => (items.length === 0 ? '—' : h('ul', {}, items.map((item) => h('li', {}, item))));
  const cited = new Map<string, string>();
  for (const message of details.transcript) for (const citation of message.citations ?? []) cited.set(citation.articleId, citation.title);
  const articles = cited.size === 0 ? list(summary.citedArticles) : h('ul', {}, [...cited].map(([id, title]) => h('li', {}, h('a', { href: `/kb/${encodeURIComponent(id)}`, target: '_blank', rel: 'noopener' }, title))));
  const confidence = ticket.signals.confidence;
  const components =
    confidence === undefined
      ? '—'
      : h(
          'table',
          { className: 'components' },
          h('tr', {}, h('th', {}, 'score'), h('td', {}, confidence.score.toFixed(2))),
          Object.entries(confidence.components).map(([name, value]) => h('tr', {}, h('th', {}, name), h('td', {}, value.toFixed(2)))),
        );
  const row = (name: string, value: Node | string | null) => [h('dt', {}, name), h('dd', {}, value ?? '—')];
  return h(
    'section',
    { className: 'card summary', 'aria-labelledby': 'summary-title', 'data-testid': 'summary' },
    h('h3', { id: 'summary-title' }, t.summary),
    h(
      'dl',
      {},
      row(t.problem, summary.problem || '—'),
      row(t.reasons, h('span', {}, ticket.reasons.map((reason) => h('span', { className: 'badge reason', 'data-reason': reason }, label(lang, reason))))),
      row(t.mood, `${label(lang, summary.mood.label)} (${summary.mood.intensity.toFixed(2)})`),
      row(t.botTried, list(summary.botSaid)),
      row(t.articlesUsed, articles),
      row(t.customerAnswered, list(summary.customerAnswered)),
      row(t.openQuestions, list(summary.openQuestions)),
      row(t.confidence, components),
      row(t.status, `${label(lang, ticket.status)} · ${ticket.group} · ${t.priority}: ${label(lang, ticket.priority)} · ${t.language}: ${ticket.lang.toUpperCase()}`),
    ),
  );
}

export function transcriptList(messages: readonly TranscriptMessage[]): HTMLElement {
  const who = (message: TranscriptMessage) => (message.role === 'customer' ? t.customer : message.role === 'agent' ? (message.author?.name ?? t.agent) : t.bot);
  return h(
    'ol',
    { className: 'transcript', 'data-testid': 'transcript' },
    messages.map((message) => {
      const origin = provenance(message);
      return h(
        'li',
        { className: message.role },
        h('span', { className: 'who' }, `${who(message)} · ${new Date(message.at).toLocaleTimeString(lang === 'ru' ? 'ru-RU' : 'en-GB')}`),
        message.text,
        ...(origin === undefined ? [] : [h('small', { className: `provenance ${message.verification?.outcome ?? message.composer ?? ''}`, 'data-testid': 'provenance' }, origin)]),
      );
    }),
  );
}

export function notesList(notes: readonly Note[]): HTMLElement {
  return notes.length === 0 ? h('p', { className: 'hint' }, t.noNotes) : h('ul', {}, notes.map((note) => h('li', {}, `${note.agentName ?? ''}: ${note.text}`)));
}
