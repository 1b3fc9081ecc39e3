// Server-sent events from the live feed: replays everything after Last-Event-ID, then each committed event as
// it happens, so a reconnecting client loses nothing; a comment line keeps an idle connection open. Runtime: any.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { conversationStatusFor } from '../core/desk/desk-rules.ts';
import { unhandled, type StoredEvent } from '../core/desk/events.ts';
import type { EventFeed } from '../core/ports/event-feed.ts';
import type { PresenceSignals, TypingChange } from '../core/ports/presence-signals.ts';
import type { AgentFeedEvent, AgentTypingEvent, CustomerFeedEvent } from './schemas/feed-events.ts';
import { attachmentsView } from './views.ts';

export interface FeedOptions {
  readonly feed: EventFeed;
  /** Events after this sequence number (from Last-Event-ID or `?lastEventId=`). */
  readonly after: number;
  /** One conversation's events, or all. */
  readonly conversationId?: string | undefined;
  /** Maps an event to what the client may see, or undefined to skip it. */
  readonly map: (event: StoredEvent) => { event: string; data: unknown } | undefined;
  readonly heartbeatMs?: number | undefined;
  /** The replay was cut short: told first, as a `replay-truncated` event, so the client reloads what it shows. */
  readonly truncated?: { readonly after: number; readonly resumedAfter: number } | undefined;
  /**
   * Asked again at each keep-alive: false ends the stream (a token replaced by "sign out everywhere"), and the
   * client's reconnect is then refused.
   */
  readonly stillAllowed?: (() => Promise<boolean>) | undefined;
  /**
   * Ephemeral signals (who is typing) merged into the stream as they happen, without an `id:` line: they are not in
   * the log, so Last-Event-ID keeps meaning a position in it. `map` says what the client may see of each.
   */
  readonly typing?:
    | {
        readonly signals: PresenceSignals;
        readonly map: (change: TypingChange) => { event: string; data: unknown } | undefined;
      }
    | undefined;
}

export function lastEventId(c: Context): number | undefined {
  const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

export function eventFeed(c: Context, options: FeedOptions): Response {
  return streamSSE(c, async (stream) => {
    const stop = new AbortController();
    stream.onAbort(() => stop.abort());
    if (options.truncated !== undefined)
      await stream.writeSSE({
        id: String(options.truncated.resumedAfter),
        event: 'replay-truncated',
        data: JSON.stringify(options.truncated),
      });
    const typing = options.typing;
    const unsubscribe = typing?.signals.subscribe(
      (change) => {
        const visible = typing.map(change);
        if (visible !== undefined && !stream.aborted && !stream.closed)
          void stream.writeSSE({ event: visible.event, data: JSON.stringify(visible.data) });
      },
      { conversationId: options.conversationId },
    );
    stream.onAbort(() => unsubscribe?.());
    const batches = options.feed.follow({
      after: options.after,
      conversationId: options.conversationId,
      signal: stop.signal,
      idleMs: options.heartbeatMs ?? 15_000,
    });
    try {
      for await (const batch of batches) {
        if (batch.length === 0) {
          if (options.stillAllowed !== undefined && !(await options.stillAllowed())) break;
          await stream.write(': keep-alive\n\n');
        }
        for (const event of batch) {
          const visible = options.map(event);
          if (visible !== undefined)
            await stream.writeSSE({ id: String(event.seq), event: visible.event, data: JSON.stringify(visible.data) });
        }
        if (stream.aborted || stream.closed) break;
      }
    } finally {
      unsubscribe?.();
    }
  });
}

/** What a customer may see: agent messages and changes of who is serving them; never notes. */
export function customerEventView(event: StoredEvent): CustomerFeedEvent | undefined {
  switch (event.type) {
    case 'agent-message-sent':
      return {
        event: 'message',
        data: {
          id: event.data.messageId,
          role: 'agent',
          text: event.data.text,
          author: { name: event.data.agentName },
          at: event.at,
          ...attachmentsView(event.data),
        },
      };
    case 'conversation-handed-off':
      return { event: 'status', data: { status: event.data.to, at: event.at } };
    case 'ticket-claimed':
    case 'ticket-reopened':
    case 'ticket-assigned':
      return {
        event: 'status',
        data: { status: conversationStatusFor('assigned'), agent: { name: event.data.agentName }, at: event.at },
      };
    case 'ticket-transferred':
      return { event: 'status', data: { status: conversationStatusFor('transferred'), at: event.at } };
    case 'ticket-released':
      return {
        event: 'status',
        data: {
          status: conversationStatusFor('released'),
          ...(event.data.notice === undefined ? {} : { notice: event.data.notice }),
          at: event.at,
        },
      };
    case 'conversation-reopened':
      return { event: 'status', data: { status: event.data.to, at: event.at } };
    case 'ticket-resolved':
      return {
        event: 'status',
        data: { status: conversationStatusFor('resolved'), ratingRequested: true, at: event.at },
      };
    case 'conversation-created':
    case 'message-received':
    case 'reply-sent':
    case 'reply-dropped':
    case 'ticket-created':
    case 'note-added':
    case 'ticket-summary-updated':
    case 'ticket-retriaged':
    case 'rating-received':
    case 'customer-erased':
      return undefined;
    default:
      return unhandled(event);
  }
}

/**
 * What agents see: every ticket change and new customer messages (without texts: the console fetches what it
 * shows).
 */
export function agentEventView(event: StoredEvent): AgentFeedEvent | undefined {
  const head = { conversationId: event.conversationId, at: event.at, actor: event.actor };
  switch (event.type) {
    case 'agent-message-sent': {
      const { text: _text, ...data } = event.data;
      return { event: event.type, data: { ...head, ...data } };
    }
    case 'ticket-created':
    case 'ticket-summary-updated':
    case 'ticket-retriaged':
    case 'ticket-claimed':
    case 'ticket-transferred':
    case 'ticket-released':
    case 'ticket-resolved':
    case 'ticket-reopened':
    case 'ticket-assigned':
    case 'note-added':
    case 'message-received':
    case 'rating-received':
      return { event: event.type, data: { ...head, ...event.data } };
    case 'conversation-created':
    case 'conversation-reopened':
    case 'conversation-handed-off':
    case 'reply-sent':
    case 'reply-dropped':
    case 'customer-erased':
      return undefined;
    default:
      return unhandled(event);
  }
}

/** What a customer sees of typing: the assignee's, with the agent's name; never the customer's own. */
export function customerTypingView(change: TypingChange): CustomerFeedEvent | undefined {
  if (change.who !== 'agent') return undefined;
  return { event: 'typing', data: { who: 'agent', name: change.name ?? '', typing: change.typing } };
}

/** What agents see of typing: the customer's, by conversation (and ticket); never another agent's. */
export function agentTypingView(change: TypingChange): AgentTypingEvent | undefined {
  if (change.who !== 'customer') return undefined;
  return {
    event: 'typing',
    data: {
      conversationId: change.conversationId,
      ...(change.ticketId === undefined ? {} : { ticketId: change.ticketId }),
      who: 'customer',
      typing: change.typing,
    },
  };
}
