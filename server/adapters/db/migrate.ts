import type { Db } from '../../ports/db';

export interface Migration {
  /** Timestamp prefix of the file, e.g. "20261124000100". */
  version: string;
  /** Rest of the file name, e.g. "core_schema". */
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{14})_([a-z0-9_]+)\.sql$/;

/** Splits "20261124000100_core_schema.sql" into version and name; null for other files. */
export function parseMigrationFileName(fileName: string): { version: string; name: string } | null {
  const match = MIGRATION_FILE.exec(fileName);
  return match ? { version: match[1]!, name: match[2]! } : null;
}

/**
 * Records applied migrations in the table the Supabase CLI uses
 * (supabase_migrations.schema_migrations), so `supabase db push` and the
 * embedded runner agree on what has been applied.
 */
const BOOKKEEPING = `
  create schema if not exists supabase_migrations;
  create table if not exists supabase_migrations.schema_migrations (
    version text not null primary key,
    statements text[],
    name text
  );
`;

export interface MigrationReport {
  applied: string[];
  skipped: number;
}

/** Applies each pending migration in its own transaction, in version order. */
export async function applyMigrations(db: Db, migrations: readonly Migration[]): Promise<MigrationReport> {
  await db.exec(BOOKKEEPING);
  const done = new Set(
    (await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).map(
      (r) => r.version,
    ),
  );
  const ordered = [...migrations].sort((a, b) => a.version.localeCompare(b.version));
  const applied: string[] = [];
  for (const migration of ordered) {
    if (done.has(migration.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    });
    applied.push(`${migration.version}_${migration.name}`);
  }
  return { applied, skipped: ordered.length - applied.length };
}
