// Rows of the conversations and messages tables, and the records they decode to. Runtime: any.
import type {
  Conversation,
  ConversationStatus,
  Message,
  MessageRole,
  ReplyMeta,
} from '../../core/conversation/conversation.ts';
import type { Lang } from '../../core/text/lang.ts';

export interface ConversationRow {
  id: string;
  token_hash: string;
  lang: string | null;
  customer: string;
  channel: string;
  status: string;
  created_at: string;
  updated_at: string;
  /** Read by the conversation store (migration 008); other readers leave it out. A conversation without one has no `page`. */
  page?: string | null;
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  seq?: number;
  role: string;
  text: string;
  at: string;
  client_message_id: string | null;
  reply_to: string | null;
  reply: string | null;
  author_id?: string | null;
  author_name?: string | null;
}

export function toConversation(row: ConversationRow): Conversation & { tokenHash: string } {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    lang: row.lang as Lang | null,
    customer: JSON.parse(row.customer) as Conversation['customer'],
    channel: row.channel,
    status: row.status as ConversationStatus,
    ...(row.page === undefined || row.page === null ? {} : { page: row.page }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toMessage(row: MessageRow): Message {
  return {
    author:
      row.author_id === undefined || row.author_id === null ? null : { id: row.author_id, name: row.author_name ?? '' },
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role as MessageRole,
    text: row.text,
    at: row.at,
    clientMessageId: row.client_message_id,
    replyTo: row.reply_to,
    reply: row.reply === null ? null : (JSON.parse(row.reply) as ReplyMeta),
  };
}
