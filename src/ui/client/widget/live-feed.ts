// A conversation's live feed: agent messages and changes of who serves the customer, resumed after a reload or a
// dropped connection from the last event the stored conversation saw. Runtime: browser.
import type { FeedAgentMessage, FeedAgentTyping, FeedStatus } from '../api-types.ts';
import { followEvents } from '../sse.ts';
import type { ConversationApi } from './conversation-api.ts';
import type { StoredConversation } from './stored-conversation.ts';

export interface FeedHandlers {
  /** The stored conversation's `lastEventId` moved on: keep it. */
  readonly onProgress: () => void;
  readonly onMessage: (message: FeedAgentMessage) => void;
  readonly onStatus: (status: FeedStatus) => void;
  /** The specialist is typing (or stopped); not stored, so it has no event id. */
  readonly onTyping: (typing: FeedAgentTyping) => void;
}

export class ConversationFeed {
  private follow: AbortController | undefined;

  constructor(
    private readonly api: ConversationApi,
    private readonly handlers: FeedHandlers,
  ) {}

  get active(): boolean {
    return this.follow !== undefined;
  }

  start(stored: StoredConversation): void {
    this.follow?.abort();
    const controller = new AbortController();
    this.follow = controller;
    void followEvents({
      url: this.api.eventsUrl(stored),
      token: stored.token,
      lastEventId: stored.lastEventId,
      signal: controller.signal,
      onMessage: (message) => {
        stored.lastEventId = message.id ?? stored.lastEventId;
        this.handlers.onProgress();
        const data: unknown = JSON.parse(message.data);
        if (message.event === 'message') this.handlers.onMessage(data as FeedAgentMessage);
        else if (message.event === 'status') this.handlers.onStatus(data as FeedStatus);
        else if (message.event === 'typing') this.handlers.onTyping(data as FeedAgentTyping);
      },
    });
  }

  stop(): void {
    this.follow?.abort();
    this.follow = undefined;
  }
}
