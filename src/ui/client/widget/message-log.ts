// The conversation as the customer reads it: one bubble per message, each rendered once however often it arrives
// (the transcript, the reply, the live feed), with links to the articles a reply cites and quick-reply buttons
// under a clarifying question until the next message. Runtime: browser.
import { fill, type UiStrings } from '../../i18n.ts';
import type { Citation, ClarifyOption, Message } from '../api-types.ts';
import { h } from '../dom.ts';
import { localText, type StringKey } from './local-text.ts';

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
    /** The files of a message, shown under its text (see attachment-view.ts). */
    private readonly files: (message: Pick<Message, 'attachments'>) => HTMLElement | null = () => null,
  ) {}

  welcome(): void {
    const t = this.strings();
    const who = h('span', { className: 'who' }, localText(t, 'bot'));
    this.list.append(h('li', { className: 'msg welcome' }, who, localText(t, 'widgetWelcome')));
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

  /** `who` is a name, or the key of a role's label, which follows the widget's language. */
  bubble(
    role: Message['role'],
    who: string | { readonly key: StringKey },
    text: string,
    at: string = new Date().toISOString(),
  ): Bubble {
    // Something was said after the clarifying question: its options no longer answer anything.
    this.clearChoices();
    const body = h('span', { className: 'text' }, text);
    const label = typeof who === 'string' ? `${who}:` : localText(this.strings(), who.key, {}, ':');
    const item = h('li', { className: `msg ${role}` }, stamp(at), h('span', { className: 'who' }, label));
    item.append(body);
    this.list.append(item);
    item.scrollIntoView?.({ block: 'end' });
    return { item, body };
  }

  /** A note from the service (the request was updated, the bot is back), shown once however often it arrives. */
  note(id: string, text: string): void {
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const item = h('li', { className: 'msg system', role: 'note' }, h('span', { className: 'text' }, text));
    item.dataset.id = id;
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
    item.append(h('nav', { 'aria-label': t.sources }, localText(t, 'sources', {}, ': '), links));
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

  /** Renders `message` unless it was shown already; says whether it was new. */
  render(message: Message): boolean {
    if (message.role === 'system') {
      const fresh = !this.seen.has(message.id);
      this.note(message.id, message.text);
      return fresh;
    }
    if (this.seen.has(message.id)) return false;
    this.seen.add(message.id);
    const name = message.role === 'agent' ? message.author?.name : undefined;
    const { item } = this.bubble(message.role, name || { key: this.roleLabel(message.role) }, message.text, message.at);
    item.dataset.id = message.id;
    item.append(this.files(message) ?? '');
    this.citations(item, message.citations);
    if (message.action === 'clarify') this.choicesFor(item, message.options);
    return true;
  }

  /** Screen readers hear the finished reply once, not every streamed fragment. */
  setBusy(busy: boolean): void {
    if (busy) this.list.setAttribute('aria-busy', 'true');
    else this.list.removeAttribute('aria-busy');
  }

  /** Who wrote `message`, as the customer reads it now. */
  who(message: Pick<Message, 'role' | 'author'>): string {
    const name = message.role === 'agent' ? message.author?.name : undefined;
    return name || this.strings()[this.roleLabel(message.role)];
  }

  private roleLabel(role: Message['role']): StringKey {
    if (role === 'customer') return 'you';
    if (role === 'agent') return 'agent';
    return 'bot';
  }
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** When a message was written, as the customer's clock reads it (the full time for assistive technology). */
function stamp(at: string): HTMLElement {
  const date = new Date(at);
  return Number.isNaN(date.getTime())
    ? h('span', {})
    : h('time', { className: 'at', datetime: date.toISOString() }, clock.format(date));
}
