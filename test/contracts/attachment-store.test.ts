import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileAttachmentStore, attachmentStoreOf } from '../../src/adapters/fs/file-attachment-store.ts';
import { SqliteStore } from '../../src/adapters/store/sqlite-store.ts';
import { attachmentStoreContract, sqlConversations } from './attachment-store.contract.ts';

async function openFileStore() {
  const directory = await mkdtemp(join(tmpdir(), 'firstline-attachments-'));
  const store = SqliteStore.open(join(directory, 'firstline.db'), { synchronous: 'normal' });
  const attachments = attachmentStoreOf(directory, store);
  return { directory, store, attachments };
}

attachmentStoreContract('FileAttachmentStore (a real directory, SQLite records)', async () => {
  const { directory, store, attachments } = await openFileStore();
  return {
    attachments,
    ...sqlConversations(store),
    close: async () => {
      await store.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
});

describe('FileAttachmentStore on disk', () => {
  it('keeps each file at attachments/<conversation>/<id> with no temporary file left behind', async () => {
    const { directory, store, attachments } = await openFileStore();
    try {
      await store.createConversation({
        id: 'c1',
        tokenHash: 'h',
        lang: null,
        customer: {},
        channel: 'web',
        at: '2026-11-01T09:00:00.000Z',
      });
      const content = new Uint8Array([1, 2, 3]);
      await attachments.put(
        {
          id: 'a1',
          conversationId: 'c1',
          name: 'x.png',
          type: 'image/png',
          bytes: 3,
          sha256: '00',
          uploadedBy: 'agent',
          createdAt: '2026-11-01T10:00:00.000Z',
        },
        content,
      );
      expect(await readdir(join(directory, 'attachments', 'c1'))).toEqual(['a1']);
    } finally {
      await store.close();
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('refuses an id that would leave its folder', async () => {
    const { directory, store } = await openFileStore();
    try {
      const attachments = new FileAttachmentStore(join(directory, 'attachments'), store.attachmentRecords);
      await expect(attachments.deleteConversation('../escape')).rejects.toThrow(/unsafe path segment/);
    } finally {
      await store.close();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
