import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Migration, parseMigrationFileName } from './migrate';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../supabase/migrations/', import.meta.url));

/** Reads supabase/migrations/*.sql (Node only; Workers never migrate at runtime). */
export async function readMigrationFiles(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const parsed = parseMigrationFileName(file);
    if (!parsed) continue;
    migrations.push({ ...parsed, sql: await readFile(join(dir, file), 'utf8') });
  }
  return migrations;
}
