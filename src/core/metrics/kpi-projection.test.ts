import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../conversation/conversation.ts';
import { KpiProjection, type KpiEventSource } from './kpi-projection.ts';
import { computeKpis, kpiSeries } from './kpis.ts';

const START = Date.UTC(2026, 10, 1, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

/** A source over an array that can grow, counting its reads. */
function logOf(events: ConversationEvent[]): KpiEventSource & { reads: number } {
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
}

/**
 * A plausible log from random steps, in time order: conversations open, customers write, the bot answers
 * some messages, tickets are created, answered by agents, resolved or released once, and rated.
 */
function timelineOf(steps: readonly Step[]): ConversationEvent[] {
  const events: ConversationEvent[] = [];
  const conversations: string[] = [];
  const unanswered: string[] = [];
  const open: Array<{ id: string; conversationId: string }> = [];
  const tickets: Array<{ id: string; conversationId: string }> = [];
  let time = START;
  const push = (conversationId: string, type: string, data: Record<string, unknown>) =>
    events.push({ seq: events.length + 1, conversationId, type, actor: 'x', at: iso(time), data });
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
      case 1:
        unanswered.push(`m${index}`);
        push(conversation ?? '', 'message-received', { messageId: `m${index}` });
        break;
      case 2: {
        const message = unanswered.splice(step.pick % Math.max(1, unanswered.length), 1)[0] ?? `unknown${index}`;
        push(conversation ?? '', 'reply-sent', { messageId: `r${index}`, replyTo: message });
        break;
      }
      case 3: {
        const ticket = { id: `t${index}`, conversationId: conversation ?? '' };
        open.push(ticket);
        tickets.push(ticket);
        const reasons = [['emotion'], ['human_request'], ['sensitive', 'emotion'], []][step.pick % 4];
        push(ticket.conversationId, 'ticket-created', { ticketId: ticket.id, reasons, slaDueAt: iso(time + step.minutes * 60_000) });
        break;
      }
      case 4: {
        const ticket = tickets[step.pick % Math.max(1, tickets.length)];
        push(ticket?.conversationId ?? conversation ?? '', 'agent-message-sent', { ticketId: ticket?.id ?? `unknown${index}` });
        break;
      }
      case 5:
      case 6: {
        const ticket = open.splice(step.pick % Math.max(1, open.length), 1)[0];
        if (ticket !== undefined) push(ticket.conversationId, step.kind === 5 ? 'ticket-resolved' : 'ticket-released', { ticketId: ticket.id });
        break;
      }
      default:
        push(conversation ?? '', 'rating-received', { score: 1 + (step.pick % 5) });
    }
  }
  return events;
}

const steps = fc.array(
  fc.record({ kind: fc.integer({ min: 0, max: 7 }), pick: fc.nat(1000), gapSeconds: fc.integer({ min: 0, max: 4 }).map((slots) => slots * 30), minutes: fc.integer({ min: 1, max: 60 }) }),
  { minLength: 10, maxLength: 120, size: 'max' },
);

describe('KpiProjection', () => {
  it('gives the same KPIs and series as the reference definition for any log and period', async () => {
    await fc.assert(
      // Times on a 30-second grid, so period edges often fall exactly on events and deadlines.
      fc.asyncProperty(steps, fc.integer({ min: -10, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 9 }), async (plan, fromSlot, slots, buckets, pageSize) => {
        const events = timelineOf(plan);
        const projection = new KpiProjection(logOf(events), pageSize);
        await projection.refresh();
        const from = iso(START + fromSlot * 30_000);
        const to = iso(START + (fromSlot + slots) * 30_000);
        expect(projection.kpis(from, to)).toEqual(computeKpis(events, from, to));
        expect(projection.series(from, to, buckets)).toEqual(kpiSeries(events, from, to, buckets));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('reads only what was written since its last read, a page at a time', async () => {
    const events = timelineOf(Array.from({ length: 40 }, (_, index) => ({ kind: index % 8, pick: index * 7, gapSeconds: 30, minutes: 15 })));
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
    const log = logOf(timelineOf([{ kind: 0, pick: 0, gapSeconds: 0, minutes: 1 }]));
    const projection = new KpiProjection(log);
    await Promise.all([projection.refresh(), projection.refresh(), projection.refresh()]);
    expect(log.reads).toBe(1);
    await projection.refresh();
    expect(log.reads).toBe(2);
  });
});
