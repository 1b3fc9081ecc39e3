import { describe, expect, it } from 'vitest';
import { storedEvent, type StoredEvent } from '../desk/events.ts';
import { median, percentile, performanceReport, previousPeriod } from './performance-report.ts';
import { drilldown } from './report-drilldown.ts';
import { TicketHistoryLog } from './ticket-history.ts';

let seq = 0;
/** 2026-12-<day> <hour>:<minute> UTC. */
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 11, day, hour, minute)).toISOString();
const event = (
  conversationId: string,
  type: string,
  time: string,
  data: Record<string, unknown>,
  actor = 'system',
): StoredEvent => storedEvent({ seq: (seq += 1), conversationId, type, actor, at: time, data });

const maria = { id: 'm', name: 'Мария' };
const oleg = { id: 'o', name: 'Oleg' };
const created = (conversation: string, ticketId: string, time: string, group: string, due: string) =>
  event(conversation, 'ticket-created', time, { ticketId, reasons: [], priority: 'normal', group, slaDueAt: due });
const claimed = (conversation: string, ticketId: string, time: string, agent: typeof maria) =>
  event(
    conversation,
    'ticket-claimed',
    time,
    { ticketId, agentId: agent.id, agentName: agent.name },
    `agent:${agent.id}`,
  );
const said = (conversation: string, ticketId: string, time: string, agent: typeof maria) =>
  event(
    conversation,
    'agent-message-sent',
    time,
    { ticketId, messageId: `${ticketId}-${time}`, agentName: agent.name, text: 'hi' },
    `agent:${agent.id}`,
  );
const resolved = (conversation: string, ticketId: string, time: string, agent: typeof maria) =>
  event(
    conversation,
    'ticket-resolved',
    time,
    { ticketId, agentName: agent.name, resolution: 'solved' },
    `agent:${agent.id}`,
  );
const rated = (conversation: string, time: string, score: number) =>
  event(conversation, 'rating-received', time, { score, hasComment: false }, 'customer');

// The week of 8–15 Dec 2026 against 1–8 Dec.
// t0 (previous week, billing): Maria claims and answers an hour late, resolves after 2 h, rated 5.
// t1 (general): Maria answers in 5 min, resolves in 20 min, rated 2.
// t2 (general → billing): Oleg answers in 3 min and transfers it; Maria claims and resolves it after 1 h, rated 4.
// t3 (general): nobody answers: an SLA breach still in the backlog.
// t4 (billing): Oleg claims after the deadline and answers in 30 min; still open.
const timeline: StoredEvent[] = [
  created('c0', 't0', at(2, 9), 'billing', at(2, 9, 15)),
  claimed('c0', 't0', at(2, 10), maria),
  said('c0', 't0', at(2, 10), maria),
  resolved('c0', 't0', at(2, 11), maria),
  rated('c0', at(2, 12), 5),
  created('c1', 't1', at(9, 10), 'general', at(9, 10, 15)),
  claimed('c1', 't1', at(9, 10, 1), maria),
  said('c1', 't1', at(9, 10, 5), maria),
  resolved('c1', 't1', at(9, 10, 20), maria),
  rated('c1', at(9, 11), 2),
  created('c2', 't2', at(9, 12), 'general', at(9, 12, 15)),
  claimed('c2', 't2', at(9, 12, 2), oleg),
  said('c2', 't2', at(9, 12, 3), oleg),
  event('c2', 'ticket-transferred', at(9, 12, 10), {
    ticketId: 't2',
    agentName: oleg.name,
    from: 'general',
    to: 'billing',
  }),
  claimed('c2', 't2', at(9, 12, 30), maria),
  resolved('c2', 't2', at(9, 13), maria),
  rated('c2', at(9, 14), 4),
  created('c3', 't3', at(10, 9), 'general', at(10, 9, 15)),
  created('c4', 't4', at(11, 9), 'billing', at(11, 9, 15)),
  claimed('c4', 't4', at(11, 9, 20), oleg),
  said('c4', 't4', at(11, 9, 30), oleg),
];

const history = new TicketHistoryLog();
for (const entry of timeline) history.apply(entry);
const week = { from: at(8, 0), to: at(15, 0) };
const none = {
  tickets: 0,
  resolved: 0,
  firstResponse: { median: null, p90: null, count: 0 },
  resolutionMedian: null,
  csat: { average: null, count: 0 },
  lowCsat: 0,
  slaBreaches: 0,
  backlog: 0,
};

describe('median and p90', () => {
  it('takes the middle value, or the mean of the two middle ones, whatever the order', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
  });

  it('takes the nearest-rank p90: the smallest value with 90 % of the values at or below it', () => {
    expect(percentile([], 0.9)).toBeNull();
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([100, 1, 2], 0.9)).toBe(100);
  });
});

describe('the previous period', () => {
  it('has the same length and ends where the period starts', () => {
    expect(previousPeriod(week)).toEqual({ from: at(1, 0), to: at(8, 0) });
    expect(previousPeriod({ from: '2026-12-08T10:00:00.000Z', to: '2026-12-08T12:30:00.000Z' })).toEqual({
      from: '2026-12-08T07:30:00.000Z',
      to: '2026-12-08T10:00:00.000Z',
    });
  });
});

describe('performance per agent', () => {
  it('credits claims, first answers, resolutions and ratings to the agent who did them, beside last week', () => {
    const report = performanceReport(history, week, 'agent');
    expect(report.period).toEqual(week);
    expect(report.previousPeriod).toEqual({ from: at(1, 0), to: at(8, 0) });
    expect(report.rows).toEqual([
      {
        key: 'm',
        name: 'Мария',
        current: {
          tickets: 2,
          resolved: 2,
          firstResponse: { median: 300, p90: 300, count: 1 },
          resolutionMedian: 2400,
          csat: { average: 3, count: 2 },
          lowCsat: 1,
          slaBreaches: 0,
          backlog: 0,
        },
        previous: {
          tickets: 1,
          resolved: 1,
          firstResponse: { median: 3600, p90: 3600, count: 1 },
          resolutionMedian: 7200,
          csat: { average: 5, count: 1 },
          lowCsat: 0,
          slaBreaches: 0,
          backlog: 0,
        },
      },
      {
        key: 'o',
        name: 'Oleg',
        current: {
          tickets: 2,
          resolved: 0,
          firstResponse: { median: 990, p90: 1800, count: 2 },
          resolutionMedian: null,
          csat: { average: null, count: 0 },
          lowCsat: 0,
          slaBreaches: 0,
          backlog: 1,
        },
        previous: none,
      },
    ]);
  });

  it('totals each ticket once, like the KPI tiles: created, resolved, first answers, breaches, backlog', () => {
    expect(performanceReport(history, week, 'agent').total.current).toEqual({
      tickets: 4,
      resolved: 2,
      firstResponse: { median: 300, p90: 1800, count: 3 },
      resolutionMedian: 2400,
      csat: { average: 3, count: 2 },
      lowCsat: 1,
      slaBreaches: 2,
      backlog: 2,
    });
  });

  it('knows nothing at or after the end of the period', () => {
    const report = performanceReport(history, { from: at(9, 0), to: at(9, 12, 5) }, 'agent');
    expect(report.rows.find((row) => row.key === 'm')?.current).toMatchObject({ tickets: 1, resolved: 1 });
    expect(report.rows.find((row) => row.key === 'o')?.current).toMatchObject({ tickets: 1, backlog: 1 });
  });
});

describe('performance per group', () => {
  it('counts a transferred ticket where it ended up, and each event in the group it happened in', () => {
    const report = performanceReport(history, week, 'group');
    expect(report.rows.map((row) => row.key)).toEqual(['billing', 'general']);
    expect(report.rows[0]).toEqual({
      key: 'billing',
      name: 'billing',
      current: {
        tickets: 2,
        resolved: 1,
        firstResponse: { median: 1800, p90: 1800, count: 1 },
        resolutionMedian: 3600,
        csat: { average: 4, count: 1 },
        lowCsat: 0,
        slaBreaches: 1,
        backlog: 1,
      },
      previous: {
        tickets: 1,
        resolved: 1,
        firstResponse: { median: 3600, p90: 3600, count: 1 },
        resolutionMedian: 7200,
        csat: { average: 5, count: 1 },
        lowCsat: 0,
        slaBreaches: 1,
        backlog: 0,
      },
    });
    expect(report.rows[1]?.current).toEqual({
      tickets: 2,
      resolved: 1,
      firstResponse: { median: 240, p90: 300, count: 2 },
      resolutionMedian: 1200,
      csat: { average: 2, count: 1 },
      lowCsat: 1,
      slaBreaches: 1,
      backlog: 1,
    });
  });
});

describe('drill-down from a figure to its tickets', () => {
  it('lists the tickets behind a figure, newest first, with where each stands now', () => {
    expect(drilldown(history, week, 'sla_breaches', { by: 'all' }, 10)).toEqual({
      total: 2,
      tickets: [
        {
          id: 't4',
          createdAt: at(11, 9),
          status: 'assigned',
          priority: 'normal',
          group: 'billing',
          assigneeName: 'Oleg',
          firstResponseSeconds: 1800,
          resolutionSeconds: null,
        },
        {
          id: 't3',
          createdAt: at(10, 9),
          status: 'waiting',
          priority: 'normal',
          group: 'general',
          assigneeName: null,
          firstResponseSeconds: null,
          resolutionSeconds: null,
        },
      ],
    });
  });

  it("matches each row's figure: an agent's backlog, a group's tickets, low ratings", () => {
    const ids = (result: ReturnType<typeof drilldown>) => result.tickets.map((ticket) => ticket.id);
    expect(ids(drilldown(history, week, 'backlog', { by: 'agent', key: 'o' }, 10))).toEqual(['t4']);
    expect(ids(drilldown(history, week, 'tickets', { by: 'group', key: 'billing' }, 10))).toEqual(['t4', 't2']);
    expect(ids(drilldown(history, week, 'tickets', { by: 'agent', key: 'm' }, 10))).toEqual(['t2', 't1']);
    expect(ids(drilldown(history, week, 'low_csat', { by: 'all' }, 10))).toEqual(['t1']);
    const resolvedByMaria = drilldown(history, week, 'resolved', { by: 'agent', key: 'm' }, 1);
    expect(resolvedByMaria.total).toBe(2);
    expect(resolvedByMaria.tickets).toEqual([
      expect.objectContaining({ id: 't2', status: 'resolved', group: 'billing', assigneeName: 'Мария' }),
    ]);
  });
});

describe('reopened and assigned tickets', () => {
  it('puts a reopened ticket back in the backlog of whoever reopened it and counts its resolution once', () => {
    const log = new TicketHistoryLog();
    for (const entry of [
      created('c5', 't5', at(9, 9), 'general', at(9, 9, 15)),
      event('c5', 'ticket-assigned', at(9, 9, 1), {
        ticketId: 't5',
        agentId: oleg.id,
        agentName: oleg.name,
        by: 'auto',
      }),
      said('c5', 't5', at(9, 9, 2), oleg),
      resolved('c5', 't5', at(9, 9, 10), oleg),
      event('c5', 'ticket-reopened', at(9, 12), {
        ticketId: 't5',
        agentId: maria.id,
        agentName: maria.name,
        from: 'resolved',
      }),
    ])
      log.apply(entry);
    const report = performanceReport(log, week, 'agent');
    expect(report.rows.map((row) => [row.key, row.current.tickets, row.current.resolved, row.current.backlog])).toEqual(
      [
        ['o', 1, 1, 0],
        ['m', 1, 0, 1],
      ],
    );
    expect(drilldown(log, week, 'backlog', { by: 'all' }, 10).tickets).toEqual([
      expect.objectContaining({ id: 't5', status: 'assigned', assigneeName: 'Мария' }),
    ]);
    const before = performanceReport(log, { from: at(9, 0), to: at(9, 11) }, 'agent');
    expect(before.total.current).toMatchObject({ resolved: 1, backlog: 0 });
  });
});
