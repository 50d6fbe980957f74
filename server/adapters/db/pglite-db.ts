import { PGlite, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import type { Db } from '../../ports/db';
import type { Tables } from '../../ports/tables';
import { bindTables } from './tables/bind-tables';

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(target: Queryable, root: PGlite, inTransaction: boolean): Db {
  let tables: Tables | undefined;
  const db: Db = {
    driver: 'pglite',
    get tables() {
      tables ??= bindTables(db);
      return tables;
    },
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      // PGlite has one connection; a nested call joins the outer transaction.
      if (inTransaction) return fn(db);
      return root.transaction((tx) => fn(wrap(tx, root, true)));
    },
    async close() {
      if (!inTransaction) await root.close();
    },
  };
  return db;
}

/**
 * Embedded Postgres (PGlite) with pgvector. `dataDir` undefined → in memory (tests).
 * The vector extension must be passed every time a data dir is opened.
 */
export async function openPgliteDb(
  dataDir?: string,
  options: {
    loadDataDir?: Blob | File;
    /** Postgres' page cache (e.g. '1GB'); PGlite's default is 128MB. Searches read far less from disk when the indexes fit. */
    sharedBuffers?: string;
  } = {},
): Promise<Db & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    // Starting from a dump skips initdb, which costs seconds (tests start from a migrated template).
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    ...(options.sharedBuffers ? { postgresqlconf: [`shared_buffers = '${options.sharedBuffers}'`] } : {}),
    extensions: { vector },
  });
  return Object.assign(wrap(pglite, pglite, false), { pglite });
}
