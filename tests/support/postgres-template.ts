import postgres from 'postgres';
import { applyMigrations } from '../../server/adapters/db/migrate';
import { readMigrationFiles } from '../../server/adapters/db/migration-files';
import { openPostgresDb } from '../../server/adapters/db/postgres-db';
import type { Db } from '../../server/ports/db';

/** Where the server-pg project's databases come from (provided by its global setup). */
export interface PostgresTemplate {
  /** Admin URL (any database on the server; used to create and drop test databases). */
  url: string;
  /** A migrated database that each test database is copied from. */
  template: string;
}

/** The URL of another database on the same server. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Run-unique names, so two runs sharing one TEST_POSTGRES_URL never collide. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

async function withAdmin<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Creates an empty database (template0: nothing in it, not even pgvector). */
export async function createEmptyDatabase(url: string, name: string, template = 'template0'): Promise<string> {
  await withAdmin(url, (sql) => sql.unsafe(`create database "${name}" template "${template}"`));
  return databaseUrl(url, name);
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdmin(url, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
}

/** Migrates one database once per run; test databases are cheap copies of it. */
export async function writePostgresTemplate(url: string): Promise<PostgresTemplate> {
  const template = uniqueDatabaseName('chronos_template');
  const db = openPostgresDb({ url: await createEmptyDatabase(url, template), max: 1 });
  try {
    await applyMigrations(db, await readMigrationFiles());
  } finally {
    await db.close();
  }
  return { url, template };
}

/**
 * A fresh database copied from the template, behind a pool of `max` connections
 * (several, so tests see true concurrency). close() ends the pool and drops it.
 */
export async function openPostgresTestDb(source: PostgresTemplate, max = 10): Promise<Db> {
  const name = uniqueDatabaseName('chronos_test');
  // DATABASE_PREPARE=true runs the suite with named prepared statements, as through Hyperdrive.
  const prepare = process.env.DATABASE_PREPARE === 'true';
  const db = openPostgresDb({ url: await createEmptyDatabase(source.url, name, source.template), max, prepare });
  return {
    ...db,
    async close() {
      await db.close();
      await dropDatabase(source.url, name);
    },
  };
}
