import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/adapters/store/sqlite-store.ts';
import { conversationStoreContract } from './conversation-store.contract.ts';

conversationStoreContract('SqliteStore (file, WAL)', async () =>
  SqliteStore.open(join(await mkdtemp(join(tmpdir(), 'firstline-store-')), 'firstline.db')),
);
conversationStoreContract('SqliteStore (in memory)', () => Promise.resolve(SqliteStore.open(':memory:')));
