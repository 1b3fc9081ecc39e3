// ConversationStore on SQLite (better-sqlite3, WAL): every write is one transaction, committed before it resolves. Runtime: Node.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { Conversation, ConversationEvent, ConversationStatus, Message, MessageRole, ReplyMeta } from '../../core/conversation/conversation.ts';
import type { BotReplyOutcome, ConversationStore, NewBotReply, NewConversation, NewCustomerMessage } from '../../core/ports/conversation-store.ts';
import type { Lang } from '../../core/text/lang.ts';
import { migrate } from './migrate.ts';

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
  role: string;
  text: string;
  at: string;
  client_message_id: string | null;
  reply_to: string | null;
  reply: string | null;
}

interface EventRow {
  seq: number;
  conversation_id: string;
  type: string;
  actor: string;
  at: string;
  data: string;
}

export interface SqliteStoreOptions {
  /** `full` fsyncs every commit (survives power loss); `normal` survives process crashes only. */
  readonly synchronous?: 'full' | 'normal';
}

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
  private readonly database: Database;

  private constructor(database: Database) {
    this.database = database;
  }

  /** Opens (creating if needed) the database file, sets WAL and runs pending migrations. `:memory:` works too. */
  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    const database = new BetterSqlite3(path);
    database.pragma('journal_mode = WAL');
    database.pragma(`synchronous = ${(options.synchronous ?? 'full').toUpperCase()}`);
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    migrate(database);
    return new SqliteStore(database);
  }

  private event(conversationId: string, type: string, actor: string, at: string, data: Record<string, unknown> = {}): void {
    this.database
      .prepare('INSERT INTO events (conversation_id, type, actor, at, data) VALUES (?, ?, ?, ?, ?)')
      .run(conversationId, type, actor, at, JSON.stringify(data));
  }

  private nextSeq(conversationId: string): number {
    const row = this.database.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM messages WHERE conversation_id = ?').get(conversationId) as { next: number };
    return row.next;
  }

  createConversation(input: NewConversation): Promise<Conversation> {
    this.database.transaction(() => {
      this.database
        .prepare('INSERT INTO conversations (id, token_hash, lang, customer, channel, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.id, input.tokenHash, input.lang, JSON.stringify(input.customer), input.channel, 'bot', input.at, input.at);
      this.event(input.id, 'conversation-created', 'customer', input.at, { channel: input.channel, lang: input.lang });
    })();
    const { tokenHash: _tokenHash, ...conversation } = toConversation(this.row(input.id) as ConversationRow);
    return Promise.resolve(conversation);
  }

  private row(id: string): ConversationRow | undefined {
    return this.database.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
  }

  getConversation(id: string): Promise<(Conversation & { tokenHash: string }) | undefined> {
    const row = this.row(id);
    return Promise.resolve(row === undefined ? undefined : toConversation(row));
  }

  addCustomerMessage(input: NewCustomerMessage): Promise<{ message: Message; duplicate: boolean }> {
    const result = this.database.transaction(() => {
      if (input.clientMessageId !== undefined) {
        const existing = this.database
          .prepare('SELECT * FROM messages WHERE conversation_id = ? AND client_message_id = ?')
          .get(input.conversationId, input.clientMessageId) as MessageRow | undefined;
        if (existing !== undefined) return { message: toMessage(existing), duplicate: true };
      }
      this.database
        .prepare('INSERT INTO messages (id, conversation_id, seq, role, text, at, client_message_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(input.id, input.conversationId, this.nextSeq(input.conversationId), 'customer', input.text, input.at, input.clientMessageId ?? null);
      this.database.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?').run(input.at, input.conversationId);
      this.event(input.conversationId, 'message-received', 'customer', input.at, { messageId: input.id });
      return { message: toMessage(this.database.prepare('SELECT * FROM messages WHERE id = ?').get(input.id) as MessageRow), duplicate: false };
    }).immediate();
    return Promise.resolve(result);
  }

  addBotReply(input: NewBotReply): Promise<BotReplyOutcome> {
    const outcome = this.database.transaction((): BotReplyOutcome => {
      const existing = this.database.prepare('SELECT * FROM messages WHERE reply_to = ?').get(input.replyTo) as MessageRow | undefined;
      if (existing !== undefined) return { delivered: true, message: toMessage(existing) };
      const row = this.row(input.conversationId);
      const status = (row?.status ?? 'resolved') as ConversationStatus;
      if (status !== 'bot') {
        this.event(input.conversationId, 'reply-dropped', 'bot', input.at, { replyTo: input.replyTo, status });
        return { delivered: false, status };
      }
      this.database
        .prepare('INSERT INTO messages (id, conversation_id, seq, role, text, at, reply_to, reply) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.id, input.conversationId, this.nextSeq(input.conversationId), 'bot', input.text, input.at, input.replyTo, JSON.stringify(input.reply));
      this.event(input.conversationId, 'reply-sent', 'bot', input.at, { messageId: input.id, action: input.reply.action, score: input.reply.confidence.score });
      const nextStatus = input.nextStatus ?? 'bot';
      this.database.prepare('UPDATE conversations SET status = ?, updated_at = ? WHERE id = ?').run(nextStatus, input.at, input.conversationId);
      if (nextStatus !== status) {
        this.event(input.conversationId, 'conversation-handed-off', 'bot', input.at, { from: status, to: nextStatus, reasons: input.reply.reasons ?? [] });
      }
      return { delivered: true, message: toMessage(this.database.prepare('SELECT * FROM messages WHERE id = ?').get(input.id) as MessageRow) };
    }).immediate();
    return Promise.resolve(outcome);
  }

  findReply(customerMessageId: string): Promise<Message | undefined> {
    const row = this.database.prepare('SELECT * FROM messages WHERE reply_to = ?').get(customerMessageId) as MessageRow | undefined;
    return Promise.resolve(row === undefined ? undefined : toMessage(row));
  }

  listMessages(conversationId: string): Promise<Message[]> {
    const rows = this.database.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq').all(conversationId) as MessageRow[];
    return Promise.resolve(rows.map(toMessage));
  }

  listEvents(conversationId: string): Promise<ConversationEvent[]> {
    const rows = this.database.prepare('SELECT * FROM events WHERE conversation_id = ? ORDER BY seq').all(conversationId) as EventRow[];
    return Promise.resolve(
      rows.map((row) => ({ seq: row.seq, conversationId: row.conversation_id, type: row.type, actor: row.actor, at: row.at, data: JSON.parse(row.data) as Record<string, unknown> })),
    );
  }

  checkWritable(): Promise<void> {
    this.database.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('readiness-checked-at', ?)").run(new Date().toISOString());
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.database.close();
    return Promise.resolve();
  }
}
