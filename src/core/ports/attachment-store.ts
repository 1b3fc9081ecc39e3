// Port: files sent with messages, their bytes and their records. A message takes its files in the message store's
// own write (see ConversationStore.addCustomerMessage); this port stores, reads and deletes them. Runtime: any.
import type { AttachmentRecord } from '../attachments/attachment.ts';

export interface AttachmentStore {
  /** Stores the bytes and the record (not yet taken by a message); resolves once both are durable. */
  put(record: Omit<AttachmentRecord, 'messageId'>, content: Uint8Array): Promise<AttachmentRecord>;
  /** The record alone, or undefined. */
  find(id: string): Promise<AttachmentRecord | undefined>;
  /** The record and its bytes, or undefined (never stored, or deleted). */
  get(id: string): Promise<{ readonly record: AttachmentRecord; readonly content: Uint8Array } | undefined>;
  /** A conversation's files, oldest first. */
  listOfConversation(conversationId: string): Promise<AttachmentRecord[]>;
  /** Deletes a conversation's files and records; returns how many there were. */
  deleteConversation(conversationId: string): Promise<number>;
  /**
   * Deletes the files and records of every conversation that was erased (by a customer's request or retention);
   * returns how many files went. Safe to repeat: an erasure interrupted before it is finished here.
   */
  deleteErased(): Promise<number>;
}
