import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { applyMigrations } from '../../server/adapters/db/migrate';
import { readMigrationFiles } from '../../server/adapters/db/migration-files';
import { openPgliteDb } from '../../server/adapters/db/pglite-db';
import { openPostgresDb } from '../../server/adapters/db/postgres-db';
import type { Db } from '../../server/ports/db';
import { readPgliteTemplate } from './pglite-template';
import { createEmptyDatabase, dropDatabase, openPostgresTestDb, uniqueDatabaseName } from './postgres-template';

/** Which database the running project tests against: 'postgres' in the server-pg project. */
export function testDbDriver(): Db['driver'] {
  return inject('postgresTemplate') ? 'postgres' : 'pglite';
}

/**
 * A fresh database with the real migrations applied. In the server project: an
 * in-memory PGlite, loaded from the run's migrated template when there is one.
 * In the server-pg project: a new database on the real server, copied from the
 * run's migrated template, behind a pool of `poolSize` connections.
 */
export async function createTestDb(options: { poolSize?: number } = {}): Promise<Db> {
  const postgresTemplate = inject('postgresTemplate');
  if (postgresTemplate) return openPostgresTestDb(postgresTemplate, options.poolSize);
  const template = inject('pgliteTemplate');
  if (template) return openPgliteDb(undefined, { loadDataDir: await readPgliteTemplate(template) });
  const db = await openPgliteDb();
  await applyMigrations(db, await readMigrationFiles());
  return db;
}

/**
 * An empty, unmigrated database that can be opened, closed and opened again (a
 * restart): a PGlite data dir, or a database on the server-pg project's server.
 */
export interface EmptyTestDatabase {
  open(): Promise<Db>;
  remove(): Promise<void>;
}

export async function createEmptyTestDatabase(): Promise<EmptyTestDatabase> {
  const postgresTemplate = inject('postgresTemplate');
  if (postgresTemplate) {
    const name = uniqueDatabaseName('chronos_empty');
    const url = await createEmptyDatabase(postgresTemplate.url, name);
    return {
      open: async () => openPostgresDb({ url, max: 2 }),
      remove: () => dropDatabase(postgresTemplate.url, name),
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'chronos-db-'));
  return {
    open: () => openPgliteDb(dir),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
