// Port: ephemeral presence signals between the two sides of a conversation (who is typing). Never stored, never a
// desk event: a signal lives in the memory of the process that received it and is gone after a few seconds. In
// process on Node; a Durable Object per conversation where isolates must share it. Runtime: any.

/** Who is typing: the customer in the widget, or the ticket's assignee in the console. */
export type TypingParty = 'customer' | 'agent';

/** A party started, renewed or stopped typing in a conversation. */
export interface TypingSignal {
  readonly conversationId: string;
  readonly who: TypingParty;
  /** The agent's name, shown to the customer. */
  readonly name?: string | undefined;
  /** The open ticket of the conversation, for agents' consoles. */
  readonly ticketId?: string | undefined;
  /** Milliseconds since the epoch until which the party counts as typing; at or before now means it stopped. */
  readonly until: number;
}

/** What subscribers are told: the signal, and whether the party is typing now (false on a stop or an expiry). */
export interface TypingChange extends TypingSignal {
  readonly typing: boolean;
}

export interface PresenceSignals {
  /**
   * Publishes a start (or renewal) or a stop. Returns false when the signal was ignored as a repeat: the same state
   * for the same party within the repeat window, or a stop of a party that was not typing.
   */
  publish(signal: TypingSignal): boolean;
  /** Follows one conversation's signals, or every conversation's when `conversationId` is absent. */
  subscribe(listener: (change: TypingChange) => void, options?: { readonly conversationId?: string }): () => void;
}
