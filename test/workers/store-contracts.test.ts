// The store contracts the SQLite file passes on Node, run on a Durable Object's SQLite in workerd: the SQL stores
// unchanged over the SQL connection port, migrations applied in the object, every test inside its own object.
import { env, runInDurableObject } from 'cloudflare:test';
import {
  DurableObjectDatabase,
  type DurableObjectSqlStorage,
} from '../../src/adapters/store/durable-object-database.ts';
import { SqlConversationStore } from '../../src/adapters/store/sql-conversation-store.ts';
import { EventHub } from '../../src/core/desk/event-hub.ts';
import { ExactVectorIndex } from '../../src/core/retrieval/exact-vector-index.ts';
import { R2AttachmentStore } from '../../src/adapters/r2/r2-attachment-store.ts';
import { attachmentStoreContract, sqlConversations } from '../contracts/attachment-store.contract.ts';
import { conversationStoreContract } from '../contracts/conversation-store.contract.ts';
import { eventFeedContract } from '../contracts/event-feed.contract.ts';
import { vectorIndexContract } from '../contracts/vector-index.contract.ts';
import { ticketStoreContract } from '../contracts/ticket-store.contract.ts';
import type { Within } from '../contracts/within.ts';
import { MIGRATIONS } from './migrations.ts';

/** The storage of the object the running test is inside. */
let current: DurableObjectSqlStorage | undefined;

const inObject: Within = async (body) => {
  const namespace = env.STORE;
  await runInDurableObject(namespace.get(namespace.newUniqueId()), async (_instance, state) => {
    current = state.storage as unknown as DurableObjectSqlStorage;
    try {
      await body();
    } finally {
      current = undefined;
    }
  });
};

/** A fresh store in the current object: its storage is emptied first, as a new SQLite file would be on Node. */
async function open(): Promise<SqlConversationStore> {
  if (current === undefined) throw new Error('a store is opened only inside a Durable Object');
  await (current as unknown as { deleteAll(): Promise<void> }).deleteAll();
  return new SqlConversationStore(DurableObjectDatabase.open(current, MIGRATIONS));
}

conversationStoreContract('DurableObjectDatabase', open, inObject);
ticketStoreContract(
  'DurableObjectDatabase',
  async () => {
    const store = await open();
    return { conversations: store, tickets: store.tickets, close: () => store.close() };
  },
  inObject,
);

// Delivery from the commit signal only: no polling in an object that is the only writer of its storage.
eventFeedContract(
  'EventHub over DurableObjectDatabase',
  async () => {
    const store = await open();
    const hub = new EventHub(store.tickets, store.committed, { pollMs: 0 });
    return {
      feed: hub,
      store,
      close: async () => {
        hub.close();
        await store.close();
      },
    };
  },
  inObject,
);

vectorIndexContract('ExactVectorIndex in workerd', (vectors, dimensions) =>
  Promise.resolve(new ExactVectorIndex(vectors, dimensions)),
);

// Attachments on Workers: the bytes in R2 under a prefix of their own per test, the records in the object's SQLite.
let bucketPrefix = 0;
attachmentStoreContract(
  'R2AttachmentStore (R2 bytes, Durable Object records)',
  async () => {
    const store = await open();
    bucketPrefix += 1;
    const prefix = `test-${bucketPrefix}/`;
    const bucket = env.FILES;
    const scoped = {
      put: (key: string, value: Uint8Array) => bucket.put(prefix + key, value),
      get: (key: string) => bucket.get(prefix + key),
      list: async (options: { prefix: string; cursor?: string | undefined }) => {
        const page = await bucket.list({ prefix: prefix + options.prefix, cursor: options.cursor });
        return {
          objects: page.objects.map((object) => ({ key: object.key.slice(prefix.length) })),
          truncated: page.truncated,
          cursor: page.truncated ? page.cursor : undefined,
        };
      },
      delete: (keys: string | string[]) =>
        bucket.delete(Array.isArray(keys) ? keys.map((key) => prefix + key) : prefix + keys),
    };
    return {
      attachments: new R2AttachmentStore(scoped, store.attachmentRecords),
      ...sqlConversations(store),
      close: () => store.close(),
    };
  },
  inObject,
);
