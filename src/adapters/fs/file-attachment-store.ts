// AttachmentStore on Node: the bytes as files under <directory>/<conversationId>/<id>, written to a temporary file
// and renamed into place (a reader never sees half a file), and the records in SQL. Runtime: Node.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentRecord } from '../../core/attachments/attachment.ts';
import type { AttachmentStore } from '../../core/ports/attachment-store.ts';
import type { SqlAttachmentRecords } from '../store/sql-attachment-records.ts';
import type { SqlConversationStore } from '../store/sql-conversation-store.ts';

/** Ids and conversation ids become path segments: only these characters are ever used as one. */
const SAFE_SEGMENT = /^[\w-]{1,100}$/;

function segment(value: string): string {
  if (!SAFE_SEGMENT.test(value)) throw new Error(`unsafe path segment: ${JSON.stringify(value)}`);
  return value;
}

export class FileAttachmentStore implements AttachmentStore {
  constructor(
    private readonly directory: string,
    private readonly records: SqlAttachmentRecords,
  ) {}

  private folderOf(conversationId: string): string {
    return join(this.directory, segment(conversationId));
  }

  async put(input: Omit<AttachmentRecord, 'messageId'>, content: Uint8Array): Promise<AttachmentRecord> {
    const folder = this.folderOf(input.conversationId);
    const path = join(folder, segment(input.id));
    await mkdir(folder, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, content, { flush: true });
    await rename(temporary, path);
    const record: AttachmentRecord = { ...input, messageId: null };
    try {
      await this.records.insert(record);
    } catch (error) {
      await rm(path, { force: true });
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
    try {
      const content = await readFile(join(this.folderOf(record.conversationId), segment(record.id)));
      return { record, content: new Uint8Array(content.buffer, content.byteOffset, content.byteLength) };
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
      throw error;
    }
  }

  listOfConversation(conversationId: string): Promise<AttachmentRecord[]> {
    return Promise.resolve(this.records.listOfConversation(conversationId));
  }

  async deleteConversation(conversationId: string): Promise<number> {
    // Files first: a crash in between leaves records that a repeat deletes, never files nobody can find.
    await rm(this.folderOf(conversationId), { recursive: true, force: true });
    return this.records.deleteConversation(conversationId);
  }

  async deleteErased(): Promise<number> {
    let deleted = 0;
    for (const conversationId of this.records.erasedConversations())
      deleted += await this.deleteConversation(conversationId);
    return deleted;
  }
}

/** The store for a data folder: files under `<dataDir>/attachments`, records in the conversation store's database. */
export function attachmentStoreOf(
  dataDir: string,
  store: Pick<SqlConversationStore, 'attachmentRecords'>,
): FileAttachmentStore {
  return new FileAttachmentStore(join(dataDir, 'attachments'), store.attachmentRecords);
}
