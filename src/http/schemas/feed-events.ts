// Server-sent events: the live feeds (`/v1/conversations/{id}/events`, `/v1/agent/events`) and a streamed reply's
// pieces. Types only: event streams are not described by the OpenAPI document. Runtime: any.
import type { ConversationStatus } from '../../core/conversation/conversation.ts';
import type { DeskEventType } from '../../core/desk/events.ts';

/** `message`: an agent wrote to the customer. */
export interface FeedAgentMessage {
  readonly id: string;
  readonly role: 'agent';
  readonly text: string;
  readonly author: { readonly name: string };
  readonly at: string;
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

export type CustomerFeedEvent =
  | { readonly event: 'message'; readonly data: FeedAgentMessage }
  | { readonly event: 'status'; readonly data: FeedStatus };

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

/** `token` in a streamed reply (`POST /v1/conversations/{id}/messages` with `Accept: text/event-stream`). */
export interface ReplyToken {
  readonly text: string;
}
