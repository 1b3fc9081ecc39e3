// For leads and admins: how many queued tickets flood control grouped (one source opening many), and a button that
// closes them all without claiming each; it asks once more before it closes. Runtime: browser.
import { fill } from '../../i18n.ts';
import type { Ticket } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';

export class FloodPanel {
  readonly view = h('div', { className: 'flood-panel', 'data-testid': 'flood-panel', hidden: true });
  private grouped: readonly string[] = [];
  private confirming = false;
  private readonly status = h('span', { role: 'status' });
  private readonly button = h('button', { type: 'button', className: 'secondary', onclick: () => void this.press() });

  /** `close` closes the tickets and says how many it closed (undefined when it failed and said so elsewhere). */
  constructor(private readonly close: (ids: readonly string[]) => Promise<number | undefined>) {
    this.view.append(this.status, this.button);
  }

  render(tickets: readonly Ticket[], mayClose: boolean): void {
    this.grouped = tickets.filter((ticket) => ticket.groupedWith !== null).map((ticket) => ticket.id);
    this.view.hidden = !mayClose || this.grouped.length === 0;
    this.confirming = false;
    this.status.textContent = fill(t.floodSummary, { count: this.grouped.length });
    this.button.textContent = t.floodClose;
  }

  private async press(): Promise<void> {
    if (!this.confirming) {
      this.confirming = true;
      this.button.textContent = fill(t.floodConfirm, { count: this.grouped.length });
      return;
    }
    this.confirming = false;
    this.button.disabled = true;
    const closed = await this.close(this.grouped);
    this.button.disabled = false;
    this.button.textContent = t.floodClose;
    if (closed !== undefined) this.status.textContent = fill(t.floodClosed, { count: closed });
  }
}
