// The SQL connection port over a SQLite-backed Durable Object's storage (`ctx.storage.sql`, `transactionSync`):
// the SQL stores run on it unchanged. A write is one synchronous transaction; the object's output gate holds the
// response until it is durable, so a write is acknowledged only once stored. Migrations run when it is opened.
// Runtime: Workers (any runtime offering the same storage shape, which is all it asks for).
import type { SqlConnection, SqlDatabase, SqlValue } from '../../core/ports/sql-database.ts';
import { migrate, type Migration } from './migrate.ts';

/** The part of a Durable Object's storage this uses (`DurableObjectStorage` in the Workers types). */
export interface DurableObjectSqlStorage {
  readonly sql: {
    exec(
      query: string,
      ...bindings: SqlValue[]
    ): { toArray(): Array<Record<string, SqlValue>>; readonly rowsWritten: number };
  };
  transactionSync<T>(closure: () => T): T;
}

export class DurableObjectDatabase implements SqlDatabase {
  readonly connection: SqlConnection;

  private constructor(private readonly storage: DurableObjectSqlStorage) {
    const { sql } = storage;
    this.connection = {
      get: <Row>(query: string, ...params: SqlValue[]) => sql.exec(query, ...params).toArray()[0] as Row | undefined,
      all: <Row>(query: string, ...params: SqlValue[]) => sql.exec(query, ...params).toArray() as Row[],
      // `rowsWritten` also counts index entries: the rows a statement changed are SQLite's own `changes()`.
      run: (query: string, ...params: SqlValue[]) => {
        sql.exec(query, ...params).toArray();
        const [row] = sql.exec('SELECT changes() AS changes').toArray();
        return { changes: Number(row?.['changes'] ?? 0) };
      },
      exec: (script: string) => {
        sql.exec(script).toArray();
      },
      transaction: <T>(work: () => T) => storage.transactionSync(work),
    };
  }

  write<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(this.storage.transactionSync(work));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** The database in the object's storage, brought to the newest schema. */
  static open(storage: DurableObjectSqlStorage, migrations: readonly Migration[]): DurableObjectDatabase {
    const database = new DurableObjectDatabase(storage);
    migrate(database.connection, migrations);
    return database;
  }
}
