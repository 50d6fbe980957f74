import postgres from 'postgres';
import type { Db } from '../../ports/db';
import type { Tables } from '../../ports/tables';
import { bindTables } from './tables/bind-tables';

type Sql = postgres.Sql | postgres.TransactionSql;

function wrap(sql: Sql, root: postgres.Sql | null): Db {
  let tables: Tables | undefined;
  const db: Db = {
    driver: 'postgres',
    get tables() {
      tables ??= bindTables(db);
      return tables;
    },
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as Row[];
    },
    async exec(text: string) {
      await sql.unsafe(text);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (!root) return fn(db);
      return (await root.begin((tx) => fn(wrap(tx, null)))) as T;
    },
    async close() {
      if (root) await root.end({ timeout: 5 });
    },
  };
  return db;
}

export interface PostgresDbOptions {
  url: string;
  max?: number;
  /**
   * Named prepared statements. Without them postgres.js sends every parameterised
   * statement twice over (Parse + Describe, then Bind + Execute: two round trips, and
   * Postgres parses and plans it every time); with them, a connection's second use of a
   * statement is one round trip to a cached plan. Hyperdrive caches them and asks for
   * them; Supabase's transaction pooler (port 6543) rejects them, so off by default.
   */
  prepare?: boolean;
}

/*
 * Parameters serialised as PGlite serialises them, so the domain's SQL means the same
 * on both adapters. postgres.js's defaults differ in two ways the server-pg suite
 * exposed (both invisible on PGlite, both real in production):
 * - json/jsonb: postgres.js stringifies every value, so the domain's JSON.stringify(...)
 *   arrived double-encoded, a jsonb *string* holding the array ("cannot get array
 *   length of a scalar"). A string is JSON text already and goes as is.
 * - timestamps: postgres.js passes every value through new Date(...), which keeps
 *   milliseconds only, so a "…10:00:00.123456Z" cursor became ".123Z" and paging
 *   skipped the rows of that millisecond. A string goes as is; Postgres parses it.
 */
const jsonLikePglite = {
  to: 114,
  from: [114, 3802],
  serialize: (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value)),
  parse: (text: string) => JSON.parse(text) as unknown,
};
const dateLikePglite = {
  to: 1184,
  from: [1082, 1114, 1184],
  serialize: (value: unknown) =>
    typeof value === 'string' ? value : (value instanceof Date ? value : new Date(value as number)).toISOString(),
  parse: (text: string) => new Date(text),
};

/** Postgres (Supabase, Hyperdrive, or any server) through postgres.js; same SQL as PGlite. */
export function openPostgresDb(options: PostgresDbOptions): Db {
  const sql = postgres(options.url, {
    max: options.max ?? 5,
    prepare: options.prepare ?? false,
    idle_timeout: 20,
    connect_timeout: 10,
    onnotice: () => {},
    types: { json: jsonLikePglite, date: dateLikePglite },
  });
  return wrap(sql, sql);
}
