import { inject } from 'vitest';
import { applyMigrations } from '../../server/adapters/db/migrate';
import { readMigrationFiles } from '../../server/adapters/db/migration-files';
import { openPgliteDb } from '../../server/adapters/db/pglite-db';
import { readPgliteTemplate } from './pglite-template';

/**
 * A fresh in-memory PGlite with the real migrations applied: loaded from the
 * run's migrated template when there is one, else migrated here.
 */
export async function createTestDb() {
  const template = inject('pgliteTemplate');
  if (template) return openPgliteDb(undefined, { loadDataDir: await readPgliteTemplate(template) });
  const db = await openPgliteDb();
  await applyMigrations(db, await readMigrationFiles());
  return db;
}
