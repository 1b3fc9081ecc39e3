// AttachmentStore on a bucket (R2 on Workers): the bytes as objects `attachments/<conversationId>/<id>`, the records in
// SQL beside the conversations. An object is written whole or not at all, so a reader never sees half a file.
// Runtime: any (it needs only the bucket's put, get, list and delete).
import { RecordedAttachmentStore, safeSegment, type AttachmentBytes } from '../store/recorded-attachment-store.ts';
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

function bucketBytes(bucket: ObjectBucket): AttachmentBytes {
  const folderOf = (conversationId: string) => `attachments/${safeSegment(conversationId)}/`;
  const keyOf = (conversationId: string, id: string) => folderOf(conversationId) + safeSegment(id);
  return {
    async write(conversationId, id, content) {
      await bucket.put(keyOf(conversationId, id), content);
    },
    async read(conversationId, id) {
      const object = await bucket.get(keyOf(conversationId, id));
      return object === null ? undefined : new Uint8Array(await object.arrayBuffer());
    },
    remove: (conversationId, id) => bucket.delete(keyOf(conversationId, id)),
    async removeConversation(conversationId) {
      let cursor: string | undefined;
      do {
        const page = await bucket.list({ prefix: folderOf(conversationId), cursor });
        if (page.objects.length > 0) await bucket.delete(page.objects.map((object) => object.key));
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor !== undefined);
    },
  };
}

export class R2AttachmentStore extends RecordedAttachmentStore {
  constructor(bucket: ObjectBucket, records: SqlAttachmentRecords) {
    super(bucketBytes(bucket), records);
  }
}
