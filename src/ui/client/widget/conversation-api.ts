// The customer API as the widget calls it, typed from the server's schemas. Runtime: browser.
import { api } from '../api.ts';
import type {
  Conversation,
  ConversationCreated,
  ConversationPageRecorded,
  CreateConversation,
  Rating,
  RatingRecorded,
} from '../api-types.ts';

/** A conversation the widget holds the token of. */
export interface ConversationKey {
  readonly id: string;
  readonly token: string;
}

export interface ConversationApi {
  open(body: CreateConversation): Promise<ConversationCreated>;
  read(conversation: ConversationKey): Promise<Conversation>;
  rate(conversation: ConversationKey, body: Rating): Promise<RatingRecorded>;
  /** The customer is on another page now. */
  page(conversation: ConversationKey, page: string): Promise<ConversationPageRecorded>;
  /** The customer is typing (or stopped): shown to the specialist. */
  typing(conversation: ConversationKey, typing: boolean): Promise<unknown>;
  /** Where the conversation's live events are read (server-sent events). */
  eventsUrl(conversation: ConversationKey): string;
  /** Where customer messages are posted (the reply streams back: see reply-stream.ts). */
  messagesUrl(conversation: ConversationKey): string;
  /** Where the customer's files are uploaded before the message naming them. */
  attachmentsUrl(conversation: ConversationKey): string;
}

export function conversationApi(base: string): ConversationApi {
  const path = (conversation: ConversationKey) => `/v1/conversations/${encodeURIComponent(conversation.id)}`;
  return {
    open: (body) => api<ConversationCreated>(base, '/v1/conversations', { method: 'POST', body }),
    read: (conversation) => api<Conversation>(base, path(conversation), { token: conversation.token }),
    rate: (conversation, body) =>
      api<RatingRecorded>(base, `${path(conversation)}/rating`, { method: 'POST', token: conversation.token, body }),
    page: (conversation, page) =>
      api<ConversationPageRecorded>(base, `${path(conversation)}/page`, {
        method: 'POST',
        token: conversation.token,
        body: { page },
      }),
    typing: (conversation, typing) =>
      api<unknown>(base, `${path(conversation)}/typing`, {
        method: 'POST',
        token: conversation.token,
        body: { typing },
      }),
    eventsUrl: (conversation) => `${base}${path(conversation)}/events`,
    messagesUrl: (conversation) => `${base}${path(conversation)}/messages`,
    attachmentsUrl: (conversation) => `${base}${path(conversation)}/attachments`,
  };
}
