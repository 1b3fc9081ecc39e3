// Beside the open ticket: who the customer is (a "verified" or "not verified" badge, name, e-mail, id, attributes),
// the page they were on, the conversation's language and channel, and their earlier conversations linked to their
// tickets. Everything from the customer or the host page is set as text; only http(s) pages become links. Runtime: browser.
import { label } from '../../i18n.ts';
import { errorText } from '../api.ts';
import type { PastConversation, TicketContext } from '../api-types.ts';
import { h } from '../dom.ts';
import { lang, t } from '../page-lang.ts';

/** `url` when it is an absolute http or https address, so a page the customer was on can be opened safely. */
export function safePageUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function pastItem(past: PastConversation): HTMLElement {
  const date = new Date(past.createdAt).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const facts = [
    past.ticketId === null ? t.contextBotOnly : (past.resolution ?? label(lang, past.status)),
    past.rating === null ? '' : `${t.contextRating}: ${past.rating}/5`,
  ].filter((part) => part !== '');
  const title = `${date} · ${label(lang, past.status)}`;
  return h(
    'li',
    { 'data-conversation': past.conversationId },
    past.ticketId === null
      ? h('span', {}, title)
      : h('a', { href: `/agent/tickets/${encodeURIComponent(past.ticketId)}` }, title),
    h('span', { className: 'hint' }, ` ${facts.join(' · ')}`),
  );
}

/** The sidebar's content for a ticket's context. */
export function contextContent(context: TicketContext): Node[] {
  const { customer } = context;
  const row = (name: string, value: Node | string | undefined) => [h('dt', {}, name), h('dd', {}, value ?? '—')];
  const pageUrl = context.page === null ? undefined : safePageUrl(context.page);
  const page =
    context.page === null
      ? undefined
      : pageUrl === undefined
        ? context.page
        : h('a', { href: pageUrl, target: '_blank', rel: 'noopener noreferrer', className: 'page-link' }, context.page);
  const attributes = Object.entries(customer.attributes ?? {});
  const anonymous = customer.id === undefined && customer.email === undefined && customer.name === undefined;
  return [
    customer.verified
      ? h('p', {}, h('span', { className: 'badge verified', 'data-testid': 'identity-badge' }, t.contextVerified))
      : anonymous
        ? h('p', {}, h('span', { className: 'badge', 'data-testid': 'identity-badge' }, t.contextAnonymous))
        : h(
            'p',
            {},
            h('span', { className: 'badge unverified', 'data-testid': 'identity-badge' }, t.contextNotVerified),
            h('span', { className: 'hint' }, ` ${t.contextUnverifiedHint}`),
          ),
    h(
      'dl',
      {},
      row(t.contextName, customer.name),
      row(t.contextEmail, customer.email),
      row(t.contextId, customer.id),
      customer.plan === undefined ? [] : row(t.contextPlan, customer.plan),
      attributes.flatMap(([name, value]) => row(name, value)),
      row(t.contextPage, page),
      row(t.language, context.lang.toUpperCase()),
      row(t.contextChannel, context.channel),
    ),
    h('h4', {}, t.contextPrevious),
    context.previous.length === 0
      ? h('p', { className: 'hint' }, t.contextNoPrevious)
      : h('ul', { className: 'previous', 'data-testid': 'previous-conversations' }, context.previous.map(pastItem)),
  ];
}

export class ContextSidebar {
  /** Collapsible, so on a narrow screen it can be folded away above the conversation. */
  readonly view = h('details', { className: 'card context', open: true, 'data-testid': 'customer-context' });
  private readonly body = h('div', {});
  private sequence = 0;
  private drawn = '';

  constructor(private readonly load: (ticketId: string) => Promise<TicketContext>) {
    this.view.append(h('summary', {}, h('h3', {}, t.contextTitle)), this.body);
  }

  /** Loads the ticket's context and redraws it when it changed; a slower answer for a ticket left since is dropped. */
  async show(ticketId: string): Promise<void> {
    const sequence = (this.sequence += 1);
    try {
      const context = await this.load(ticketId);
      if (sequence !== this.sequence) return;
      const key = JSON.stringify(context);
      if (key === this.drawn) return;
      this.drawn = key;
      this.body.replaceChildren(...contextContent(context));
    } catch (error) {
      if (sequence !== this.sequence) return;
      this.drawn = '';
      this.body.replaceChildren(h('p', { className: 'hint', role: 'status' }, errorText(error)));
    }
  }

  clear(): void {
    this.sequence += 1;
    this.drawn = '';
    this.body.replaceChildren();
  }
}
