// Server-sent events: the live feeds (`/v1/conversations/{id}/events`, `/v1/agent/events`) and a streamed reply's
// pieces. Types only: event streams are not described by the OpenAPI document. Runtime: any.
import type { ConversationStatus } from '../../core/conversation/conversation.ts';
import type { DeskEventType } from '../../core/desk/events.ts';
import type { AttachmentMeta } from '../../core/attachments/attachment.ts';

/** `message`: an agent wrote to the customer. */
export interface FeedAgentMessage {
  readonly id: string;
  readonly role: 'agent';
  readonly text: string;
  readonly author: { readonly name: string };
  readonly at: string;
  /** Files sent with the message (fetch each at `/v1/attachments/{id}` with the conversation's token); absent when none. */
  readonly attachments?: AttachmentMeta[];
}

/** `status`: who serves the customer now; an agent's name when one claimed it, a rating request on resolution. */
export interface FeedStatus {
  readonly status: ConversationStatus;
  readonly agent?: { readonly name: string };
  readonly ratingRequested?: true;
  /** What the customer is told with the change (a specialist handed the conversation back to the bot). */
  readonly notice?: { readonly messageId: string; readonly text: string };
  readonly at: string;
}

/** `typing`: the assignee is typing a reply (or stopped). Ephemeral: sent without an id, never replayed. */
export interface FeedAgentTyping {
  readonly who: 'agent';
  readonly name: string;
  readonly typing: boolean;
}

export type CustomerFeedEvent =
  | { readonly event: 'message'; readonly data: FeedAgentMessage }
  | { readonly event: 'status'; readonly data: FeedStatus }
  | { readonly event: 'typing'; readonly data: FeedAgentTyping };

/** Agents' events are named after the desk event; their data is the event's, without message texts. */
export interface AgentFeedEvent {
  readonly event: DeskEventType;
  readonly data: {
    readonly conversationId: string;
    readonly at: string;
    readonly actor: string;
    readonly ticketId?: string;
  };
}

/** `typing` in the agents' feed: a customer is typing (or stopped). Ephemeral: sent without an id, never replayed. */
export interface FeedCustomerTyping {
  readonly conversationId: string;
  readonly ticketId?: string;
  readonly who: 'customer';
  readonly typing: boolean;
}

export interface AgentTypingEvent {
  readonly event: 'typing';
  readonly data: FeedCustomerTyping;
}

/** `token` in a streamed reply (`POST /v1/conversations/{id}/messages` with `Accept: text/event-stream`). */
export interface ReplyToken {
  readonly text: string;
}
