// Port: the little a SQL store needs from a SQLite connection: one row, all rows, run, a script, and writes that
// are transactions committed (durably) before they resolve. better-sqlite3 satisfies it on Node; a SQLite-backed
// Durable Object (`ctx.storage.sql`, `transactionSync`) satisfies it on Workers. Runtime: any.

export type SqlValue = string | number | bigint | null | Uint8Array;

export interface SqlConnection {
  /** The first row of a query, or undefined. */
  get<Row>(sql: string, ...params: SqlValue[]): Row | undefined;
  all<Row>(sql: string, ...params: SqlValue[]): Row[];
  /** A statement that changes rows; `changes` counts them. */
  run(sql: string, ...params: SqlValue[]): { readonly changes: number };
  /** Several statements without parameters (migrations). */
  exec(sql: string): void;
  /** Runs `work` in one transaction: all of it commits, or none of it when it throws. */
  transaction<T>(work: () => T): T;
}

export interface SqlDatabase {
  readonly connection: SqlConnection;
  /**
   * Runs `work` in a write transaction and resolves once it is committed and durable. `work` must touch only the
   * database and may run more than once (an implementation may batch writes and retry a batch one by one).
   */
  write<T>(work: () => T): Promise<T>;
}
