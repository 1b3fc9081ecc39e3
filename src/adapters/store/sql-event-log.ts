// The append-only event log in SQL: typed desk events in, typed stored events out. Runtime: any.
import type { DeskEvent, StoredEvent } from '../../core/desk/events.ts';
import { storedEvent } from '../../core/desk/events.ts';
import type { SqlConnection } from '../../core/ports/sql-database.ts';

interface EventRow {
  seq: number;
  conversation_id: string;
  type: string;
  actor: string;
  at: string;
  data: string;
}

const toEvent = (row: EventRow): StoredEvent =>
  storedEvent({
    seq: row.seq,
    conversationId: row.conversation_id,
    type: row.type,
    actor: row.actor,
    at: row.at,
    data: JSON.parse(row.data) as unknown,
  });

export class SqlEventLog {
  /** Events appended by this process since it started: a write that moved it has something for the live feeds. */
  appended = 0;

  constructor(private readonly sql: SqlConnection) {}

  /** Appends inside the caller's write transaction. */
  append(conversationId: string, actor: string, at: string, event: DeskEvent): void {
    this.sql.run(
      'INSERT INTO events (conversation_id, type, actor, at, data) VALUES (?, ?, ?, ?, ?)',
      conversationId,
      event.type,
      actor,
      at,
      JSON.stringify(event.data),
    );
    this.appended += 1;
  }

  lastSeq(): number {
    return this.sql.get<{ seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM events')?.seq ?? 0;
  }

  after(
    after: number,
    options: { conversationId?: string | undefined; limit?: number | undefined } = {},
  ): StoredEvent[] {
    const limit = options.limit ?? 500;
    const rows =
      options.conversationId === undefined
        ? this.sql.all<EventRow>('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?', after, limit)
        : this.sql.all<EventRow>(
            'SELECT * FROM events WHERE seq > ? AND conversation_id = ? ORDER BY seq LIMIT ?',
            after,
            options.conversationId,
            limit,
          );
    return rows.map(toEvent);
  }

  ofConversation(conversationId: string): StoredEvent[] {
    return this.sql
      .all<EventRow>('SELECT * FROM events WHERE conversation_id = ? ORDER BY seq', conversationId)
      .map(toEvent);
  }
}
