// "Sign out everywhere": asks once more, then gets a new token for this browser, which ends every other sign-in
// with the old one (another device, a forgotten tab elsewhere). The new token is shown once, to keep for the next
// sign-in on another device. Runtime: browser.
import { fill } from '../../i18n.ts';
import { errorText } from '../api.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';

export class SignOutEverywhere {
  readonly button = h('button', {
    type: 'button',
    className: 'secondary',
    'data-testid': 'sign-out-everywhere',
    onclick: () => void this.press(),
  });
  /** Under the top bar: the new token, or why it could not be made. */
  readonly notice = h('div', { className: 'token-notice', role: 'status', hidden: true });
  private confirming = false;

  /** `replace` asks the server for the new token and keeps it for this browser. */
  constructor(private readonly replace: () => Promise<string>) {
    this.reset();
  }

  private reset(): void {
    this.confirming = false;
    this.button.textContent = t.signOutEverywhere;
  }

  private async press(): Promise<void> {
    if (!this.confirming) {
      this.confirming = true;
      this.button.textContent = t.signOutEverywhereConfirm;
      return;
    }
    this.button.disabled = true;
    try {
      const token = await this.replace();
      const code = h('code', { 'data-testid': 'new-token' }, token);
      this.notice.replaceChildren(
        h('p', {}, t.signedOutEverywhere),
        h('p', {}, t.newTokenLabel, ' ', code),
        h('button', { type: 'button', className: 'secondary', onclick: () => this.hide() }, t.dismiss),
      );
    } catch (error) {
      this.notice.replaceChildren(
        h('p', {}, fill(t.actionFailed, { message: errorText(error) })),
        h('button', { type: 'button', className: 'secondary', onclick: () => this.hide() }, t.dismiss),
      );
    }
    this.notice.hidden = false;
    this.button.disabled = false;
    this.reset();
  }

  hide(): void {
    this.notice.hidden = true;
    this.notice.replaceChildren();
  }
}
