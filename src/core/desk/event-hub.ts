// The live feeds of one process: after a commit signal (or, for writes by other processes sharing the store,
// one poll of the newest sequence number per process) the hub reads the new events once and hands each to the
// feeds that want it: a conversation's feeds and the all-events feeds. An idle feed costs nothing. Runtime: any.
import type { StoredEvent } from './events.ts';
import type { CommitSignal, EventFeed, EventLog, FollowOptions } from '../ports/event-feed.ts';

export interface EventHubOptions {
  /** How often to look for events written by other processes, while any feed is open; 0 turns it off. */
  readonly pollMs?: number | undefined;
  /** Events read per query. */
  readonly pageSize?: number | undefined;
  /** Events one slow feed may hold before it drops them and reads them back from the log itself. */
  readonly maxBuffered?: number | undefined;
}

/** One open feed: events the hub handed it, waiting to be yielded, and how to wake it. */
class Subscriber {
  buffer: StoredEvent[] = [];
  /** Set when the buffer overflowed: the feed reads from the log again. */
  overflowed = false;
  private wake: (() => void) | undefined;

  constructor(readonly conversationId: string | undefined) {}

  push(events: readonly StoredEvent[], limit: number): void {
    if (this.overflowed) return this.notify();
    if (this.buffer.length + events.length > limit) {
      this.buffer = [];
      this.overflowed = true;
    } else this.buffer.push(...events);
    this.notify();
  }

  notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Resolves on the next push or notify, or after `ms`. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

export class EventHub implements EventFeed {
  private head: number | undefined;
  private reading: Promise<void> | undefined;
  private again = false;
  private poller: ReturnType<typeof setInterval> | undefined;
  private readonly all = new Set<Subscriber>();
  private readonly byConversation = new Map<string, Set<Subscriber>>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly log: EventLog,
    commits: CommitSignal,
    private readonly options: EventHubOptions = {},
  ) {
    this.unsubscribe = commits.subscribe(() => this.pull());
  }

  /** No feed open: checked on every commit, so O(1) (a conversation's set is dropped when it empties). */
  private get idle(): boolean {
    return this.all.size === 0 && this.byConversation.size === 0;
  }

  /** Whether someone follows this conversation's feed here (a customer with the chat open). */
  following(conversationId: string): boolean {
    return (this.byConversation.get(conversationId)?.size ?? 0) > 0;
  }

  /** Open feeds (for tests and metrics). */
  get feeds(): number {
    let count = this.all.size;
    for (const set of this.byConversation.values()) count += set.size;
    return count;
  }

  async *follow(options: FollowOptions): AsyncIterable<readonly StoredEvent[]> {
    const subscriber = new Subscriber(options.conversationId);
    const abort = () => subscriber.notify();
    options.signal.addEventListener('abort', abort);
    this.add(subscriber);
    try {
      // The hub only hands on events it reads after this point, so start it at the log's current end before
      // replaying: everything up to that end comes from the replay, everything after from the hub.
      if (this.head === undefined) {
        const end = await this.log.lastEventSeq();
        this.head ??= end;
      }
      let after = options.after;
      let replaying = true;
      while (!options.signal.aborted) {
        if (replaying || subscriber.overflowed) {
          subscriber.overflowed = false;
          subscriber.buffer = [];
          const page = await this.log.eventsAfter(after, {
            conversationId: options.conversationId,
            limit: this.options.pageSize ?? 500,
          });
          if (page.length > 0) {
            after = page[page.length - 1]?.seq ?? after;
            yield page;
            continue;
          }
          replaying = false;
        }
        const fresh = subscriber.buffer.filter((event) => event.seq > after);
        subscriber.buffer = [];
        if (fresh.length > 0) {
          after = fresh[fresh.length - 1]?.seq ?? after;
          yield fresh;
          continue;
        }
        if (subscriber.overflowed) continue;
        const idleMs = options.idleMs ?? 15_000;
        const before = Date.now();
        await subscriber.wait(idleMs);
        if (
          !options.signal.aborted &&
          subscriber.buffer.length === 0 &&
          !subscriber.overflowed &&
          Date.now() - before >= idleMs
        )
          yield [];
      }
    } finally {
      options.signal.removeEventListener('abort', abort);
      this.remove(subscriber);
    }
  }

  /** Stops polling and listening; open feeds end when their signals abort. */
  close(): void {
    this.unsubscribe();
    this.stopPolling();
  }

  private add(subscriber: Subscriber): void {
    if (subscriber.conversationId === undefined) this.all.add(subscriber);
    else {
      let set = this.byConversation.get(subscriber.conversationId);
      if (set === undefined) this.byConversation.set(subscriber.conversationId, (set = new Set()));
      set.add(subscriber);
    }
    this.startPolling();
  }

  private remove(subscriber: Subscriber): void {
    if (subscriber.conversationId === undefined) this.all.delete(subscriber);
    else {
      const set = this.byConversation.get(subscriber.conversationId);
      set?.delete(subscriber);
      if (set?.size === 0) this.byConversation.delete(subscriber.conversationId);
    }
    if (this.idle) this.stopPolling();
  }

  private startPolling(): void {
    const pollMs = this.options.pollMs ?? 0;
    if (pollMs <= 0 || this.poller !== undefined) return;
    this.poller = setInterval(() => {
      void this.log.lastEventSeq().then(
        (seq) => {
          if (this.head !== undefined && seq > this.head) this.pull();
        },
        () => undefined,
      );
    }, pollMs);
    // A poller alone must not keep a process alive.
    (this.poller as { unref?: () => void }).unref?.();
  }

  private stopPolling(): void {
    if (this.poller !== undefined) clearInterval(this.poller);
    this.poller = undefined;
  }

  /** Reads what is new since the last read and hands it on; one read at a time, repeated if signalled meanwhile. */
  private pull(): void {
    if (this.idle) {
      // Nobody listens: forget the position, the next feed starts from the log's end.
      this.head = undefined;
      return;
    }
    if (this.reading !== undefined) {
      this.again = true;
      return;
    }
    this.reading = this.drain()
      .catch(() => undefined)
      .finally(() => {
        this.reading = undefined;
        if (this.again) {
          this.again = false;
          this.pull();
        }
      });
  }

  private async drain(): Promise<void> {
    if (this.head === undefined) return;
    for (;;) {
      const page = await this.log.eventsAfter(this.head, { limit: this.options.pageSize ?? 500 });
      if (page.length === 0) return;
      this.head = page[page.length - 1]?.seq ?? this.head;
      this.dispatch(page);
    }
  }

  private dispatch(page: readonly StoredEvent[]): void {
    const limit = this.options.maxBuffered ?? 1_000;
    for (const subscriber of this.all) subscriber.push(page, limit);
    if (this.byConversation.size === 0) return;
    const grouped = new Map<string, StoredEvent[]>();
    for (const event of page) {
      if (!this.byConversation.has(event.conversationId)) continue;
      let list = grouped.get(event.conversationId);
      if (list === undefined) grouped.set(event.conversationId, (list = []));
      list.push(event);
    }
    for (const [conversationId, list] of grouped)
      for (const subscriber of this.byConversation.get(conversationId) ?? []) subscriber.push(list, limit);
  }
}
