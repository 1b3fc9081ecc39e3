// Typing indicators in the widget: tells the service while the customer types (at most once per 3 s, and a stop on
// send, blur or a cleared composer), and shows "<name> is typing…" while the specialist types. Runtime: browser.
import { fill, type UiStrings } from '../../i18n.ts';
import type { FeedAgentTyping } from '../api-types.ts';
import { h } from '../dom.ts';

/** At most one "typing" per this long, however fast the customer types. */
const REPORT_EVERY_MS = 3_000;
/** The service's signal lasts 6 s; shown a little longer in case its stop is late, then hidden anyway. */
const SHOWN_FOR_MS = 7_000;

/** Reports the customer's typing; `post` returns undefined when there is nobody to tell (no person involved). */
export class TypingReporter {
  private lastSent = 0;
  private typing = false;

  constructor(private readonly post: (typing: boolean) => Promise<unknown> | undefined) {}

  /** The composer's text changed. */
  input(text: string): void {
    if (text.trim() === '') return this.stop();
    const now = Date.now();
    if (this.typing && now - this.lastSent < REPORT_EVERY_MS) return;
    const sent = this.post(true);
    if (sent === undefined) return;
    this.typing = true;
    this.lastSent = now;
    sent.catch(() => undefined);
  }

  /** Sent, cleared or left: the customer is no longer typing. */
  stop(): void {
    if (!this.typing) return;
    this.typing = false;
    this.lastSent = 0;
    this.post(false)?.catch(() => undefined);
  }
}

/** "<name> is typing…" under the log: announced once per burst (its text is set only when it appears). */
export class TypingIndicator {
  readonly view = h('p', { className: 'typing agent-typing', 'aria-live': 'polite', hidden: true });
  private name = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private t: UiStrings) {}

  /** The live feed's `typing` event. */
  update(signal: FeedAgentTyping): void {
    if (!signal.typing) return this.hide();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.hide(), SHOWN_FOR_MS);
    if (!this.view.hidden && signal.name === this.name) return;
    this.name = signal.name;
    this.render();
    this.view.hidden = false;
  }

  /** The agent's message arrived, or the agent stopped. */
  hide(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.view.hidden = true;
  }

  /** The widget's language changed. */
  relabel(t: UiStrings): void {
    this.t = t;
    if (!this.view.hidden) this.render();
  }

  private render(): void {
    this.view.textContent =
      this.name === '' ? this.t.agentTypingUnnamed : fill(this.t.agentTyping, { name: this.name });
  }
}
