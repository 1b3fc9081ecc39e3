// The widget's frame: a shadow root with its styles, the launcher of a floating widget (with its unread count and
// preview), the panel with its header, log, notices, rating form and composer, all labelled in the widget's language.
// Runtime: browser.
import css from '../../styles/widget.css';
import { fill, type UiLang, type UiStrings } from '../../i18n.ts';
import { h } from '../dom.ts';
import { localText, relabel, type StringKey, type StringValues } from './local-text.ts';
import { UnreadAlert } from './unread-alert.ts';

export type WidgetMode = 'inline' | 'floating';

export interface ShellHandlers {
  /** The composer was submitted (the send button, or Enter without Shift). */
  readonly onSubmit: (event: Event) => void;
  /** A floating widget was opened or closed. */
  readonly onToggle: () => void;
  /** The composer's text changed. */
  readonly onInput: () => void;
}

/** A failure to show above the composer: a string of the widget's, and the API's code for support. */
export interface ShownError {
  readonly key: StringKey;
  readonly values?: StringValues | undefined;
  readonly code?: string | undefined;
}

/** Styles in the shadow root through a constructed sheet where supported, so host pages need no 'unsafe-inline'. */
function applyStyles(shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else shadow.append(h('style', {}, css));
}

export class WidgetShell {
  readonly root: HTMLElement;
  readonly launcher: HTMLButtonElement | undefined;
  /** The count, preview and page title of messages that arrived while a floating widget was closed. */
  readonly unread: UnreadAlert | undefined;
  private readonly launcherLabel = h('span', {});
  readonly panel: HTMLElement;
  readonly title = h('h2', { id: 'fl-title' });
  readonly state = h('p', { className: 'state', role: 'status' });
  readonly closeButton = h('button', { type: 'button' }, '×');
  readonly log = h('ol', { className: 'log', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'fl-title' });
  readonly typing = h('p', { className: 'typing', hidden: true });
  /**
   * Live only for news the conversation log does not carry (an agent joined, resolved): the queue notice repeats
   * the bot's handoff reply, which the log already announced.
   */
  readonly notice = h('p', { className: 'notice', 'aria-live': 'off', hidden: true });
  readonly error = h('div', { className: 'error', role: 'alert', hidden: true });
  readonly rating = h('form', { className: 'rating', hidden: true });
  readonly input = h('textarea', { id: 'fl-input', rows: 2, 'aria-describedby': 'fl-hint fl-counter' });
  readonly inputLabel = h('label', { className: 'sr-only', for: 'fl-input' });
  readonly sendButton = h('button', { type: 'submit', className: 'primary' });
  readonly hint = h('p', { id: 'fl-hint', className: 'hint' });
  readonly counter = h('p', { id: 'fl-counter', className: 'counter', hidden: true });

  constructor(
    host: HTMLElement,
    mode: WidgetMode,
    private readonly handlers: ShellHandlers,
    strings: () => UiStrings,
  ) {
    const shadow = host.attachShadow({ mode: 'open' });
    applyStyles(shadow);
    const composer = h(
      'form',
      { className: 'composer', onsubmit: (event) => handlers.onSubmit(event) },
      this.inputLabel,
      this.input,
      this.sendButton,
      this.counter,
      this.hint,
    );
    this.input.addEventListener('input', () => handlers.onInput());
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        composer.requestSubmit();
      }
    });
    const header = h('header', {}, this.title, this.state, mode === 'floating' ? this.closeButton : null);
    const parts = [header, this.log, this.typing, this.notice, this.error, this.rating, composer];
    this.panel = h(
      'section',
      { id: 'fl-panel', className: 'panel', 'aria-labelledby': 'fl-title', hidden: mode === 'floating' },
      parts,
    );
    if (mode === 'floating') {
      this.unread = new UnreadAlert(strings, () => this.toggle(true));
      this.launcher = h(
        'button',
        {
          type: 'button',
          className: 'launcher',
          'aria-expanded': 'false',
          'aria-controls': 'fl-panel',
          onclick: () => this.toggle(this.panel.hidden),
        },
        this.launcherLabel,
        this.unread.badge,
      );
      this.closeButton.addEventListener('click', () => this.toggle(false));
      this.panel.addEventListener('keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Escape') this.toggle(false);
      });
    }
    this.root = h(
      'div',
      { className: 'fl', 'data-mode': mode },
      this.unread?.preview ?? null,
      this.launcher ?? null,
      this.panel,
    );
    shadow.append(this.root);
  }

  /** Labels everything in `t`'s language; `status` is the text of the header's state line. */
  applyLang(t: UiStrings, lang: UiLang, status: string): void {
    this.title.textContent = t.widgetTitle;
    this.closeButton.setAttribute('aria-label', t.widgetClose);
    this.launcherLabel.textContent = t.widgetTitle;
    this.launcher?.setAttribute('title', t.widgetOpen);
    this.inputLabel.textContent = t.messageLabel;
    this.input.placeholder = t.messagePlaceholder;
    this.sendButton.textContent = t.send;
    this.hint.textContent = t.sendHint;
    this.typing.textContent = t.typing;
    this.state.textContent = status;
    this.root.setAttribute('lang', lang);
    // What was rendered before in the other language: message labels, the welcome, notices, forms, errors.
    relabel(this.root, t);
    this.unread?.render();
    if (this.error.title !== '') this.error.title = fill(t.errorCode, { code: this.error.dataset.code ?? '' });
  }

  /**
   * Shows a failure above the composer, in `t`'s language, with the API's code in its title; with `retry`, a button
   * that hides it, focuses the composer and retries.
   */
  showError(t: UiStrings, shown: ShownError, retry?: { readonly run: () => void }): void {
    this.error.replaceChildren(localText(t, shown.key, shown.values));
    const code = shown.code ?? '';
    this.error.dataset.code = code;
    if (code === '') this.error.removeAttribute('title');
    else this.error.title = fill(t.errorCode, { code });
    if (retry !== undefined) {
      const again = () => {
        this.error.hidden = true;
        this.input.focus();
        retry.run();
      };
      this.error.append(h('button', { type: 'button', className: 'secondary', onclick: again }, localText(t, 'retry')));
    }
    this.error.hidden = false;
  }

  /** Opens or closes a floating widget, moving focus to the composer or back to the launcher. */
  private toggle(open: boolean): void {
    if (this.launcher === undefined) return;
    this.panel.hidden = !open;
    if (open) this.unread?.clear();
    this.launcher.setAttribute('aria-expanded', String(open));
    if (open) this.input.focus();
    else this.launcher.focus();
    this.handlers.onToggle();
  }
}
