// The records of files sent with messages, over the SQL connection port (table from migration 010): stored on
// upload, taken by a message inside the message's own write, read with the transcript, deleted with the files.
// Runtime: any.
import type { AttachmentMeta, AttachmentRecord, AttachmentType } from '../../core/attachments/attachment.ts';
import type { Message } from '../../core/conversation/conversation.ts';
import { ERASED_TOKEN_HASH } from '../../core/desk/erasure.ts';
import { AppError } from '../../core/errors.ts';
import type { SqlConnection } from '../../core/ports/sql-database.ts';
import type { SqlWrites } from './sql-writes.ts';

interface AttachmentRow {
  id: string;
  conversation_id: string;
  message_id: string | null;
  name: string;
  type: string;
  bytes: number;
  sha256: string;
  uploaded_by: 'customer' | 'agent';
  created_at: string;
}

function toRecord(row: AttachmentRow): AttachmentRecord {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    name: row.name,
    type: row.type as AttachmentType,
    bytes: row.bytes,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}

const metaOf = (record: AttachmentMeta): AttachmentMeta => ({
  id: record.id,
  name: record.name,
  type: record.type,
  bytes: record.bytes,
});

/**
 * Inside a message's write: gives the files `ids` to the message, in the order given. Throws (rolling the message
 * back) `not_found:attachment` for an id this conversation never uploaded and `conflict:attachment` for one another
 * message already took.
 */
export function takeAttachments(
  sql: SqlConnection,
  conversationId: string,
  messageId: string,
  ids: readonly string[],
): AttachmentMeta[] {
  return ids.map((id) => {
    const row = sql.get<AttachmentRow>('SELECT * FROM attachments WHERE id = ?', id);
    if (row === undefined || row.conversation_id !== conversationId)
      throw new AppError('not_found:attachment', `attachment ${id} was not uploaded to this conversation`);
    if (row.message_id !== null)
      throw new AppError('conflict:attachment', `attachment ${id} was already sent with another message`);
    sql.run('UPDATE attachments SET message_id = ? WHERE id = ?', messageId, id);
    return metaOf(toRecord(row));
  });
}

/** The files of a conversation's messages, by message id, each list in upload order. */
export function attachmentsByMessage(sql: SqlConnection, conversationId: string): Map<string, AttachmentMeta[]> {
  const byMessage = new Map<string, AttachmentMeta[]>();
  const rows = sql.all<AttachmentRow>(
    'SELECT * FROM attachments WHERE conversation_id = ? AND message_id IS NOT NULL ORDER BY created_at, id',
    conversationId,
  );
  for (const row of rows) {
    const list = byMessage.get(row.message_id ?? '') ?? [];
    list.push(metaOf(toRecord(row)));
    byMessage.set(row.message_id ?? '', list);
  }
  return byMessage;
}

/** The message with its files, when it has any (a message without keeps no `attachments` key). */
export function withAttachments(message: Message, attachments: Message['attachments']): Message {
  return attachments === undefined || attachments.length === 0 ? message : { ...message, attachments };
}

/** The records; the bytes are the file store's. */
export class SqlAttachmentRecords {
  constructor(private readonly writes: SqlWrites) {}

  insert(record: AttachmentRecord): Promise<void> {
    return this.writes.run(() => {
      this.writes.sql.run(
        `INSERT INTO attachments (id, conversation_id, message_id, name, type, bytes, sha256, uploaded_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        record.id,
        record.conversationId,
        record.messageId,
        record.name,
        record.type,
        record.bytes,
        record.sha256,
        record.uploadedBy,
        record.createdAt,
      );
    });
  }

  find(id: string): AttachmentRecord | undefined {
    const row = this.writes.sql.get<AttachmentRow>('SELECT * FROM attachments WHERE id = ?', id);
    return row === undefined ? undefined : toRecord(row);
  }

  listOfConversation(conversationId: string): AttachmentRecord[] {
    return this.writes.sql
      .all<AttachmentRow>('SELECT * FROM attachments WHERE conversation_id = ? ORDER BY created_at, id', conversationId)
      .map(toRecord);
  }

  /** Deletes a conversation's records; returns how many went. */
  deleteConversation(conversationId: string): Promise<number> {
    return this.writes.run(
      () => this.writes.sql.run('DELETE FROM attachments WHERE conversation_id = ?', conversationId).changes,
    );
  }

  /** Conversations that were erased and still have files. */
  erasedConversations(): string[] {
    return this.writes.sql
      .all<{ conversation_id: string }>(
        `SELECT DISTINCT attachments.conversation_id FROM attachments
           JOIN conversations ON conversations.id = attachments.conversation_id
         WHERE conversations.token_hash = ?`,
        ERASED_TOKEN_HASH,
      )
      .map((row) => row.conversation_id);
  }
}
