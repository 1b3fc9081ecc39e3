// ConversationStore on SQLite (better-sqlite3, WAL): every write is one transaction, committed before it resolves. Runtime: Node.
import type { Conversation, ConversationEvent, ConversationStatus, Message, MessageRole, ReplyMeta } from '../../core/conversation/conversation.ts';
import type { BotReplyOutcome, ConversationStore, NewBotReply, NewConversation, NewCustomerMessage } from '../../core/ports/conversation-store.ts';
import type { Lang } from '../../core/text/lang.ts';
import { SqliteDatabase, type SqliteOptions } from './sqlite-database.ts';
import { SqliteTicketStore } from './sqlite-ticket-store.ts';

interface ConversationRow {
  id: string;
  token_hash: string;
  lang: string | null;
  customer: string;
  channel: string;
  status: string;
  created_at: string;
  updated_at: string;
}

interface MessageRow {
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

interface EventRow {
  seq: number;
  conversation_id: string;
  type: string;
  actor: string;
  at: string;
  data: string;
}

export type SqliteStoreOptions = SqliteOptions;

function toConversation(row: ConversationRow): Conversation & { tokenHash: string } {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    lang: row.lang as Lang | null,
    customer: JSON.parse(row.customer) as Conversation['customer'],
    channel: row.channel,
    status: row.status as ConversationStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toMessage(row: MessageRow): Message {
  return {
    author: row.author_id === undefined || row.author_id === null ? null : { id: row.author_id, name: row.author_name ?? '' },
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

export class SqliteStore implements ConversationStore {
  /** Tickets, agents, notes, ratings and the event feed, on the same database and transactions. */
  readonly tickets: SqliteTicketStore;

  private constructor(private readonly db: SqliteDatabase) {
    this.tickets = new SqliteTicketStore(db);
  }

  /** All writes go through group commit: concurrent requests share one transaction and one fsync. */
  get writes() {
    return this.db.writes;
  }

  /** Opens (creating if needed) the database file, sets WAL and runs pending migrations. `:memory:` works too. */
  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    return new SqliteStore(SqliteDatabase.open(path, options));
  }

  private sql(text: string) {
    return this.db.sql(text);
  }

  private event(conversationId: string, type: string, actor: string, at: string, data: Record<string, unknown> = {}): void {
    this.db.event(conversationId, type, actor, at, data);
  }

  private nextSeq(conversationId: string): number {
    const row = this.sql('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM messages WHERE conversation_id = ?').get(conversationId) as { next: number };
    return row.next;
  }

  createConversation(input: NewConversation): Promise<Conversation> {
    return this.writes.run(() => {
      this
        .sql('INSERT INTO conversations (id, token_hash, lang, customer, channel, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.id, input.tokenHash, input.lang, JSON.stringify(input.customer), input.channel, 'bot', input.at, input.at);
      this.event(input.id, 'conversation-created', 'customer', input.at, { channel: input.channel, lang: input.lang });
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
    return this.sql(
      `SELECT id, token_hash, lang, customer, channel, status, created_at,
         MAX(updated_at, COALESCE((SELECT at FROM messages WHERE conversation_id = conversations.id ORDER BY seq DESC LIMIT 1), updated_at)) AS updated_at
       FROM conversations WHERE id = ?`,
    ).get(id) as ConversationRow | undefined;
  }

  /** Just the status, for writes that only need to know who owns the conversation. */
  private status(id: string): ConversationStatus | undefined {
    return (this.sql('SELECT status FROM conversations WHERE id = ?').get(id) as { status: ConversationStatus } | undefined)?.status;
  }

  getConversation(id: string): Promise<(Conversation & { tokenHash: string }) | undefined> {
    const row = this.row(id);
    return Promise.resolve(row === undefined ? undefined : toConversation(row));
  }

  addCustomerMessage(input: NewCustomerMessage): Promise<{ message: Message; duplicate: boolean; status: ConversationStatus; first: boolean }> {
    return this.writes.run(() => {
      if (input.clientMessageId !== undefined) {
        const existing = this
          .sql('SELECT * FROM messages WHERE conversation_id = ? AND client_message_id = ?')
          .get(input.conversationId, input.clientMessageId) as MessageRow | undefined;
        if (existing !== undefined) return { message: toMessage(existing), duplicate: true, status: this.status(input.conversationId) ?? 'bot', first: existing.seq === 1 };
      }
      const seq = this.nextSeq(input.conversationId);
      this
        .sql('INSERT INTO messages (id, conversation_id, seq, role, text, at, client_message_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(input.id, input.conversationId, seq, 'customer', input.text, input.at, input.clientMessageId ?? null);
      const status = this.status(input.conversationId) ?? 'bot';
      // A new message after resolution goes back to the bot.
      if (status === 'resolved') {
        this.sql('UPDATE conversations SET status = ?, updated_at = ? WHERE id = ?').run('bot', input.at, input.conversationId);
        this.event(input.conversationId, 'conversation-reopened', 'customer', input.at, { from: 'resolved', to: 'bot' });
      }
      this.event(input.conversationId, 'message-received', 'customer', input.at, { messageId: input.id, status: status === 'resolved' ? 'bot' : status });
      const message: Message = { id: input.id, conversationId: input.conversationId, role: 'customer', text: input.text, at: input.at, clientMessageId: input.clientMessageId ?? null, replyTo: null, reply: null, author: null };
      return { message, duplicate: false, status: status === 'resolved' ? 'bot' : status, first: seq === 1 };
    });
  }

  addBotReply(input: NewBotReply): Promise<BotReplyOutcome> {
    return this.writes.run((): BotReplyOutcome => {
      const existing = this.sql('SELECT * FROM messages WHERE reply_to = ?').get(input.replyTo) as MessageRow | undefined;
      if (existing !== undefined) return { delivered: true, message: toMessage(existing) };
      const status = this.status(input.conversationId) ?? 'resolved';
      if (status !== 'bot') {
        this.event(input.conversationId, 'reply-dropped', 'bot', input.at, { replyTo: input.replyTo, status });
        return { delivered: false, status };
      }
      this
        .sql('INSERT INTO messages (id, conversation_id, seq, role, text, at, reply_to, reply) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.id, input.conversationId, this.nextSeq(input.conversationId), 'bot', input.text, input.at, input.replyTo, JSON.stringify(input.reply));
      this.event(input.conversationId, 'reply-sent', 'bot', input.at, { messageId: input.id, replyTo: input.replyTo, action: input.reply.action, score: input.reply.confidence.score });
      const nextStatus = input.nextStatus ?? 'bot';
      if (nextStatus !== status) {
        this.sql('UPDATE conversations SET status = ?, updated_at = ? WHERE id = ?').run(nextStatus, input.at, input.conversationId);
        this.event(input.conversationId, 'conversation-handed-off', 'bot', input.at, { from: status, to: nextStatus, reasons: input.reply.reasons ?? [] });
      }
      if (input.ticket !== undefined) this.tickets.insertTicket(input.conversationId, input.ticket, input.at);
      const message: Message = { id: input.id, conversationId: input.conversationId, role: 'bot', text: input.text, at: input.at, clientMessageId: null, replyTo: input.replyTo, reply: input.reply, author: null };
      return { delivered: true, message };
    });
  }

  findReply(customerMessageId: string): Promise<Message | undefined> {
    const row = this.sql('SELECT * FROM messages WHERE reply_to = ?').get(customerMessageId) as MessageRow | undefined;
    return Promise.resolve(row === undefined ? undefined : toMessage(row));
  }

  recentMessages(conversationId: string, limit: number): Promise<Message[]> {
    // Newest first straight off the (conversation_id, seq) index, then reversed: no sort, no reply column.
    const rows = this.sql('SELECT id, conversation_id, role, text, at, client_message_id, reply_to, NULL AS reply FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?').all(
      conversationId,
      limit,
    ) as MessageRow[];
    return Promise.resolve(rows.reverse().map(toMessage));
  }

  listMessages(conversationId: string): Promise<Message[]> {
    const rows = this.sql('SELECT messages.*, agents.name AS author_name FROM messages LEFT JOIN agents ON agents.id = messages.author_id WHERE conversation_id = ? ORDER BY seq').all(conversationId) as MessageRow[];
    return Promise.resolve(rows.map(toMessage));
  }

  listEvents(conversationId: string): Promise<ConversationEvent[]> {
    const rows = this.sql('SELECT * FROM events WHERE conversation_id = ? ORDER BY seq').all(conversationId) as EventRow[];
    return Promise.resolve(
      rows.map((row) => ({ seq: row.seq, conversationId: row.conversation_id, type: row.type, actor: row.actor, at: row.at, data: JSON.parse(row.data) as Record<string, unknown> })),
    );
  }

  async checkWritable(): Promise<void> {
    await this.writes.run(() => this.sql("INSERT OR REPLACE INTO meta (key, value) VALUES ('readiness-checked-at', ?)").run(new Date().toISOString()));
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
