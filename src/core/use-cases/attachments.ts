// Files customers and agents send: an upload is checked (size, type by content), named safely, hashed and stored
// before any message refers to it; a download hands back the bytes with their sniffed type. Who may do either is
// the HTTP layer's question (the conversation's token, the assignee, any agent). Runtime: any.
import type { AttachmentMeta, AttachmentRecord, AttachmentUploader } from '../attachments/attachment.ts';
import { checkUpload } from '../attachments/attachment-limits.ts';
import { sanitizeFileName } from '../attachments/file-name.ts';
import { AppError } from '../errors.ts';
import type { AttachmentStore } from '../ports/attachment-store.ts';

export interface AttachmentServiceDependencies {
  readonly store: AttachmentStore;
  /** Largest file accepted, in bytes (MAX_ATTACHMENT_BYTES). */
  readonly maxBytes: number;
  readonly newId: () => string;
  readonly now: () => Date;
}

export class AttachmentService {
  constructor(private readonly deps: AttachmentServiceDependencies) {}

  get maxBytes(): number {
    return this.deps.maxBytes;
  }

  /** Stores a file for a conversation; 400 empty, 413 too large, 415 not an image or PDF by its content. */
  async upload(input: {
    readonly conversationId: string;
    readonly name: string;
    readonly content: Uint8Array;
    readonly uploadedBy: AttachmentUploader;
  }): Promise<AttachmentMeta> {
    const type = checkUpload(input.content, this.deps.maxBytes);
    const digest = await crypto.subtle.digest('SHA-256', input.content);
    const record = await this.deps.store.put(
      {
        id: this.deps.newId(),
        conversationId: input.conversationId,
        name: sanitizeFileName(input.name, type),
        type,
        bytes: input.content.byteLength,
        sha256: [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join(''),
        uploadedBy: input.uploadedBy,
        createdAt: this.deps.now().toISOString(),
      },
      input.content,
    );
    return { id: record.id, name: record.name, type: record.type, bytes: record.bytes };
  }

  /** The record; `not_found:attachment` when there is none. */
  async find(id: string): Promise<AttachmentRecord> {
    const record = await this.deps.store.find(id);
    if (record === undefined) throw notFound(id);
    return record;
  }

  /** The record and the bytes; `not_found:attachment` when either is gone. */
  async open(id: string): Promise<{ readonly record: AttachmentRecord; readonly content: Uint8Array }> {
    const stored = await this.deps.store.get(id);
    if (stored === undefined) throw notFound(id);
    return stored;
  }
}

const notFound = (id: string) => new AppError('not_found:attachment', `attachment ${id} does not exist`);
