// The live queue: one button per open ticket (priority, reasons, language, the problem, the SLA countdown and how
// long the customer has waited, and a mark on the agent's own tickets with customer messages not yet read), ticking
// once a second. Runtime: browser.
import { fill, label } from '../../i18n.ts';
import type { Ticket } from '../api-types.ts';
import { duration, h } from '../dom.ts';
import { lang, t } from '../page-lang.ts';

const clock = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { hour: '2-digit', minute: '2-digit' });

export class QueueList {
  readonly list = h('ul', { className: 'ticket-list', 'aria-labelledby': 'queue-title' });
  readonly count = h('span', { className: 'badge' });

  /** `onOpen` opens a ticket the agent chose. */
  constructor(private readonly onOpen: (id: string) => void) {}

  /** Redraws the queue, keeping focus on the ticket that had it; `unread` are tickets with unread messages. */
  render(
    tickets: readonly Ticket[],
    selectedId: string | undefined,
    unread: ReadonlySet<string>,
    empty: string = t.queueEmpty,
  ): void {
    this.count.textContent = String(tickets.length);
    if (tickets.length === 0) {
      this.list.replaceChildren(h('li', { className: 'hint' }, empty));
      return;
    }
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.ticketId : undefined;
    this.list.replaceChildren(...tickets.map((ticket) => this.item(ticket, selectedId, unread.has(ticket.id))));
    if (focused !== undefined)
      this.list.querySelector<HTMLElement>(`[data-ticket-id="${CSS.escape(focused)}"]`)?.focus();
    tickCountdowns();
  }

  /** Marks the open ticket for assistive technology and styles. */
  markSelected(id: string): void {
    for (const element of this.list.querySelectorAll<HTMLElement>('[data-ticket-id]'))
      element.setAttribute('aria-current', String(element.dataset.ticketId === id));
  }

  private item(ticket: Ticket, selectedId: string | undefined, unread: boolean): HTMLLIElement {
    // A waiting ticket says how long it has waited; the others say their state.
    const status =
      ticket.status === 'assigned' && ticket.assigneeName !== null
        ? fill(t.claimedBy, { name: ticket.assigneeName })
        : ticket.status === 'waiting'
          ? ''
          : label(lang, ticket.status);
    // The countdowns change every second: screen readers get the deadline once instead of a changing name.
    const deadline = `SLA ${clock.format(new Date(ticket.slaDueAt))}`;
    const reasons = ticket.reasons.map((reason) =>
      h('span', { className: 'badge reason', 'data-reason': reason }, label(lang, reason)),
    );
    const button = h(
      'button',
      {
        type: 'button',
        className: 'ticket-item',
        'data-ticket-id': ticket.id,
        'aria-current': String(ticket.id === selectedId),
        'data-unread': unread,
        onclick: () => this.onOpen(ticket.id),
      },
      h(
        'span',
        { className: 'line' },
        unread ? h('span', { className: 'badge unread', 'data-testid': 'unread' }, t.unreadMessage) : null,
        h('span', { className: `badge ${ticket.priority}` }, label(lang, ticket.priority)),
        reasons,
        ticket.groupedWith === null ? [] : h('span', { className: 'badge flood' }, t.floodGrouped),
        h('span', {}, ticket.lang.toUpperCase()),
      ),
      h('span', { className: 'problem' }, ticket.summary.problem || ticket.id),
      h(
        'span',
        { className: 'line' },
        h('span', {
          className: 'sla',
          'aria-hidden': 'true',
          'data-due': ticket.slaDueAt,
          'data-responded': String(ticket.firstResponseAt !== null),
        }),
        h('span', { className: 'sr-only' }, deadline),
        h('span', { className: 'waiting', 'aria-hidden': 'true', 'data-since': ticket.createdAt }),
        h('span', {}, status),
      ),
    );
    return h('li', {}, button);
  }
}

/** Countdowns and waiting times, once a second; a deadline passed without a human answer turns red. */
export function tickCountdowns(): void {
  const now = Date.now();
  for (const element of document.querySelectorAll<HTMLElement>('.sla[data-due]')) {
    const left = (Date.parse(element.dataset.due ?? '') - now) / 1000;
    const overdue = left < 0 && element.dataset.responded !== 'true';
    element.classList.toggle('overdue', overdue);
    element.textContent = overdue
      ? fill(t.overdueBy, { time: duration(-left, lang) })
      : fill(t.dueIn, { time: duration(Math.max(0, left), lang) });
  }
  for (const element of document.querySelectorAll<HTMLElement>('.waiting[data-since]')) {
    element.textContent = fill(t.waitingFor, {
      time: duration((now - Date.parse(element.dataset.since ?? '')) / 1000, lang),
    });
  }
}
