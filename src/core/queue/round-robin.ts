// Auto-assignment, decided: which waiting tickets go to which online agents, round robin among those with room.
// Pure; the use case (use-cases/auto-assignment.ts) applies each pick through the store. Runtime: any.
import type { Agent } from './ticket.ts';

export type Presence = 'online' | 'away' | 'offline';

/** What an agent's console last said, and how many open tickets they hold. */
export interface AgentLoad extends Agent {
  readonly presence: Presence;
  /** When the console last confirmed the presence (a heartbeat); null if never. */
  readonly seenAt: string | null;
  /** When they were last given a ticket (claimed, assigned, reopened); null if never. */
  readonly lastAssignedAt: string | null;
  /** Tickets assigned to them now. */
  readonly openTickets: number;
}

/** A console that stopped confirming for this long counts as offline: a closed tab must not receive tickets. */
export const PRESENCE_TIMEOUT_MS = 150_000;

/** The presence that counts now: `online` or `away` only while the console keeps confirming it. */
export function effectivePresence(load: Pick<AgentLoad, 'presence' | 'seenAt'>, now: Date): Presence {
  if (load.presence === 'offline' || load.seenAt === null) return 'offline';
  return now.getTime() - Date.parse(load.seenAt) > PRESENCE_TIMEOUT_MS ? 'offline' : load.presence;
}

/**
 * Pairs waiting tickets (in queue order, most urgent first) with online agents who hold fewer than `capacity`
 * tickets: each ticket goes to the agent who has waited longest since their last ticket, who then goes to the back
 * of the line. Tickets beyond everyone's room stay in the queue.
 */
export function roundRobin(
  tickets: readonly { readonly id: string }[],
  agents: readonly AgentLoad[],
  options: { readonly capacity: number; readonly now: Date },
): Array<{ readonly ticketId: string; readonly agentId: string }> {
  const line = agents
    .filter((agent) => effectivePresence(agent, options.now) === 'online' && agent.openTickets < options.capacity)
    .sort(
      (left, right) =>
        (left.lastAssignedAt ?? '').localeCompare(right.lastAssignedAt ?? '') || left.id.localeCompare(right.id),
    )
    .map((agent) => ({ id: agent.id, room: options.capacity - agent.openTickets }));
  const picks: Array<{ ticketId: string; agentId: string }> = [];
  for (const ticket of tickets) {
    const next = line.shift();
    if (next === undefined) break;
    picks.push({ ticketId: ticket.id, agentId: next.id });
    if (next.room > 1) line.push({ id: next.id, room: next.room - 1 });
  }
  return picks;
}
