import postgres from 'postgres';
import type { Db } from '../../ports/db';

type Sql = postgres.Sql | postgres.TransactionSql;

function wrap(sql: Sql, root: postgres.Sql | null): Db {
  const db: Db = {
    driver: 'postgres',
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
  /** Supabase's transaction pooler and Hyperdrive do not support prepared statements. */
  prepare?: boolean;
}

/** Postgres (Supabase, Hyperdrive, or any server) through postgres.js; same SQL as PGlite. */
export function openPostgresDb(options: PostgresDbOptions): Db {
  const sql = postgres(options.url, {
    max: options.max ?? 5,
    prepare: options.prepare ?? false,
    idle_timeout: 20,
    connect_timeout: 10,
    onnotice: () => {},
  });
  return wrap(sql, sql);
}
