// Files customers and agents send with their messages: the accepted types, the limits and the records every store
// keeps. The bot never reads them. Runtime: any.

/** The media types accepted, as decided from the content's first bytes (see sniff.ts). */
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Files one message may carry. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 5;

/** Who uploaded a file. */
export type AttachmentUploader = 'customer' | 'agent';

/** What a message shows of a file: enough to list it and fetch it. */
export interface AttachmentMeta {
  readonly id: string;
  /** The sanitised file name (see file-name.ts). */
  readonly name: string;
  readonly type: AttachmentType;
  /** Size in bytes. */
  readonly bytes: number;
}

/** A stored file's record: its metadata, where it belongs, and whether a message has taken it yet. */
export interface AttachmentRecord extends AttachmentMeta {
  readonly conversationId: string;
  /** Null until a message referencing it is sent; then that message's id, for good. */
  readonly messageId: string | null;
  /** SHA-256 of the content, hex. */
  readonly sha256: string;
  readonly uploadedBy: AttachmentUploader;
  readonly createdAt: string;
}

/** True for types shown inline (images); the rest (PDF) are offered as downloads. */
export function isImage(type: AttachmentType): boolean {
  return type.startsWith('image/');
}
