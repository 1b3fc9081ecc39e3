// The widget's frame: a shadow root with its styles, the launcher of a floating widget, the panel with its header,
// log, notices, rating form and composer, all labelled in the widget's language. Runtime: browser.
import css from '../../styles/widget.css';
import type { UiLang, UiStrings } from '../../i18n.ts';
import { h } from '../dom.ts';

export type WidgetMode = 'inline' | 'floating';

export interface ShellHandlers {
  /** The composer was submitted (the send button, or Enter without Shift). */
  readonly onSubmit: (event: Event) => void;
  /** A floating widget was opened or closed. */
  readonly onToggle: () => void;
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
  readonly input = h('textarea', { id: 'fl-input', rows: 2, 'aria-describedby': 'fl-hint' });
  readonly inputLabel = h('label', { className: 'sr-only', for: 'fl-input' });
  readonly sendButton = h('button', { type: 'submit', className: 'primary' });
  readonly hint = h('p', { id: 'fl-hint', className: 'hint' });

  constructor(
    host: HTMLElement,
    mode: WidgetMode,
    private readonly handlers: ShellHandlers,
  ) {
    const shadow = host.attachShadow({ mode: 'open' });
    applyStyles(shadow);
    const composer = h(
      'form',
      { className: 'composer', onsubmit: (event) => handlers.onSubmit(event) },
      this.inputLabel,
      this.input,
      this.sendButton,
      this.hint,
    );
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
      this.launcher = h('button', {
        type: 'button',
        className: 'launcher',
        'aria-expanded': 'false',
        'aria-controls': 'fl-panel',
        onclick: () => this.toggle(this.panel.hidden),
      });
      this.closeButton.addEventListener('click', () => this.toggle(false));
      this.panel.addEventListener('keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Escape') this.toggle(false);
      });
    }
    this.root = h('div', { className: 'fl', 'data-mode': mode }, this.launcher ?? null, this.panel);
    shadow.append(this.root);
  }

  /** Labels everything in `t`'s language; `status` is the text of the header's state line. */
  applyLang(t: UiStrings, lang: UiLang, status: string): void {
    this.title.textContent = t.widgetTitle;
    this.closeButton.setAttribute('aria-label', t.widgetClose);
    this.launcher?.replaceChildren(t.widgetTitle);
    this.launcher?.setAttribute('title', t.widgetOpen);
    this.inputLabel.textContent = t.messageLabel;
    this.input.placeholder = t.messagePlaceholder;
    this.sendButton.textContent = t.send;
    this.hint.textContent = t.sendHint;
    this.typing.textContent = t.typing;
    this.state.textContent = status;
    this.root.setAttribute('lang', lang);
  }

  /** Shows a failure above the composer; with `retry`, a button that hides it, focuses the composer and retries. */
  showError(message: string, retry?: { readonly label: string; readonly run: () => void }): void {
    this.error.replaceChildren(message);
    if (retry !== undefined) {
      const again = () => {
        this.error.hidden = true;
        this.input.focus();
        retry.run();
      };
      this.error.append(h('button', { type: 'button', className: 'secondary', onclick: again }, retry.label));
    }
    this.error.hidden = false;
  }

  /** Opens or closes a floating widget, moving focus to the composer or back to the launcher. */
  private toggle(open: boolean): void {
    if (this.launcher === undefined) return;
    this.panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
    if (open) this.input.focus();
    else this.launcher.focus();
    this.handlers.onToggle();
  }
}
