import { describe, expect, it } from 'vitest';
import { storedEvent, type StoredEvent } from '../desk/events.ts';
import { computeKpis } from './kpis.ts';

let seq = 0;
const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 1, 10, minute, second)).toISOString();
const event = (conversationId: string, type: string, time: string, data: Record<string, unknown> = {}): StoredEvent =>
  storedEvent({ seq: (seq += 1), conversationId, type, actor: 'x', at: time, data });

// Three conversations on 1 Nov 2026 from 10:00 UTC:
// a — answered by the bot in 2 s and 4 s, never handed off (contained);
// b — handed off at 10:01 (emotion, due 10:16), agent answers at 10:06, resolves at 10:21, customer rates 4;
// c — handed off at 10:02 (human_request, due 10:17), nobody answers: overdue at 10:30.
const timeline: StoredEvent[] = [
  event('a', 'conversation-created', at(0)),
  event('a', 'message-received', at(0, 10), { messageId: 'a1' }),
  event('a', 'reply-sent', at(0, 12), { messageId: 'a1r', replyTo: 'a1' }),
  event('b', 'conversation-created', at(0, 30)),
  event('b', 'message-received', at(1), { messageId: 'b1' }),
  event('b', 'reply-sent', at(1, 4), { messageId: 'b1r', replyTo: 'b1' }),
  event('b', 'ticket-created', at(1, 4), { ticketId: 'tb', reasons: ['emotion'], slaDueAt: at(16, 4) }),
  event('c', 'conversation-created', at(1, 30)),
  event('c', 'message-received', at(2), { messageId: 'c1' }),
  event('c', 'reply-sent', at(2, 3), { messageId: 'c1r', replyTo: 'c1' }),
  event('c', 'ticket-created', at(2, 3), { ticketId: 'tc', reasons: ['human_request'], slaDueAt: at(17, 3) }),
  event('b', 'ticket-claimed', at(5), { ticketId: 'tb' }),
  event('b', 'agent-message-sent', at(6, 4), { ticketId: 'tb' }),
  event('b', 'agent-message-sent', at(8), { ticketId: 'tb' }),
  event('b', 'ticket-resolved', at(21, 4), { ticketId: 'tb' }),
  event('b', 'rating-received', at(22), { score: 4 }),
];

describe('computeKpis on a constructed timeline', () => {
  it('computes every measure, keeping bot time out of the human ones', () => {
    expect(computeKpis(timeline, at(0), at(30))).toEqual({
      period: { from: at(0), to: at(30) },
      firstResponseBotSeconds: 3,
      firstResponseHumanSeconds: 300,
      resolutionSeconds: 1200,
      conversations: 3,
      tickets: 2,
      backlog: 1,
      overdue: 1,
      slaAttainment: 0.5,
      containment: 1 / 3,
      handoffRateByReason: { emotion: 1 / 3, human_request: 1 / 3 },
      csat: { average: 4, responses: 1, responseRate: 1 },
    });
  });

  it('does not count a ticket as overdue before its deadline', () => {
    const early = computeKpis(timeline, at(0), at(10));
    expect(early).toMatchObject({
      backlog: 2,
      overdue: 0,
      slaAttainment: 1,
      tickets: 2,
      resolutionSeconds: null,
      csat: { average: null, responses: 0, responseRate: null },
    });
  });
});
