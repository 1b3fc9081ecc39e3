// ConversationStore over the SQL connection port: the desk's rules decide, this applies them in one write
// transaction per change, committed before it resolves. Runtime: any.
import type { Conversation, ConversationStatus, Message } from '../../core/conversation/conversation.ts';
import { receiveCustomerMessage, sendBotReply } from '../../core/desk/desk-rules.ts';
import { events, type StoredEvent } from '../../core/desk/events.ts';
import type {
  BotReplyOutcome,
  ConversationStore,
  CustomerHistoryQuery,
  NewBotReply,
  NewConversation,
  NewCustomerMessage,
  PastConversation,
} from '../../core/ports/conversation-store.ts';
import type { Lang } from '../../core/text/lang.ts';
import type { SqlConnection, SqlDatabase } from '../../core/ports/sql-database.ts';
import type { Signal } from '../../core/util/signal.ts';
import { groupFlood } from '../../core/queue/flood.ts';
import { keepEarlierPriority } from '../../core/queue/priority.ts';
import { SqlMacroStore } from './sql-macro-store.ts';
import {
  SqlAttachmentRecords,
  attachmentsByMessage,
  takeAttachments,
  withAttachments,
} from './sql-attachment-records.ts';
import { SqlTicketStore } from './sql-ticket-store.ts';
import { toConversation, toMessage, type ConversationRow, type MessageRow } from './sql-rows.ts';
import { SqlWrites } from './sql-writes.ts';

export class SqlConversationStore implements ConversationStore {
  /** Tickets, agents, notes, ratings and the event feed, on the same database and transactions. */
  readonly tickets: SqlTicketStore;
  /** Canned responses for agents' replies, on the same database. */
  readonly macros: SqlMacroStore;
  /** The records of files sent with messages (their bytes are an AttachmentStore's), on the same database. */
  readonly attachmentRecords: SqlAttachmentRecords;
  protected readonly writes: SqlWrites;

  constructor(db: SqlDatabase) {
    this.writes = new SqlWrites(db);
    this.tickets = new SqlTicketStore(this.writes);
    this.macros = new SqlMacroStore(db);
    this.attachmentRecords = new SqlAttachmentRecords(this.writes);
  }

  /** Fires after each commit that appended events (the in-process live feeds listen). */
  get committed(): Signal {
    return this.writes.committed;
  }

  private get sql(): SqlConnection {
    return this.writes.sql;
  }

  createConversation(input: NewConversation): Promise<Conversation> {
    return this.writes.run(() => {
      this.sql.run(
        `INSERT INTO conversations (id, token_hash, lang, customer, channel, status, created_at, updated_at, source, page)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        input.id,
        input.tokenHash,
        input.lang,
        JSON.stringify(input.customer),
        input.channel,
        'bot',
        input.at,
        input.at,
        input.source ?? null,
        input.page ?? null,
      );
      this.writes.record(
        input.id,
        'customer',
        input.at,
        events.conversationCreated({ channel: input.channel, lang: input.lang }),
      );
      const { tokenHash: _tokenHash, ...conversation } = toConversation(this.row(input.id) as ConversationRow);
      return conversation;
    });
  }

  /**
   * The conversation row. Its `updated_at` column moves only when the status changes; the conversation's
   * `updatedAt` is the later of that and its newest message, so a message need not rewrite the
   * conversation's row (a page written to the WAL, and later to the database, for every message).
   */
  private row(id: string): ConversationRow | undefined {
    return this.sql.get<ConversationRow>(
      `SELECT id, token_hash, lang, customer, channel, status, created_at, page,
         MAX(updated_at, COALESCE(
           (SELECT at FROM messages WHERE conversation_id = conversations.id ORDER BY seq DESC LIMIT 1),
           updated_at
         )) AS updated_at
       FROM conversations WHERE id = ?`,
      id,
    );
  }

  /** Just the status, for writes that only need to know who owns the conversation. */
  private status(id: string): ConversationStatus | undefined {
    return this.sql.get<{ status: ConversationStatus }>('SELECT status FROM conversations WHERE id = ?', id)?.status;
  }

  getConversation(id: string): Promise<(Conversation & { tokenHash: string }) | undefined> {
    const row = this.row(id);
    return Promise.resolve(row === undefined ? undefined : toConversation(row));
  }

  addCustomerMessage(
    input: NewCustomerMessage,
  ): Promise<{ message: Message; duplicate: boolean; status: ConversationStatus; first: boolean }> {
    return this.writes.run(() => {
      if (input.clientMessageId !== undefined) {
        const existing = this.sql.get<MessageRow>(
          'SELECT * FROM messages WHERE conversation_id = ? AND client_message_id = ?',
          input.conversationId,
          input.clientMessageId,
        );
        if (existing !== undefined)
          return {
            message: withAttachments(
              toMessage(existing),
              attachmentsByMessage(this.sql, input.conversationId).get(existing.id),
            ),
            duplicate: true,
            status: this.status(input.conversationId) ?? 'bot',
            first: existing.seq === 1,
          };
      }
      const seq = this.writes.nextMessageSeq(input.conversationId);
      this.sql.run(
        `INSERT INTO messages (id, conversation_id, seq, role, text, at, client_message_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        input.id,
        input.conversationId,
        seq,
        'customer',
        input.text,
        input.at,
        input.clientMessageId ?? null,
      );
      const attachments = takeAttachments(this.sql, input.conversationId, input.id, input.attachmentIds ?? []);
      const before = this.status(input.conversationId) ?? 'bot';
      const decision = receiveCustomerMessage(before, input.id);
      if (decision.status !== before)
        this.writes.setConversationStatus(input.conversationId, decision.status, input.at);
      this.writes.record(input.conversationId, 'customer', input.at, ...decision.events);
      const message: Message = {
        id: input.id,
        conversationId: input.conversationId,
        role: 'customer',
        text: input.text,
        at: input.at,
        clientMessageId: input.clientMessageId ?? null,
        replyTo: null,
        reply: null,
        author: null,
        ...(attachments.length === 0 ? {} : { attachments }),
      };
      return { message, duplicate: false, status: decision.status, first: seq === 1 };
    });
  }

  addBotReply(input: NewBotReply): Promise<BotReplyOutcome> {
    return this.writes.run((): BotReplyOutcome => {
      const existing = this.sql.get<MessageRow>('SELECT * FROM messages WHERE reply_to = ?', input.replyTo);
      if (existing !== undefined) return { delivered: true, message: toMessage(existing) };
      const status = this.status(input.conversationId) ?? 'resolved';
      // Decided here, in the write that opens the ticket: concurrent handoffs from one source cannot all be first, and
      // a conversation handed back to the bot and off again starts at its earlier priority.
      const carried =
        input.ticket === undefined
          ? undefined
          : keepEarlierPriority(
              input.ticket,
              this.tickets.releasedPriorityOf(input.conversationId),
              new Date(input.at),
              input.sla,
            );
      const ticket =
        carried !== undefined && input.floodControl !== undefined
          ? groupFlood(
              carried,
              this.tickets.sourceTicketsSince(input.conversationId, input.floodControl.since),
              input.floodControl,
            )
          : carried;
      const decision = sendBotReply(
        status,
        {
          messageId: input.id,
          replyTo: input.replyTo,
          action: input.reply.action,
          score: input.reply.confidence.score,
          reasons: input.reply.reasons,
        },
        ticket,
      );
      if (!decision.delivered) {
        this.writes.record(input.conversationId, 'bot', input.at, ...decision.events);
        return { delivered: false, status };
      }
      this.sql.run(
        `INSERT INTO messages (id, conversation_id, seq, role, text, at, reply_to, reply)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        input.id,
        input.conversationId,
        this.writes.nextMessageSeq(input.conversationId),
        'bot',
        input.text,
        input.at,
        input.replyTo,
        JSON.stringify(input.reply),
      );
      if (decision.status !== status)
        this.writes.setConversationStatus(input.conversationId, decision.status, input.at);
      if (ticket !== undefined && decision.ticketStatus !== undefined)
        this.tickets.insertTicket(input.conversationId, ticket, decision.ticketStatus, input.at);
      this.writes.record(input.conversationId, 'bot', input.at, ...decision.events);
      const message: Message = {
        id: input.id,
        conversationId: input.conversationId,
        role: 'bot',
        text: input.text,
        at: input.at,
        clientMessageId: null,
        replyTo: input.replyTo,
        reply: input.reply,
        author: null,
      };
      return { delivered: true, message };
    });
  }

  findReply(customerMessageId: string): Promise<Message | undefined> {
    const row = this.sql.get<MessageRow>('SELECT * FROM messages WHERE reply_to = ?', customerMessageId);
    return Promise.resolve(row === undefined ? undefined : toMessage(row));
  }

  recentMessages(conversationId: string, limit: number): Promise<Message[]> {
    // Newest first straight off the (conversation_id, seq) index, then reversed: no sort. Of a bot reply's metadata
    // only what the pipeline and the handoff summary read (action, citations, options, ...), not the claim check's
    // record with the model's text; json_patch drops the keys a reply does not have.
    const rows = this.sql.all<MessageRow>(
      `SELECT id, conversation_id, role, text, at, client_message_id, reply_to,
         CASE WHEN reply IS NULL THEN NULL ELSE json_patch('{}', json_object(
           'action', json_extract(reply, '$.action'),
           'citations', json(COALESCE(json_extract(reply, '$.citations'), '[]')),
           'confidence', json(json_extract(reply, '$.confidence')),
           'lang', json_extract(reply, '$.lang'),
           'reasons', json(json_extract(reply, '$.reasons')),
           'options', json(json_extract(reply, '$.options')))) END AS reply
         FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?`,
      conversationId,
      limit,
    );
    return Promise.resolve(rows.reverse().map(toMessage));
  }

  listMessages(conversationId: string): Promise<Message[]> {
    const rows = this.sql.all<MessageRow>(
      `SELECT messages.*, agents.name AS author_name FROM messages LEFT JOIN agents ON agents.id = messages.author_id
         WHERE conversation_id = ? ORDER BY seq`,
      conversationId,
    );
    const attachments = attachmentsByMessage(this.sql, conversationId);
    return Promise.resolve(rows.map((row) => withAttachments(toMessage(row), attachments.get(row.id))));
  }

  listEvents(conversationId: string): Promise<StoredEvent[]> {
    return Promise.resolve(this.writes.log.ofConversation(conversationId));
  }

  async setPage(conversationId: string, page: string): Promise<void> {
    await this.writes.run(() => this.sql.run('UPDATE conversations SET page = ? WHERE id = ?', page, conversationId));
  }

  customerHistory(query: CustomerHistoryQuery): Promise<PastConversation[]> {
    // Each branch of the union is an indexed lookup (migration 008); the expressions match the indexes' exactly.
    const rows = this.sql.all<PastConversationRow>(
      `SELECT c.id, c.created_at, c.status, c.channel, c.lang, t.id AS ticket_id, t.resolution, r.score AS rating
       FROM conversations c
       LEFT JOIN tickets t ON t.id = (
         SELECT id FROM tickets WHERE conversation_id = c.id ORDER BY created_at DESC, id DESC LIMIT 1)
       LEFT JOIN ratings r ON r.conversation_id = c.id
       WHERE c.id IN (
           SELECT id FROM conversations
             WHERE json_extract(customer, '$.id') IS NOT NULL AND json_extract(customer, '$.id') = ?
           UNION
           SELECT id FROM conversations
             WHERE json_extract(customer, '$.email') IS NOT NULL AND lower(json_extract(customer, '$.email')) = lower(?))
         AND c.id <> ? AND COALESCE(json_extract(c.customer, '$.verified'), 0) = ?
       ORDER BY c.created_at DESC, c.id DESC LIMIT ?`,
      query.id ?? null,
      query.email ?? null,
      query.excludeConversationId,
      query.verified ? 1 : 0,
      query.limit,
    );
    return Promise.resolve(
      rows.map((row) => ({
        conversationId: row.id,
        createdAt: row.created_at,
        status: row.status,
        channel: row.channel,
        lang: row.lang as Lang | null,
        ticketId: row.ticket_id,
        resolution: row.resolution,
        rating: row.rating,
      })),
    );
  }

  async checkWritable(): Promise<void> {
    await this.writes.run(() =>
      this.sql.run(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('readiness-checked-at', ?)",
        new Date().toISOString(),
      ),
    );
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

interface PastConversationRow {
  id: string;
  created_at: string;
  status: ConversationStatus;
  channel: string;
  lang: string | null;
  ticket_id: string | null;
  resolution: string | null;
  rating: number | null;
}
