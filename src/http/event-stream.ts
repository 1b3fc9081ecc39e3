// Server-sent events from the event log: replays everything after Last-Event-ID, then follows new events,
// so a reconnecting client loses nothing. Runtime: any.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ConversationEvent } from '../core/conversation/conversation.ts';

export interface FeedOptions {
  /** Events after this sequence number (from Last-Event-ID or `?lastEventId=`). */
  readonly after: number;
  readonly fetch: (after: number) => Promise<ConversationEvent[]>;
  /** Maps an event to what the client may see, or undefined to skip it. */
  readonly map: (event: ConversationEvent) => { event: string; data: unknown } | undefined;
  readonly pollMs?: number;
  readonly heartbeatMs?: number;
}

export function lastEventId(c: Context): number | undefined {
  const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

export function eventFeed(c: Context, options: FeedOptions): Response {
  return streamSSE(c, async (stream) => {
    let after = options.after;
    let closed = false;
    stream.onAbort(() => {
      closed = true;
    });
    let idle = 0;
    while (!closed) {
      const events = await options.fetch(after);
      for (const event of events) {
        after = event.seq;
        const visible = options.map(event);
        if (visible !== undefined) await stream.writeSSE({ id: String(event.seq), event: visible.event, data: JSON.stringify(visible.data) });
      }
      if (events.length > 0) {
        idle = 0;
        continue;
      }
      idle += options.pollMs ?? 200;
      if (idle >= (options.heartbeatMs ?? 15_000)) {
        idle = 0;
        await stream.write(': keep-alive\n\n');
      }
      await stream.sleep(options.pollMs ?? 200);
    }
  });
}

/** What a customer may see: agent messages and changes of who is serving them; never notes. */
export function customerEventView(event: ConversationEvent): { event: string; data: unknown } | undefined {
  const data = event.data;
  switch (event.type) {
    case 'agent-message-sent':
      return { event: 'message', data: { id: data.messageId, role: 'agent', text: data.text, author: { name: data.agentName }, at: event.at } };
    case 'conversation-handed-off':
      return { event: 'status', data: { status: 'waiting', at: event.at } };
    case 'ticket-claimed':
      return { event: 'status', data: { status: 'assigned', agent: { name: data.agentName }, at: event.at } };
    case 'ticket-transferred':
      return { event: 'status', data: { status: 'transferred', at: event.at } };
    case 'ticket-released':
    case 'conversation-reopened':
      return { event: 'status', data: { status: 'bot', at: event.at } };
    case 'ticket-resolved':
      return { event: 'status', data: { status: 'resolved', ratingRequested: true, at: event.at } };
    default:
      return undefined;
  }
}

const AGENT_EVENTS = new Set(['ticket-created', 'ticket-summary-updated', 'ticket-claimed', 'ticket-transferred', 'ticket-released', 'ticket-resolved', 'agent-message-sent', 'note-added', 'message-received', 'rating-received']);

/** What agents see: every ticket change and new customer messages (without texts: the console fetches what it shows). */
export function agentEventView(event: ConversationEvent): { event: string; data: unknown } | undefined {
  if (!AGENT_EVENTS.has(event.type)) return undefined;
  const { text: _text, ...data } = event.data;
  return { event: event.type, data: { conversationId: event.conversationId, at: event.at, actor: event.actor, ...data } };
}
