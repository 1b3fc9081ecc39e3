// Ports of the live feeds: the event log they read, the signal that events were committed, and the feed that
// delivers them. A committed event reaches every open feed at once; an idle feed costs nothing. Runtime: any.
import type { StoredEvent } from '../desk/events.ts';

export interface EventLog {
  /** The newest event's `seq`, or 0 when the log is empty: where a live feed starts. */
  lastEventSeq(): Promise<number>;
  /** Events with `seq` greater than `after`, oldest first, optionally of one conversation. */
  eventsAfter(
    after: number,
    options?: { conversationId?: string | undefined; limit?: number | undefined },
  ): Promise<StoredEvent[]>;
}

/** Fires after a write that appended events has committed (in this process). */
export interface CommitSignal {
  subscribe(listener: () => void): () => void;
}

export interface FollowOptions {
  /** Deliver events with `seq` greater than this (a client's Last-Event-ID). */
  readonly after: number;
  /** Only this conversation's events; all events when absent. */
  readonly conversationId?: string | undefined;
  /** Ends the feed. */
  readonly signal: AbortSignal;
  /** After this long without events an empty batch is yielded, so the caller can send a heartbeat. */
  readonly idleMs?: number | undefined;
}

export interface EventFeed {
  /**
   * Everything after `after` (the replay), then each batch of new events as it commits, oldest first, each
   * event exactly once, until the signal aborts.
   */
  follow(options: FollowOptions): AsyncIterable<readonly StoredEvent[]>;
}
