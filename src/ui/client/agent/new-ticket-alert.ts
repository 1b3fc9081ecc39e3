// Tells an agent who is looking elsewhere that tickets arrived: a count in the page title and a short tone,
// cleared when the agent comes back. Runtime: browser.
import { fill } from '../../i18n.ts';
import { t } from '../page-lang.ts';

export class NewTicketAlert {
  private unseen = 0;
  private readonly baseTitle = document.title;

  notify(): void {
    if (!document.hidden && document.hasFocus()) return;
    this.unseen += 1;
    document.title = `${fill(t.newTickets, { count: this.unseen })} — ${this.baseTitle}`;
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

  clear(): void {
    this.unseen = 0;
    document.title = this.baseTitle;
  }
}
