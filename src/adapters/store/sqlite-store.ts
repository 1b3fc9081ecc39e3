// The SQL stores on a SQLite file (better-sqlite3, WAL, group commit): every write is one transaction,
// committed and durable before it resolves. Runtime: Node.
import { SqlConversationStore } from './sql-conversation-store.ts';
import { SqliteDatabase, type SqliteOptions } from './sqlite-database.ts';

export type SqliteStoreOptions = SqliteOptions;

export class SqliteStore extends SqlConversationStore {
  private constructor(private readonly database: SqliteDatabase) {
    super(database);
  }

  /** Group commit: concurrent requests share one transaction and one fsync (its counters are in `stats`). */
  get groupCommit() {
    return this.database.writes;
  }

  /** Opens (creating if needed) the database file, sets WAL and runs pending migrations. `:memory:` works too. */
  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    return new SqliteStore(SqliteDatabase.open(path, options));
  }

  override close(): Promise<void> {
    this.database.close();
    return Promise.resolve();
  }
}
