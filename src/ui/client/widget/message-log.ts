// The conversation as the customer reads it: one bubble per message, each rendered once however often it arrives
// (the transcript, the reply, the live feed), with links to the articles a reply cites and quick-reply buttons
// under a clarifying question until the next message. Runtime: browser.
import { fill, type UiStrings } from '../../i18n.ts';
import type { Citation, ClarifyOption, Message } from '../api-types.ts';
import { h } from '../dom.ts';

export interface Bubble {
  readonly item: HTMLLIElement;
  readonly body: HTMLSpanElement;
}

export class MessageLog {
  private readonly seen = new Set<string>();
  /** The quick replies of the last clarifying question, while nothing has been said after it. */
  private choices: HTMLElement | undefined;

  /**
   * `strings` gives the widget's current language, which may change while the log is shown; `choose` sends
   * the option a quick-reply button names.
   */
  constructor(
    readonly list: HTMLOListElement,
    private readonly base: string,
    private readonly strings: () => UiStrings,
    private readonly choose: (option: ClarifyOption) => void,
  ) {}

  welcome(): void {
    const t = this.strings();
    this.list.append(h('li', { className: 'msg welcome' }, h('span', { className: 'who' }, t.bot), t.widgetWelcome));
  }

  /** Forgets every message: a new conversation starts. */
  clear(): void {
    this.clearChoices();
    this.seen.clear();
    this.list.replaceChildren();
  }

  /** A message shown by other means (as it was sent, or streamed) must not be rendered again. */
  markSeen(id: string): void {
    this.seen.add(id);
  }

  bubble(role: Message['role'], who: string, text: string): Bubble {
    // Something was said after the clarifying question: its options no longer answer anything.
    this.clearChoices();
    const body = h('span', { className: 'text' }, text);
    const item = h('li', { className: `msg ${role}` }, h('span', { className: 'who' }, `${who}:`), body);
    this.list.append(item);
    item.scrollIntoView?.({ block: 'end' });
    return { item, body };
  }

  /** A note from the service (the request was updated, the bot is back), shown once, unless it was shown already. */
  note(id: string | undefined, text: string): void {
    if (id !== undefined) {
      if (this.seen.has(id)) return;
      this.seen.add(id);
    }
    const item = h('li', { className: 'msg system', role: 'note' }, h('span', { className: 'text' }, text));
    if (id !== undefined) item.dataset.id = id;
    this.list.append(item);
    item.scrollIntoView?.({ block: 'end' });
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

  /** Quick-reply buttons under a clarifying question: one press sends that option, then they are gone. */
  choicesFor(item: HTMLElement, options: readonly ClarifyOption[] | undefined): void {
    if (options === undefined || options.length === 0) return;
    const t = this.strings();
    const buttons = options.map((option) =>
      h(
        'button',
        {
          type: 'button',
          className: 'option',
          'aria-label': fill(t.clarifyOption, { number: option.id, label: option.label }),
          'data-option-id': option.id,
          onclick: () => {
            for (const button of buttons) button.disabled = true;
            this.choose(option);
          },
        },
        option.label,
      ),
    );
    this.choices = h('div', { className: 'options', role: 'group', 'aria-label': t.clarifyOptions }, buttons);
    item.append(this.choices);
    item.scrollIntoView?.({ block: 'end' });
  }

  private clearChoices(): void {
    this.choices?.remove();
    this.choices = undefined;
  }

  render(message: Message): void {
    if (message.role === 'system') return this.note(message.id, message.text);
    if (this.seen.has(message.id)) return;
    this.seen.add(message.id);
    const { item } = this.bubble(message.role, this.who(message), message.text);
    item.dataset.id = message.id;
    this.citations(item, message.citations);
    if (message.action === 'clarify') this.choicesFor(item, message.options);
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
