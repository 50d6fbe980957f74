/**
 * The newest applied migration and how many are applied (exact text). The table is
 * the migration runner's bookkeeping (supabase_migrations.schema_migrations, made by
 * server/adapters/db/migrate.ts as the Supabase CLI makes it), not one the migrations
 * create, so it has no declaration in db-schema/tables.ts.
 */
export interface NewestMigrationRow {
  version: string;
  name: string | null;
  applied: string;
}

/** The applied migrations, read for the health check. */
export interface SchemaMigrationsTable {
  /** The newest applied migration, or null when none is. */
  newest(): Promise<NewestMigrationRow | null>;
}
