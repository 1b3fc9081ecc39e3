// The conversation as the customer reads it: one bubble per message, each rendered once however often it arrives
// (the transcript, the reply, the live feed), with links to the articles a reply cites. Runtime: browser.
import type { UiStrings } from '../../i18n.ts';
import type { Citation, Message } from '../api-types.ts';
import { h } from '../dom.ts';

export interface Bubble {
  readonly item: HTMLLIElement;
  readonly body: HTMLSpanElement;
}

export class MessageLog {
  private readonly seen = new Set<string>();

  /** `strings` gives the widget's current language, which may change while the log is shown. */
  constructor(
    readonly list: HTMLOListElement,
    private readonly base: string,
    private readonly strings: () => UiStrings,
  ) {}

  welcome(): void {
    const t = this.strings();
    this.list.append(h('li', { className: 'msg welcome' }, h('span', { className: 'who' }, t.bot), t.widgetWelcome));
  }

  /** Forgets every message: a new conversation starts. */
  clear(): void {
    this.seen.clear();
    this.list.replaceChildren();
  }

  /** A message shown by other means (as it was sent, or streamed) must not be rendered again. */
  markSeen(id: string): void {
    this.seen.add(id);
  }

  bubble(role: Message['role'], who: string, text: string): Bubble {
    const body = h('span', { className: 'text' }, text);
    const item = h('li', { className: `msg ${role}` }, h('span', { className: 'who' }, `${who}:`), body);
    this.list.append(item);
    item.scrollIntoView?.({ block: 'end' });
    return { item, body };
  }

  citations(item: HTMLElement, citations: readonly Citation[] | undefined): void {
    if (citations === undefined || citations.length === 0) return;
    const t = this.strings();
    const links = citations.map((citation) =>
      h(
        'a',
        { href: `${this.base}/kb/${encodeURIComponent(citation.articleId)}`, target: '_blank', rel: 'noopener' },
        citation.title,
      ),
    );
    item.append(h('nav', { 'aria-label': t.sources }, `${t.sources}: `, links));
  }

  render(message: Message): void {
    if (this.seen.has(message.id) || message.role === 'system') return;
    this.seen.add(message.id);
    const { item } = this.bubble(message.role, this.who(message), message.text);
    item.dataset.id = message.id;
    this.citations(item, message.citations);
  }

  /** Screen readers hear the finished reply once, not every streamed fragment. */
  setBusy(busy: boolean): void {
    if (busy) this.list.setAttribute('aria-busy', 'true');
    else this.list.removeAttribute('aria-busy');
  }

  private who(message: Message): string {
    const t = this.strings();
    if (message.role === 'customer') return t.you;
    if (message.role === 'agent') return message.author?.name || t.agent;
    return t.bot;
  }
}
