// Tells an agent who is looking elsewhere what needs them, in the page title and with a short tone: new tickets
// (counted until the agent comes back) and new customer messages in tickets they own (counted until each such
// ticket is opened). Runtime: browser.
import { fill } from '../../i18n.ts';
import { t } from '../page-lang.ts';

export class NewTicketAlert {
  private unseen = 0;
  private unread = 0;
  private readonly baseTitle = document.title;

  /** A ticket arrived: counted only while the agent is away. */
  notify(): void {
    if (!document.hidden && document.hasFocus()) return;
    this.unseen += 1;
    this.showTitle();
    beep();
  }

  /** How many owned tickets have customer messages the agent has not read; `fresh` when one just arrived. */
  unreadMessages(count: number, fresh = false): void {
    this.unread = count;
    this.showTitle();
    if (fresh && (document.hidden || !document.hasFocus())) beep();
  }

  /** The agent is back: new tickets are seen (unread messages stay until their tickets are opened). */
  clear(): void {
    this.unseen = 0;
    this.showTitle();
  }

  private showTitle(): void {
    const parts = [
      this.unread > 0 ? fill(t.newMessages, { count: this.unread }) : '',
      this.unseen > 0 ? fill(t.newTickets, { count: this.unseen }) : '',
    ].filter((part) => part !== '');
    document.title = parts.length === 0 ? this.baseTitle : `${parts.join(' · ')} — ${this.baseTitle}`;
  }
}

function beep(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.15);
  } catch {
    // No sound without a user gesture; the title still changes.
  }
}
