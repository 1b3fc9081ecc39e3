// AttachmentStore on Node: the bytes as files under <directory>/<conversationId>/<id>, written to a temporary file
// and renamed into place (a reader never sees half a file), and the records in SQL. Runtime: Node.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RecordedAttachmentStore, safeSegment, type AttachmentBytes } from '../store/recorded-attachment-store.ts';
import type { SqlAttachmentRecords } from '../store/sql-attachment-records.ts';
import type { SqlConversationStore } from '../store/sql-conversation-store.ts';

function fileBytes(directory: string): AttachmentBytes {
  const folderOf = (conversationId: string) => join(directory, safeSegment(conversationId));
  const pathOf = (conversationId: string, id: string) => join(folderOf(conversationId), safeSegment(id));
  return {
    async write(conversationId, id, content) {
      await mkdir(folderOf(conversationId), { recursive: true });
      const path = pathOf(conversationId, id);
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, content, { flush: true });
      await rename(temporary, path);
    },
    async read(conversationId, id) {
      try {
        const content = await readFile(pathOf(conversationId, id));
        return new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
        throw error;
      }
    },
    remove: (conversationId, id) => rm(pathOf(conversationId, id), { force: true }),
    removeConversation: (conversationId) => rm(folderOf(conversationId), { recursive: true, force: true }),
  };
}

export class FileAttachmentStore extends RecordedAttachmentStore {
  constructor(directory: string, records: SqlAttachmentRecords) {
    super(fileBytes(directory), records);
  }
}

/** The store for a data folder: files under `<dataDir>/attachments`, records in the conversation store's database. */
export function attachmentStoreOf(
  dataDir: string,
  store: Pick<SqlConversationStore, 'attachmentRecords'>,
): FileAttachmentStore {
  return new FileAttachmentStore(join(dataDir, 'attachments'), store.attachmentRecords);
}
