import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/adapters/store/sqlite-store.ts';
import { ticketStoreContract } from './ticket-store.contract.ts';

const stores = (store: SqliteStore) => ({ conversations: store, tickets: store.tickets, close: () => store.close() });

ticketStoreContract('SqliteStore (file, WAL)', async () =>
  stores(
    SqliteStore.open(join(await mkdtemp(join(tmpdir(), 'firstline-tickets-')), 'firstline.db'), {
      synchronous: 'normal',
    }),
  ),
);
ticketStoreContract('SqliteStore (in memory)', () => Promise.resolve(stores(SqliteStore.open(':memory:'))));
