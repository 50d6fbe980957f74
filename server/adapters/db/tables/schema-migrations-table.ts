import type { Db } from '../../../ports/db';
import type { NewestMigrationRow, SchemaMigrationsTable } from '../../../ports/tables/schema-migrations-table';

/** The migration runner's bookkeeping table (migrate.ts writes it), read for the health check. */
export function schemaMigrationsTable(db: Pick<Db, 'query'>): SchemaMigrationsTable {
  return {
    async newest() {
      const rows = await db.query<NewestMigrationRow>(
        `select version, name, (count(*) over ())::text as applied
           from supabase_migrations.schema_migrations
          order by version desc
          limit 1`,
      );
      return rows[0] ?? null;
    },
  };
}
