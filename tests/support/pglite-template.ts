import { readFile, writeFile } from 'node:fs/promises';
import { applyMigrations } from '../../server/adapters/db/migrate';
import { readMigrationFiles } from '../../server/adapters/db/migration-files';
import { openPgliteDb } from '../../server/adapters/db/pglite-db';

/** Builds a migrated PGlite once and dumps it, so each test database loads instead of running initdb. */
export async function writePgliteTemplate(path: string): Promise<void> {
  const db = await openPgliteDb();
  await applyMigrations(db, await readMigrationFiles());
  const dump = await db.pglite.dumpDataDir('none');
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  await db.close();
}

export async function readPgliteTemplate(path: string): Promise<Blob> {
  return new Blob([await readFile(path)]);
}
