import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storedEvent, type StoredEvent } from '../desk/events.ts';
import { KpiProjection, type KpiEventSource } from './kpi-projection.ts';
import { computeKpis, kpiSeries } from './kpis.ts';

const START = Date.UTC(2026, 10, 1, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

/** A source over an array that can grow, counting its reads. */
function logOf(events: StoredEvent[]): KpiEventSource & { reads: number } {
  return {
    reads: 0,
    eventsAfter(after, options) {
      this.reads += 1;
      const newer = events.filter((event) => event.seq > after);
      return Promise.resolve(newer.slice(0, options?.limit ?? newer.length));
    },
  };
}

interface Step {
  readonly kind: number;
  readonly pick: number;
  readonly gapSeconds: number;
  readonly minutes: number;
  /** How much earlier than its commit a reply or ticket is stamped (a handoff's waits for its summary). */
  readonly lagMs: number;
}

/**
 * A plausible log from random steps: conversations open, customers write (some while a person has the
 * conversation), the bot answers some messages, tickets are created, answered by agents, resolved or
 * released once, and rated. Replies and tickets may be stamped earlier than events committed before them,
 * never earlier than the message they answer.
 */
function timelineOf(steps: readonly Step[]): StoredEvent[] {
  const events: StoredEvent[] = [];
  const conversations: string[] = [];
  const unanswered: Array<{ id: string; at: number }> = [];
  const open: Array<{ id: string; conversationId: string }> = [];
  const tickets: Array<{ id: string; conversationId: string }> = [];
  const closed: Array<{ id: string; conversationId: string }> = [];
  let time = START;
  const push = (conversationId: string, type: string, data: Record<string, unknown>, at = time) =>
    events.push(storedEvent({ seq: events.length + 1, conversationId, type, actor: 'x', at: iso(at), data }));
  for (const [index, step] of steps.entries()) {
    time += step.gapSeconds * 1000;
    const conversation = conversations[step.pick % Math.max(1, conversations.length)];
    switch (conversation === undefined ? 0 : step.kind) {
      case 0: {
        const id = `c${index}`;
        conversations.push(id);
        push(id, 'conversation-created', {});
        break;
      }
      case 1: {
        // A message sent while a person has the conversation is not the bot's to answer; it can still get a
        // bot reply later (a retry after the person handed back), which the KPIs leave out.
        const status = ['bot', 'bot', 'waiting', undefined][step.pick % 4];
        unanswered.push({ id: `m${index}`, at: time });
        push(conversation ?? '', 'message-received', {
          messageId: `m${index}`,
          ...(status === undefined ? {} : { status }),
        });
        break;
      }
      case 2: {
        const message = unanswered.splice(step.pick % Math.max(1, unanswered.length), 1)[0] ?? {
          id: `unknown${index}`,
          at: time,
        };
        push(
          conversation ?? '',
          'reply-sent',
          { messageId: `r${index}`, replyTo: message.id },
          Math.max(message.at, time - step.lagMs),
        );
        break;
      }
      case 3: {
        const ticket = { id: `t${index}`, conversationId: conversation ?? '' };
        open.push(ticket);
        tickets.push(ticket);
        const reasons = [['emotion'], ['human_request'], ['sensitive', 'emotion'], []][step.pick % 4];
        const at = time - step.lagMs;
        push(
          ticket.conversationId,
          'ticket-created',
          { ticketId: ticket.id, reasons, slaDueAt: iso(at + step.minutes * 60_000) },
          at,
        );
        break;
      }
      case 4: {
        const ticket = tickets[step.pick % Math.max(1, tickets.length)];
        push(ticket?.conversationId ?? conversation ?? '', 'agent-message-sent', {
          ticketId: ticket?.id ?? `unknown${index}`,
        });
        break;
      }
      case 5:
      case 6: {
        const ticket = open.splice(step.pick % Math.max(1, open.length), 1)[0];
        if (ticket !== undefined) {
          closed.push(ticket);
          push(ticket.conversationId, step.kind === 5 ? 'ticket-resolved' : 'ticket-released', { ticketId: ticket.id });
        }
        break;
      }
      case 8: {
        // An agent takes a closed ticket up again: open until it closes once more.
        const ticket = closed.splice(step.pick % Math.max(1, closed.length), 1)[0];
        if (ticket !== undefined) {
          open.push(ticket);
          push(ticket.conversationId, 'ticket-reopened', { ticketId: ticket.id });
        }
        break;
      }
      default:
        push(conversation ?? '', 'rating-received', { score: 1 + (step.pick % 5) });
    }
  }
  return events;
}

const steps = fc.array(
  fc.record({
    kind: fc.integer({ min: 0, max: 8 }),
    pick: fc.nat(1000),
    gapSeconds: fc.integer({ min: 0, max: 4 }).map((slots) => slots * 30),
    minutes: fc.integer({ min: 1, max: 60 }),
    lagMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 90_000 })),
  }),
  { minLength: 10, maxLength: 120, size: 'max' },
);

describe('KpiProjection', () => {
  it('gives the same KPIs and series as the reference definition for any log and period', async () => {
    await fc.assert(
      // Times on a 30-second grid, so period edges often fall exactly on events and deadlines.
      fc.asyncProperty(
        steps,
        fc.integer({ min: -10, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        async (plan, fromSlot, slots, buckets, pageSize) => {
          const events = timelineOf(plan);
          const projection = new KpiProjection(logOf(events), pageSize);
          await projection.refresh();
          const from = iso(START + fromSlot * 30_000);
          const to = iso(START + (fromSlot + slots) * 30_000);
          expect(projection.kpis(from, to)).toEqual(computeKpis(events, from, to));
          expect(projection.series(from, to, buckets)).toEqual(kpiSeries(events, from, to, buckets));
        },
      ),
      // A failure is reported with the smallest log found within 20 s, rather than timing out while it shrinks.
      { numRuns: 100, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true },
    );
  }, 60_000);

  it('adds bot reply delays in the order the replies were written, as the reference does', async () => {
    // Three replies written in this order but stamped out of order (the second waited for a summary), with
    // delays whose floating-point sum depends on the order: 1.207 s, 2.814 s and 1.43 s.
    const at = (ms: number) => iso(START + ms);
    const events: StoredEvent[] = [
      {
        seq: 1,
        conversationId: 'a',
        type: 'message-received',
        actor: 'customer',
        at: at(0),
        data: { messageId: 'm1', status: 'bot' },
      },
      {
        seq: 2,
        conversationId: 'b',
        type: 'message-received',
        actor: 'customer',
        at: at(100),
        data: { messageId: 'm2', status: 'bot' },
      },
      {
        seq: 3,
        conversationId: 'c',
        type: 'message-received',
        actor: 'customer',
        at: at(200),
        data: { messageId: 'm3', status: 'bot' },
      },
      {
        seq: 4,
        conversationId: 'a',
        type: 'reply-sent',
        actor: 'bot',
        at: at(1_207),
        data: { messageId: 'rm1', replyTo: 'm1', action: 'answer', score: 0.9 },
      },
      {
        seq: 5,
        conversationId: 'c',
        type: 'reply-sent',
        actor: 'bot',
        at: at(3_014),
        data: { messageId: 'rm3', replyTo: 'm3', action: 'answer', score: 0.9 },
      },
      {
        seq: 6,
        conversationId: 'b',
        type: 'reply-sent',
        actor: 'bot',
        at: at(1_530),
        data: { messageId: 'rm2', replyTo: 'm2', action: 'answer', score: 0.9 },
      },
    ];
    const projection = new KpiProjection(logOf(events));
    await projection.refresh();
    const reference = computeKpis(events, iso(START), iso(START + 60_000));
    expect(reference.firstResponseBotSeconds).toBe((1.207 + 2.814 + 1.43) / 3);
    expect(projection.kpis(iso(START), iso(START + 60_000))).toEqual(reference);
  });

  it('reads only what was written since its last read, a page at a time', async () => {
    const events = timelineOf(
      Array.from({ length: 40 }, (_, index) => ({
        kind: index % 8,
        pick: index * 7,
        gapSeconds: 30,
        minutes: 15,
        lagMs: 0,
      })),
    );
    const later = events.splice(25);
    const log = logOf(events);
    const projection = new KpiProjection(log, 10);
    await projection.refresh();
    expect(log.reads).toBe(3);
    const end = iso(START + 3_600_000);
    expect(projection.kpis(iso(START), end)).toEqual(computeKpis(events, iso(START), end));
    events.push(...later);
    await projection.refresh();
    expect(log.reads).toBe(5);
    expect(projection.kpis(iso(START), end)).toEqual(computeKpis(events, iso(START), end));
    expect(projection.kpis(iso(START), end).conversations).toBeGreaterThan(0);
  });

  it('shares one read among callers that arrive while it runs', async () => {
    const log = logOf(timelineOf([{ kind: 0, pick: 0, gapSeconds: 0, minutes: 1, lagMs: 0 }]));
    const projection = new KpiProjection(log);
    await Promise.all([projection.refresh(), projection.refresh(), projection.refresh()]);
    expect(log.reads).toBe(1);
    await projection.refresh();
    expect(log.reads).toBe(2);
  });
});
