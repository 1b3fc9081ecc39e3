// The buttons on the open ticket: claim a waiting one; on the agent's own, resolve with a code, transfer to a
// group, or hand back to the bot; reopen a resolved or released one; and, for leads, assign an open one to an agent
// (with who is online and how many tickets each holds). Runtime: browser.
import { fill } from '../../i18n.ts';
import type { AgentStatus, Ticket } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';
import type { TicketAction, TicketActionBody } from './desk-api.ts';

/** The groups tickets usually go to, offered for transfer and as a view of the queue. */
export const GROUPS = ['first-line', 'second-line', 'billing', 'security'];
const RESOLUTIONS: ReadonlyArray<[string, string]> = [
  ['solved', t.resolutionSolved],
  ['workaround', t.resolutionWorkaround],
  ['duplicate', t.resolutionDuplicate],
  ['no_response', t.resolutionNoResponse],
];

export type Act = (action: TicketAction, body?: TicketActionBody) => void;

const PRESENCE: Readonly<Record<AgentStatus['presence'], string>> = {
  online: t.presenceOnline,
  away: t.presenceAway,
  offline: t.presenceOffline,
};

/**
 * `queueGroups` are the groups of the tickets in the queue, offered for transfer beside the usual ones; `team`, when
 * given (to leads and admins), the agents an open ticket can be assigned to.
 */
export function ticketActions(
  ticket: Ticket,
  mine: boolean,
  queueGroups: readonly string[],
  act: Act,
  team?: readonly AgentStatus[],
): Node | null {
  const button = (text: string, action: TicketAction, body?: () => TicketActionBody, className = 'secondary') =>
    h('button', { type: 'button', className, onclick: () => act(action, body?.()) }, text);
  const parts: Node[] = [];
  if (ticket.status === 'waiting' || ticket.status === 'transferred')
    parts.push(button(t.claim, 'claim', undefined, 'primary'));
  if (mine && ticket.status === 'assigned') {
    const groups = [...new Set([...GROUPS, ...queueGroups])].filter((group) => group !== ticket.group);
    const group = h(
      'select',
      { id: 'transfer-group' },
      groups.map((name) => h('option', { value: name }, name)),
    );
    const resolution = h(
      'select',
      { id: 'resolution' },
      RESOLUTIONS.map(([value, text]) => h('option', { value }, text)),
    );
    parts.push(
      h('span', { className: 'field' }, h('label', { for: 'resolution' }, t.resolutionLabel), resolution),
      button(t.resolve, 'resolve', () => ({ resolution: resolution.value }), 'primary'),
      h('span', { className: 'field' }, h('label', { for: 'transfer-group' }, t.groupLabel), group),
      button(t.transfer, 'transfer', () => ({ group: group.value })),
      button(t.release, 'release'),
    );
  }
  if (ticket.status === 'resolved' || ticket.status === 'released') parts.push(button(t.reopen, 'reopen'));
  const open = ticket.status === 'waiting' || ticket.status === 'assigned' || ticket.status === 'transferred';
  const others = (team ?? []).filter((agent) => agent.id !== ticket.assigneeId || ticket.status !== 'assigned');
  if (open && others.length > 0) {
    const assignee = h(
      'select',
      { id: 'assign-agent' },
      others.map((agent) =>
        h(
          'option',
          { value: agent.id },
          fill(t.teamLoad, { name: agent.name, count: agent.openTickets, presence: PRESENCE[agent.presence] }),
        ),
      ),
    );
    parts.push(
      h('span', { className: 'field' }, h('label', { for: 'assign-agent' }, t.assignLabel), assignee),
      button(t.assign, 'assign', () => ({ agentId: assignee.value })),
    );
  }
  if (parts.length === 0) return null;
  const fragment = document.createDocumentFragment();
  fragment.append(...parts);
  return fragment;
}
