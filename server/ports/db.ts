import type { Tables } from './tables';

/**
 * The database port. Both adapters (PGlite embedded, postgres.js for Supabase)
 * run the same SQL with `$1…$n` parameters, so domain code is written once.
 * Tables with a query module are reached through `tables`, typed rows and no SQL
 * in the domain; `query` is for the tables not moved yet and the hand-tuned
 * retrieval statements.
 */
export interface Db {
  readonly driver: 'pglite' | 'postgres';
  /** The typed tables, bound to this connection or transaction. */
  readonly tables: Tables;
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
