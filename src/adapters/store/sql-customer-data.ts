// A customer's data rights over the SQL stores: everything held about a customer (found by the `id` or `email` in
// the conversations' customer profile) read at once, and erased in one write transaction that keeps the events
// as anonymous facts. Runtime: any.
import type { ReplyMeta } from '../../core/conversation/conversation.ts';
import { ERASED, ERASED_TOKEN_HASH, erasedReply, erasedSignals, erasedSummary } from '../../core/desk/erasure.ts';
import { events } from '../../core/desk/events.ts';
import type {
  CustomerConversationRecord,
  CustomerErasure,
  ErasureCounts,
  Note,
} from '../../core/ports/ticket-store.ts';
import type { Ticket, TicketSummary } from '../../core/queue/ticket.ts';
import { toConversation, toMessage, type ConversationRow, type MessageRow } from './sql-rows.ts';
import type { SqlWrites } from './sql-writes.ts';
import { attachmentsByMessage, withAttachments } from './sql-attachment-records.ts';

/** The conversations of a customer: the profile's `id` exactly, or its `email` ignoring case. */
const MATCHING = `SELECT id, token_hash, lang, customer, channel, status, created_at, updated_at FROM conversations
  WHERE json_extract(customer, '$.id') = ? OR lower(json_extract(customer, '$.email')) = lower(?)
  ORDER BY created_at, id`;

function matching(writes: SqlWrites, key: string): ConversationRow[] {
  return writes.sql.all<ConversationRow>(MATCHING, key, key);
}

/** Read synchronously on one connection: nothing else writes in between. */
export function customerRecords(
  writes: SqlWrites,
  key: string,
  ticketsOf: (conversationId: string) => Ticket[],
): CustomerConversationRecord[] {
  const { sql } = writes;
  return matching(writes, key).map((row) => {
    const { tokenHash: _tokenHash, ...conversation } = toConversation(row);
    const messages = sql
      .all<MessageRow>(
        `SELECT messages.id, messages.conversation_id, messages.role, messages.text, messages.at,
           messages.client_message_id, messages.reply_to, messages.reply, messages.author_id, agents.name AS author_name
         FROM messages LEFT JOIN agents ON agents.id = messages.author_id WHERE conversation_id = ? ORDER BY seq`,
        row.id,
      )
      .map(toMessage);
    const files = attachmentsByMessage(sql, row.id);
    const tickets = ticketsOf(row.id).map((ticket) => ({
      ...ticket,
      notes: sql.all<Note>(
        `SELECT id, ticket_id AS ticketId, agent_id AS agentId, text, at FROM ticket_notes
           WHERE ticket_id = ? ORDER BY at, id`,
        ticket.id,
      ),
    }));
    const rating =
      sql.get<{ score: number; comment: string | null; at: string }>(
        'SELECT score, comment, at FROM ratings WHERE conversation_id = ?',
        row.id,
      ) ?? null;
    return {
      ...conversation,
      messages: messages.map((message) => withAttachments(message, files.get(message.id))),
      tickets,
      rating,
      events: writes.log.ofConversation(row.id),
    };
  });
}

/** Runs inside the caller's write transaction. */
export function eraseCustomer(writes: SqlWrites, input: CustomerErasure): ErasureCounts {
  return eraseConversations(
    writes,
    matching(writes, input.key).map((row) => row.id),
    input,
  );
}

/**
 * Conversations untouched since `before` (no message, no status change), not waiting for or with a person, and not
 * erased yet; oldest first, at most `limit`. Erased like a customer's, inside the caller's write transaction.
 */
export function eraseExpired(
  writes: SqlWrites,
  input: { before: string; limit: number; by: string; actor: string; at: string },
): ErasureCounts {
  const ids = writes.sql
    .all<{ id: string }>(
      `SELECT id FROM conversations
       WHERE token_hash <> ? AND status IN ('bot', 'resolved') AND updated_at < ?
         AND NOT EXISTS (SELECT 1 FROM messages WHERE messages.conversation_id = conversations.id AND messages.at >= ?)
       ORDER BY updated_at, id LIMIT ?`,
      ERASED_TOKEN_HASH,
      input.before,
      input.before,
      input.limit,
    )
    .map((row) => row.id);
  return eraseConversations(writes, ids, input);
}

function eraseConversations(
  writes: SqlWrites,
  ids: readonly string[],
  input: { by: string; actor: string; at: string },
): ErasureCounts {
  const { sql } = writes;
  let messages = 0;
  let tickets = 0;
  for (const id of ids) {
    messages += sql.run('UPDATE messages SET text = ? WHERE conversation_id = ?', ERASED, id).changes;
    const replies = sql.all<{ id: string; reply: string }>(
      'SELECT id, reply FROM messages WHERE conversation_id = ? AND reply IS NOT NULL',
      id,
    );
    for (const reply of replies)
      sql.run(
        'UPDATE messages SET reply = ? WHERE id = ?',
        JSON.stringify(erasedReply(JSON.parse(reply.reply) as ReplyMeta)),
        reply.id,
      );
    const ticketRows = sql.all<{ id: string; summary: string; signals: string }>(
      'SELECT id, summary, signals FROM tickets WHERE conversation_id = ?',
      id,
    );
    for (const ticket of ticketRows) {
      sql.run(
        'UPDATE tickets SET summary = ?, signals = ?, source = NULL, customer_key = NULL WHERE id = ?',
        JSON.stringify(erasedSummary(JSON.parse(ticket.summary) as TicketSummary)),
        JSON.stringify(erasedSignals(JSON.parse(ticket.signals) as Record<string, unknown>)),
        ticket.id,
      );
      sql.run('UPDATE ticket_notes SET text = ? WHERE ticket_id = ?', ERASED, ticket.id);
    }
    tickets += ticketRows.length;
    sql.run('UPDATE ratings SET comment = NULL WHERE conversation_id = ?', id);
    sql.run(
      "UPDATE conversations SET customer = '{}', token_hash = ?, source = NULL, page = NULL WHERE id = ?",
      ERASED_TOKEN_HASH,
      id,
    );
    // Events stay (the KPIs are computed from them); the one event type carrying a text loses it, and its file names
    // (the files themselves go with AttachmentStore.deleteErased once this has committed).
    const texts = sql.all<{ seq: number; data: string }>(
      "SELECT seq, data FROM events WHERE conversation_id = ? AND type = 'agent-message-sent'",
      id,
    );
    for (const event of texts)
      sql.run(
        'UPDATE events SET data = ? WHERE seq = ?',
        JSON.stringify({
          ...(JSON.parse(event.data) as Record<string, unknown>),
          text: ERASED,
          attachments: undefined,
        }),
        event.seq,
      );
    writes.record(id, input.actor, input.at, events.customerErased({ by: input.by, at: input.at }));
  }
  return { conversations: ids.length, messages, tickets };
}
