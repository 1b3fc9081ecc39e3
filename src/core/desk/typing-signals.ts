// Who is typing, in the memory of one process: a signal lasts until its `until` unless renewed, repeats within a
// short window are ignored, and subscribers (the live feeds) hear each start, renewal, stop and expiry. Not a desk
// event: nothing reaches the event log, so KPIs, exports and erasure never see it. Runtime: any.
import type { PresenceSignals, TypingChange, TypingSignal } from '../ports/presence-signals.ts';

/** How long a typing signal lasts unless renewed. */
export const TYPING_TTL_MS = 6_000;
/** A repeat of the same state within this window is ignored (not renewed, not passed on). */
export const TYPING_REPEAT_MS = 2_000;

export interface TypingSignalsOptions {
  /** Milliseconds since the epoch; `Date.now` by default. */
  readonly clock?: (() => number) | undefined;
  readonly repeatMs?: number | undefined;
}

interface Entry {
  readonly signal: TypingSignal;
  readonly acceptedAt: number;
  readonly timer: ReturnType<typeof setTimeout>;
}

type Listener = (change: TypingChange) => void;

export class TypingSignals implements PresenceSignals {
  private readonly entries = new Map<string, Entry>();
  private readonly all = new Set<Listener>();
  private readonly byConversation = new Map<string, Set<Listener>>();
  private readonly clock: () => number;
  private readonly repeatMs: number;

  constructor(options: TypingSignalsOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.repeatMs = options.repeatMs ?? TYPING_REPEAT_MS;
  }

  /** Parties typing now (for tests and metrics). */
  get active(): number {
    return this.entries.size;
  }

  publish(signal: TypingSignal): boolean {
    const now = this.clock();
    const key = `${signal.conversationId}\u0000${signal.who}`;
    const entry = this.entries.get(key);
    if (signal.until <= now) {
      if (entry === undefined) return false;
      clearTimeout(entry.timer);
      this.entries.delete(key);
      this.notify({ ...signal, typing: false });
      return true;
    }
    if (entry !== undefined && now - entry.acceptedAt < this.repeatMs && entry.signal.name === signal.name)
      return false;
    if (entry !== undefined) clearTimeout(entry.timer);
    const timer = setTimeout(() => {
      if (this.entries.get(key)?.timer !== timer) return;
      this.entries.delete(key);
      this.notify({ ...signal, typing: false });
    }, signal.until - now);
    // An expiry alone must not keep a process alive.
    (timer as { unref?: () => void }).unref?.();
    this.entries.set(key, { signal, acceptedAt: now, timer });
    this.notify({ ...signal, typing: true });
    return true;
  }

  subscribe(listener: Listener, options: { readonly conversationId?: string } = {}): () => void {
    const { conversationId } = options;
    if (conversationId === undefined) {
      this.all.add(listener);
      return () => void this.all.delete(listener);
    }
    let set = this.byConversation.get(conversationId);
    if (set === undefined) this.byConversation.set(conversationId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byConversation.get(conversationId) === set) this.byConversation.delete(conversationId);
    };
  }

  private notify(change: TypingChange): void {
    const listeners = [...this.all, ...(this.byConversation.get(change.conversationId) ?? [])];
    for (const listener of listeners) {
      try {
        listener(change);
      } catch {
        // One feed's failure must not keep the signal from the others.
      }
    }
  }
}
