// Typing indicators in the agent console: tells the customer while the assignee types a reply (at most once per
// 3 s, a stop on send, blur, a cleared box or another ticket; never for notes), and shows "Customer is typing…"
// beside the open ticket's transcript. Runtime: browser.
import type { FeedCustomerTyping } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';

/** At most one "typing" per this long, however fast the agent types. */
const REPORT_EVERY_MS = 3_000;
/** The service's signal lasts 6 s; shown a little longer in case its stop is late, then hidden anyway. */
const SHOWN_FOR_MS = 7_000;

/** Reports the assignee's typing in the reply box of the ticket `post` is called with. */
export class ReplyTypingReporter {
  private typingIn: string | undefined;
  private lastSent = 0;

  constructor(private readonly post: (ticketId: string, typing: boolean) => Promise<unknown>) {}

  /**
   * The reply box changed; `ticketId` is the open ticket when it is the agent's to answer, undefined otherwise.
   */
  input(ticketId: string | undefined, text: string): void {
    if (ticketId !== this.typingIn) this.stop();
    if (ticketId === undefined || text.trim() === '') return this.stop();
    const now = Date.now();
    if (this.typingIn === ticketId && now - this.lastSent < REPORT_EVERY_MS) return;
    this.typingIn = ticketId;
    this.lastSent = now;
    this.post(ticketId, true).catch(() => undefined);
  }

  /** Sent, cleared, left or another ticket opened: the agent is no longer typing. */
  stop(): void {
    const ticketId = this.typingIn;
    if (ticketId === undefined) return;
    this.typingIn = undefined;
    this.lastSent = 0;
    this.post(ticketId, false).catch(() => undefined);
  }
}

/** "Customer is typing…" under the transcript: announced once per burst (it only appears and disappears). */
export class CustomerTypingIndicator {
  readonly view = h('p', { className: 'hint customer-typing', 'aria-live': 'polite', hidden: true }, t.customerTyping);
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The agents' feed said the open ticket's customer is typing, or stopped. */
  update(signal: FeedCustomerTyping): void {
    if (!signal.typing) return this.hide();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.hide(), SHOWN_FOR_MS);
    this.view.hidden = false;
  }

  /** The customer's message arrived, the customer stopped, or another ticket opened. */
  hide(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.view.hidden = true;
  }
}
