// The agent's presence in the top bar: online (taking conversations) or away, remembered per browser, repeated every
// minute as a heartbeat while the console is open, and `offline` on signing out. Runtime: browser.
import type { PresenceBody, PresenceResult } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';

export const PRESENCE_KEY = 'firstline:agent-presence';
/** Well inside the server's 150 s: one lost heartbeat does not make the agent offline. */
const HEARTBEAT_MS = 60_000;

type Chosen = 'online' | 'away';

export class PresenceControl {
  readonly view: HTMLElement;
  private readonly select: HTMLSelectElement;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly send: (body: PresenceBody) => Promise<PresenceResult>) {
    this.select = h(
      'select',
      {
        id: 'presence',
        onchange: () => {
          localStorage.setItem(PRESENCE_KEY, this.chosen);
          void this.beat();
        },
      },
      h('option', { value: 'online' }, t.presenceOnline),
      h('option', { value: 'away' }, t.presenceAway),
    );
    this.view = h(
      'span',
      { className: 'field presence' },
      h('label', { for: 'presence' }, t.presenceLabel),
      this.select,
    );
  }

  private get chosen(): Chosen {
    return this.select.value === 'away' ? 'away' : 'online';
  }

  /** Signed in: says the remembered presence now and then every minute. */
  start(): void {
    this.select.value = localStorage.getItem(PRESENCE_KEY) === 'away' ? 'away' : 'online';
    this.stop();
    void this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Says `offline` (best effort: signing out goes on even if the server cannot be told). */
  async signOut(): Promise<void> {
    this.stop();
    try {
      await this.send({ presence: 'offline' });
    } catch {
      // The server counts a console that stopped confirming as offline after 150 s anyway.
    }
  }

  private async beat(): Promise<void> {
    try {
      await this.send({ presence: this.chosen });
      this.select.removeAttribute('aria-invalid');
    } catch {
      // Shown on the control; the next heartbeat tries again.
      this.select.setAttribute('aria-invalid', 'true');
    }
  }
}
