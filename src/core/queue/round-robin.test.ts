import { describe, expect, it } from 'vitest';
import { effectivePresence, PRESENCE_TIMEOUT_MS, roundRobin, type AgentLoad } from './round-robin.ts';

const now = new Date('2026-12-03T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const agent = (id: string, changes: Partial<AgentLoad> = {}): AgentLoad => ({
  id,
  name: id,
  role: 'agent',
  presence: 'online',
  seenAt: ago(1_000),
  lastAssignedAt: null,
  openTickets: 0,
  ...changes,
});
const tickets = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `t${index + 1}` }));

describe('round-robin assignment', () => {
  it('deals tickets in queue order to online agents, longest without a ticket first, then round the table', () => {
    const picks = roundRobin(
      tickets(4),
      [agent('ann', { lastAssignedAt: ago(60_000) }), agent('bob', { lastAssignedAt: ago(600_000) }), agent('cy')],
      { capacity: 3, now },
    );
    expect(picks).toEqual([
      { ticketId: 't1', agentId: 'cy' },
      { ticketId: 't2', agentId: 'bob' },
      { ticketId: 't3', agentId: 'ann' },
      { ticketId: 't4', agentId: 'cy' },
    ]);
  });

  it('never goes past an agent’s capacity, and leaves the rest in the queue', () => {
    const picks = roundRobin(tickets(5), [agent('ann', { openTickets: 2 }), agent('bob', { openTickets: 3 })], {
      capacity: 3,
      now,
    });
    expect(picks).toEqual([{ ticketId: 't1', agentId: 'ann' }]);
  });

  it('skips agents who are away, offline, or whose console stopped confirming', () => {
    const picks = roundRobin(
      tickets(3),
      [
        agent('away', { presence: 'away' }),
        agent('off', { presence: 'offline' }),
        agent('gone', { seenAt: ago(PRESENCE_TIMEOUT_MS + 1) }),
        agent('never', { seenAt: null }),
      ],
      { capacity: 3, now },
    );
    expect(picks).toEqual([]);
    expect(effectivePresence({ presence: 'away', seenAt: ago(1_000) }, now)).toBe('away');
    expect(effectivePresence({ presence: 'online', seenAt: ago(PRESENCE_TIMEOUT_MS + 1) }, now)).toBe('offline');
  });
});
