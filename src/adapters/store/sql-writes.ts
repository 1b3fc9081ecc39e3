// The writes the SQL stores share: one transaction each, events appended in it, live feeds told after the
// commit. Runtime: any.
import type { ConversationStatus, Message } from '../../core/conversation/conversation.ts';
import type { DeskEvent } from '../../core/desk/events.ts';
import type { SqlConnection, SqlDatabase } from '../../core/ports/sql-database.ts';
import { Signal } from '../../core/util/signal.ts';
import { SqlEventLog } from './sql-event-log.ts';

export class SqlWrites {
  readonly log: SqlEventLog;
  /** Fires after a write that appended events has committed. */
  readonly committed = new Signal();

  constructor(readonly db: SqlDatabase) {
    this.log = new SqlEventLog(db.connection);
  }

  get sql(): SqlConnection {
    return this.db.connection;
  }

  async run<T>(work: () => T): Promise<T> {
    let appended = 0;
    const value = await this.db.write(() => {
      const before = this.log.appended;
      const result = work();
      appended = this.log.appended - before;
      return result;
    });
    if (appended > 0) this.committed.fire();
    return value;
  }

  /** Appends events inside a write. */
  record(conversationId: string, actor: string, at: string, ...list: readonly DeskEvent[]): void {
    for (const event of list) this.log.append(conversationId, actor, at, event);
  }

  setConversationStatus(conversationId: string, status: ConversationStatus, at: string): void {
    this.sql.run('UPDATE conversations SET status = ?, updated_at = ? WHERE id = ?', status, at, conversationId);
  }

  /** A note from the service to the customer (a request updated, the bot back), inside a write. */
  addSystemMessage(conversationId: string, id: string, text: string, at: string): Message {
    this.sql.run(
      "INSERT INTO messages (id, conversation_id, seq, role, text, at) VALUES (?, ?, ?, 'system', ?, ?)",
      id,
      conversationId,
      this.nextMessageSeq(conversationId),
      text,
      at,
    );
    return {
      id,
      conversationId,
      role: 'system',
      text,
      at,
      clientMessageId: null,
      replyTo: null,
      reply: null,
      author: null,
    };
  }

  nextMessageSeq(conversationId: string): number {
    return (
      this.sql.get<{ next: number }>(
        'SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM messages WHERE conversation_id = ?',
        conversationId,
      )?.next ?? 1
    );
  }
}
