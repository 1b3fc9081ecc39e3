// The tickets behind a report figure: each with its state now and a link into the agent console. Runtime: browser.
import { fill, label } from '../../i18n.ts';
import { h } from '../dom.ts';
import { lang, t } from '../page-lang.ts';
import type { ReportTickets } from './report-api.ts';
import { dateTime, integer, isNumber, seconds } from './lead-format.ts';

/** The list's contents: its title, how many of how many, and a table of tickets. */
export function drillList(title: string, result: ReportTickets, close: () => void): Node[] {
  const time = (value: number | null) => (isNumber(value) ? seconds(value) : '—');
  const rows = result.tickets.map((ticket) =>
    h(
      'tr',
      { 'data-ticket-id': ticket.id },
      h(
        'th',
        { scope: 'row' },
        h('a', { href: `/agent/tickets/${encodeURIComponent(ticket.id)}` }, ticket.id.slice(-8)),
      ),
      h('td', {}, dateTime.format(new Date(ticket.createdAt))),
      h('td', {}, label(lang, ticket.status)),
      h('td', {}, label(lang, ticket.priority)),
      h('td', {}, ticket.group),
      h('td', {}, ticket.assigneeName ?? '—'),
      h('td', { className: 'num' }, time(ticket.firstResponseSeconds)),
      h('td', { className: 'num' }, time(ticket.resolutionSeconds)),
    ),
  );
  const heads = [
    t.reportTicket,
    t.reportCreated,
    t.status,
    t.priority,
    t.reportGroup,
    t.reportAssignee,
    t.reportFirstResponse,
    t.reportResolution,
  ];
  return [
    h(
      'div',
      { className: 'section-head' },
      h('h3', { id: 'report-drill-title' }, title),
      h(
        'p',
        { className: 'updated' },
        fill(t.reportShown, { shown: integer.format(rows.length), total: integer.format(result.total) }),
      ),
      h('button', { type: 'button', className: 'secondary', onclick: close }, t.reportClose),
    ),
    h(
      'div',
      { className: 'table-scroll' },
      h(
        'table',
        { className: 'report-tickets', 'aria-labelledby': 'report-drill-title' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            heads.map((head) => h('th', { scope: 'col' }, head)),
          ),
        ),
        h('tbody', {}, rows),
      ),
    ),
  ];
}
