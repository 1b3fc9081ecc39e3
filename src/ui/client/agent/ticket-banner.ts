// The line above the open ticket's conversation: who has it when another agent does, or that it is closed and
// read-only (resolved, or handed back to the bot). Runtime: browser.
import { fill } from '../../i18n.ts';
import type { Ticket } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';

export function ticketBanner(ticket: Ticket, mine: boolean): HTMLElement | null {
  if (ticket.status === 'resolved' || ticket.status === 'released')
    return h(
      'p',
      { className: 'banner closed', role: 'status', 'data-testid': 'read-only-banner' },
      ticket.status === 'resolved' ? t.readOnlyResolved : t.readOnlyReleased,
    );
  if (ticket.status === 'assigned' && !mine)
    return h(
      'p',
      { className: 'banner', role: 'status', 'data-testid': 'claimed-banner' },
      fill(t.claimedByOther, { name: ticket.assigneeName ?? '?' }),
    );
  return null;
}
