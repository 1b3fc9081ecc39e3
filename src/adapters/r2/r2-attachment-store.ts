// AttachmentStore on a bucket (R2 on Workers): the bytes as objects `attachments/<conversationId>/<id>`, the records in
// SQL beside the conversations. An object is written whole or not at all, so a reader never sees half a file.
// Runtime: any (it needs only the bucket's put, get, list and delete).
import type { AttachmentRecord } from '../../core/attachments/attachment.ts';
import type { AttachmentStore } from '../../core/ports/attachment-store.ts';
import type { SqlAttachmentRecords } from '../store/sql-attachment-records.ts';

/** The part of an R2 bucket this uses (`R2Bucket` in the Workers types). */
export interface ObjectBucket {
  put(key: string, value: Uint8Array): Promise<unknown>;
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
  list(options: {
    prefix: string;
    cursor?: string | undefined;
  }): Promise<{ objects: ReadonlyArray<{ key: string }>; truncated: boolean; cursor?: string | undefined }>;
  delete(keys: string | string[]): Promise<void>;
}

/** Ids and conversation ids become key segments: only these characters are ever used as one. */
const SAFE_SEGMENT = /^[\w-]{1,100}$/;

function segment(value: string): string {
  if (!SAFE_SEGMENT.test(value)) throw new Error(`unsafe key segment: ${JSON.stringify(value)}`);
  return value;
}

const folderOf = (conversationId: string) => `attachments/${segment(conversationId)}/`;

export class R2AttachmentStore implements AttachmentStore {
  constructor(
    private readonly bucket: ObjectBucket,
    private readonly records: SqlAttachmentRecords,
  ) {}

  async put(input: Omit<AttachmentRecord, 'messageId'>, content: Uint8Array): Promise<AttachmentRecord> {
    const key = folderOf(input.conversationId) + segment(input.id);
    await this.bucket.put(key, content);
    const record: AttachmentRecord = { ...input, messageId: null };
    try {
      await this.records.insert(record);
    } catch (error) {
      await this.bucket.delete(key);
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
    const object = await this.bucket.get(folderOf(record.conversationId) + segment(record.id));
    if (object === null) return undefined;
    return { record, content: new Uint8Array(await object.arrayBuffer()) };
  }

  listOfConversation(conversationId: string): Promise<AttachmentRecord[]> {
    return Promise.resolve(this.records.listOfConversation(conversationId));
  }

  async deleteConversation(conversationId: string): Promise<number> {
    // Objects first: a crash in between leaves records that a repeat deletes, never objects nobody can find.
    const prefix = folderOf(conversationId);
    let cursor: string | undefined;
    do {
      const page = await this.bucket.list({ prefix, cursor });
      if (page.objects.length > 0) await this.bucket.delete(page.objects.map((object) => object.key));
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor !== undefined);
    return this.records.deleteConversation(conversationId);
  }

  async deleteErased(): Promise<number> {
    let deleted = 0;
    for (const conversationId of this.records.erasedConversations())
      deleted += await this.deleteConversation(conversationId);
    return deleted;
  }
}
