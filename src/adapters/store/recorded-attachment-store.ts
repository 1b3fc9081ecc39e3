// An AttachmentStore from a place for the bytes and the SQL records beside the conversations: what every adapter does
// alike (bytes before record, a record's failure takes its bytes back, a conversation's bytes deleted before its
// records, erased conversations swept). The file system on Node and R2 on Workers supply only the bytes. Runtime: any.
import type { AttachmentRecord } from '../../core/attachments/attachment.ts';
import type { AttachmentStore } from '../../core/ports/attachment-store.ts';
import type { SqlAttachmentRecords } from './sql-attachment-records.ts';

/** Where a conversation's files keep their bytes; each write is whole or nothing. */
export interface AttachmentBytes {
  write(conversationId: string, id: string, content: Uint8Array): Promise<void>;
  /** The bytes, or undefined when there are none. */
  read(conversationId: string, id: string): Promise<Uint8Array | undefined>;
  remove(conversationId: string, id: string): Promise<void>;
  removeConversation(conversationId: string): Promise<void>;
}

/** Ids and conversation ids become path or key segments: only these characters are ever used as one. */
const SAFE_SEGMENT = /^[\w-]{1,100}$/;

export function safeSegment(value: string): string {
  if (!SAFE_SEGMENT.test(value)) throw new Error(`unsafe path segment: ${JSON.stringify(value)}`);
  return value;
}

export class RecordedAttachmentStore implements AttachmentStore {
  constructor(
    private readonly bytes: AttachmentBytes,
    private readonly records: SqlAttachmentRecords,
  ) {}

  async put(input: Omit<AttachmentRecord, 'messageId'>, content: Uint8Array): Promise<AttachmentRecord> {
    await this.bytes.write(input.conversationId, input.id, content);
    const record: AttachmentRecord = { ...input, messageId: null };
    try {
      await this.records.insert(record);
    } catch (error) {
      await this.bytes.remove(input.conversationId, input.id);
      throw error;
    }
    return record;
  }

  find(id: string): Promise<AttachmentRecord | undefined> {
    return Promise.resolve(this.records.find(id));
  }

  async get(id: string): Promise<{ record: AttachmentRecord; content: Uint8Array } | undefined> {
    const record = this.records.find(id);
    if (record === undefined) return undefined;
    const content = await this.bytes.read(record.conversationId, record.id);
    return content === undefined ? undefined : { record, content };
  }

  listOfConversation(conversationId: string): Promise<AttachmentRecord[]> {
    return Promise.resolve(this.records.listOfConversation(conversationId));
  }

  async deleteConversation(conversationId: string): Promise<number> {
    // Bytes first: a crash in between leaves records that a repeat deletes, never bytes nobody can find.
    await this.bytes.removeConversation(conversationId);
    return this.records.deleteConversation(conversationId);
  }

  async deleteErased(): Promise<number> {
    let deleted = 0;
    for (const conversationId of this.records.erasedConversations())
      deleted += await this.deleteConversation(conversationId);
    return deleted;
  }
}
