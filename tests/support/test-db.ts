import { applyMigrations } from '../../server/adapters/db/migrate';
import { readMigrationFiles } from '../../server/adapters/db/migration-files';
import { openPgliteDb } from '../../server/adapters/db/pglite-db';

/** A fresh in-memory PGlite with the real migrations applied. */
export async function createTestDb(dataDir?: string) {
  const db = await openPgliteDb(dataDir);
  await applyMigrations(db, await readMigrationFiles());
  return db;
}
