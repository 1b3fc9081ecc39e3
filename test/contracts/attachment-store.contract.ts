// Contract every AttachmentStore adapter must meet: bytes kept exactly, records read back whole, a conversation's
// files deleted together, erased conversations' files deleted on request, unknown ids answered (never thrown on).
import { describe, expect, it as vitestIt } from 'vitest';
import type { AttachmentRecord } from '../../src/core/attachments/attachment.ts';
import type { AttachmentStore } from '../../src/core/ports/attachment-store.ts';
import type { SqlConversationStore } from '../../src/adapters/store/sql-conversation-store.ts';
import { run, type Within } from './within.ts';

export interface AttachmentStoreUnderTest {
  readonly attachments: AttachmentStore;
  /** Opens a conversation the files can belong to. */
  conversation(id: string): Promise<void>;
  /** Erases a conversation as a customer's erasure would. */
  erase(id: string): Promise<void>;
  close(): Promise<void>;
}

/** Opening and erasing conversations in the SQL stores, for adapters whose records live there. */
export function sqlConversations(
  store: SqlConversationStore,
): Pick<AttachmentStoreUnderTest, 'conversation' | 'erase'> {
  return {
    conversation: async (id) => {
      await store.createConversation({
        id,
        tokenHash: `hash-${id}`,
        lang: 'en',
        customer: { email: `${id}@example.com` },
        channel: 'web',
        at: '2026-11-01T09:00:00.000Z',
      });
    },
    erase: async (id) => {
      await store.tickets.eraseCustomer({
        key: `${id}@example.com`,
        by: 'cli',
        actor: 'system',
        at: new Date().toISOString(),
      });
    },
  };
}

const record = (id: string, conversationId: string, content: Uint8Array): Omit<AttachmentRecord, 'messageId'> => ({
  id,
  conversationId,
  name: `${id}.png`,
  type: 'image/png',
  bytes: content.byteLength,
  sha256: 'ab'.repeat(32),
  uploadedBy: 'customer',
  createdAt: `2026-11-01T10:00:0${id.length % 10}.000Z`,
});

export function attachmentStoreContract(
  name: string,
  open: () => Promise<AttachmentStoreUnderTest>,
  within: Within = run,
): void {
  describe(`AttachmentStore contract: ${name}`, () => {
    let subject: AttachmentStoreUnderTest;
    let store: AttachmentStore;
    // Each test opens its store, with two conversations, where the adapter runs (inside a Durable Object on Workers).
    const it = (title: string, body: () => Promise<void>) =>
      vitestIt(title, () =>
        within(async () => {
          subject = await open();
          store = subject.attachments;
          try {
            await subject.conversation('c1');
            await subject.conversation('c2');
            await body();
          } finally {
            await subject.close();
          }
        }),
      );

    it('keeps the bytes exactly and reads the record back, not yet taken by a message', async () => {
      const content = new Uint8Array(256).map((_, index) => index);
      const stored = await store.put(record('a1', 'c1', content), content);
      expect(stored).toEqual({ ...record('a1', 'c1', content), messageId: null });
      expect(await store.find('a1')).toEqual(stored);
      const got = await store.get('a1');
      expect(got?.record).toEqual(stored);
      expect([...(got?.content ?? [])]).toEqual([...content]);
    });

    it('answers undefined for an id it never stored', async () => {
      expect(await store.find('missing')).toBeUndefined();
      expect(await store.get('missing')).toBeUndefined();
    });

    it("lists a conversation's files and deletes them together, leaving other conversations' alone", async () => {
      const content = new Uint8Array([1, 2, 3]);
      await store.put(record('a1', 'c1', content), content);
      await store.put(record('a22', 'c1', content), content);
      await store.put(record('b1', 'c2', content), content);
      expect((await store.listOfConversation('c1')).map((entry) => entry.id)).toEqual(['a1', 'a22']);
      expect(await store.deleteConversation('c1')).toBe(2);
      expect(await store.get('a1')).toBeUndefined();
      expect(await store.listOfConversation('c1')).toEqual([]);
      expect((await store.get('b1'))?.record.id).toBe('b1');
      expect(await store.deleteConversation('c1')).toBe(0);
    });

    it('deletes the files of erased conversations only, and a repeat finds nothing more', async () => {
      const content = new Uint8Array([9]);
      await store.put(record('a1', 'c1', content), content);
      await store.put(record('b1', 'c2', content), content);
      await subject.erase('c1');
      expect(await store.deleteErased()).toBe(1);
      expect(await store.get('a1')).toBeUndefined();
      expect((await store.get('b1'))?.record.id).toBe('b1');
      expect(await store.deleteErased()).toBe(0);
    });
  });
}
