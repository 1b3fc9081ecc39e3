// The parts of a ticket view rebuilt from data: the summary card (the agent reads it first), the transcript with
// who wrote each bot reply, and the internal notes. Runtime: browser.
import { fill, label } from '../../i18n.ts';
import type { AgentMessage, Confidence, Ticket, TicketDetails, TicketNote } from '../api-types.ts';
import { h } from '../dom.ts';
import { attachmentList, type LoadAttachment } from '../attachment-view.ts';
import { lang, t } from '../page-lang.ts';

/** Who wrote a bot reply and what the claim check did with the model's answer, in a line for the agent. */
export function provenance(message: AgentMessage): string | undefined {
  if (message.role !== 'bot' || message.composer === undefined) return undefined;
  const check = message.verification;
  if (check === undefined) return message.composer === 'llm' ? t.composedByModel : t.composedOffline;
  const claims = check.unsupported.map((entry) => `«${entry.claim}»`).join(', ');
  if (check.outcome === 'verified') return t.composedByModel;
  if (check.outcome === 'repaired') return fill(t.repairedByModel, { claims });
  return fill(t.replacedModel, { reason: [check.reason ?? '', claims].filter((part) => part !== '').join(': ') });
}

/** The bot's confidence when it handed off: the ticket's signals are free-form, and this one is the bot's score. */
function handoffConfidence(ticket: Ticket): Confidence | undefined {
  return ticket.signals.confidence as Confidence | undefined;
}

type IntakeKind = NonNullable<Ticket['intake']>['requested'][number];

const INTAKE_NAMES: Readonly<Record<IntakeKind, string>> = {
  account_number: t.intakeAccountNumber,
  address: t.intakeAddress,
  phone: t.intakePhone,
  email: t.intakeEmail,
  card_last4: t.intakeCardLast4,
};

/** What the first line collected, and what the articles asked for that has not come yet; null without intake. */
function intakeList(ticket: Ticket): HTMLElement | null {
  const intake = ticket.intake;
  if (intake === null) return null;
  const kinds = [...new Set([...intake.requested, ...(Object.keys(intake.values) as IntakeKind[])])];
  if (kinds.length === 0) return null;
  return h(
    'ul',
    { className: 'intake', 'data-testid': 'intake' },
    kinds.map((kind) => {
      const value = intake.values[kind];
      return h(
        'li',
        { 'data-missing': value === undefined },
        `${INTAKE_NAMES[kind]}: `,
        value === undefined ? h('em', {}, t.intakeMissing) : h('strong', {}, value),
      );
    }),
  );
}

export function summaryCard(details: TicketDetails): HTMLElement {
  const { ticket } = details;
  const { summary } = ticket;
  const list = (items: readonly string[]): Node | string =>
    items.length === 0
      ? '—'
      : h(
          'ul',
          {},
          items.map((item) => h('li', {}, item)),
        );
  const cited = new Map<string, string>();
  for (const message of details.transcript)
    for (const citation of message.citations ?? []) cited.set(citation.articleId, citation.title);
  const articleLink = (id: string, title: string) =>
    h('a', { href: `/kb/${encodeURIComponent(id)}`, target: '_blank', rel: 'noopener' }, title);
  const articles =
    cited.size === 0
      ? list(summary.citedArticles)
      : h(
          'ul',
          {},
          [...cited].map(([id, title]) => h('li', {}, articleLink(id, title))),
        );
  const confidence = handoffConfidence(ticket);
  const components =
    confidence === undefined
      ? '—'
      : h(
          'table',
          { className: 'components' },
          h('tr', {}, h('th', {}, 'score'), h('td', {}, confidence.score.toFixed(2))),
          Object.entries(confidence.components).map(([name, value]) =>
            h('tr', {}, h('th', {}, name), h('td', {}, value.toFixed(2))),
          ),
        );
  const row = (name: string, value: Node | string | null) => [h('dt', {}, name), h('dd', {}, value ?? '—')];
  const reasons = ticket.reasons.map((reason) =>
    h('span', { className: 'badge reason', 'data-reason': reason }, label(lang, reason)),
  );
  const intake = intakeList(ticket);
  const status = `${label(lang, ticket.status)} · ${ticket.group} · ${t.priority}: ${label(lang, ticket.priority)} · ${t.language}: ${ticket.lang.toUpperCase()}`;
  return h(
    'section',
    { className: 'card summary', 'aria-labelledby': 'summary-title', 'data-testid': 'summary' },
    h('h3', { id: 'summary-title' }, t.summary),
    h(
      'dl',
      {},
      row(t.problem, summary.problem || '—'),
      row(t.reasons, h('span', {}, reasons)),
      ...(intake === null ? [] : row(t.intakeTitle, intake)),
      row(t.mood, `${label(lang, summary.mood.label)} (${summary.mood.intensity.toFixed(2)})`),
      row(t.botTried, list(summary.botSaid)),
      row(t.articlesUsed, articles),
      row(t.customerAnswered, list(summary.customerAnswered)),
      row(t.openQuestions, list(summary.openQuestions)),
      row(t.confidence, components),
      row(t.status, status),
    ),
  );
}

/** `load` fetches a message's files (images are shown inline, documents offered as downloads). */
export function transcriptList(messages: readonly AgentMessage[], load?: LoadAttachment): HTMLElement {
  const who = (message: AgentMessage) =>
    message.role === 'customer' ? t.customer : message.role === 'agent' ? (message.author?.name ?? t.agent) : t.bot;
  return h(
    'ol',
    { className: 'transcript', 'data-testid': 'transcript' },
    messages.map((message) => {
      const origin = provenance(message);
      const time = new Date(message.at).toLocaleTimeString(lang === 'ru' ? 'ru-RU' : 'en-GB');
      const outcome = `provenance ${message.verification?.outcome ?? message.composer ?? ''}`;
      return h(
        'li',
        { className: message.role },
        h('span', { className: 'who' }, `${who(message)} · ${time}`),
        message.text,
        load === undefined ? null : attachmentList(message.attachments, t, load),
        ...(origin === undefined ? [] : [h('small', { className: outcome, 'data-testid': 'provenance' }, origin)]),
      );
    }),
  );
}

export function notesList(notes: readonly TicketNote[]): HTMLElement {
  return notes.length === 0
    ? h('p', { className: 'hint' }, t.noNotes)
    : h(
        'ul',
        {},
        notes.map((note) => h('li', {}, `${note.agentName ?? ''}: ${note.text}`)),
      );
}
