// An error shown beside the control whose action failed (the reply box, the note form, the ticket's buttons). It
// stays until the agent dismisses it or the same action succeeds: live updates never clear it. Runtime: browser.
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';

export class ActionError {
  /** Always in the page: a live region announces what is put into it, not a region that appears with its text. */
  readonly view: HTMLDivElement;

  constructor(testId: string) {
    this.view = h('div', { className: 'action-error', role: 'alert', 'data-testid': testId });
  }

  get shown(): boolean {
    return this.view.childElementCount > 0;
  }

  show(message: string): void {
    const close = h(
      'button',
      { type: 'button', className: 'dismiss', 'aria-label': t.dismiss, title: t.dismiss, onclick: () => this.clear() },
      '×',
    );
    this.view.replaceChildren(h('p', {}, message), close);
  }

  clear(): void {
    this.view.replaceChildren();
  }
}
