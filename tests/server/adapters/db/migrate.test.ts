import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, parseMigrationFileName } from '../../../../server/adapters/db/migrate';
import { readMigrationFiles } from '../../../../server/adapters/db/migration-files';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '../../../support/test-db';

// PGlite data dirs in the server project, databases on the real server in server-pg.
const databases: EmptyTestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.remove()));
});
const emptyDatabase = async () => {
  const database = await createEmptyTestDatabase();
  databases.push(database);
  return database;
};

describe('migrations', () => {
  it('parses Supabase-style file names only', () => {
    expect(parseMigrationFileName('20261124000100_core_schema.sql')).toEqual({
      version: '20261124000100',
      name: 'core_schema',
    });
    expect(parseMigrationFileName('seed.sql')).toBeNull();
    expect(parseMigrationFileName('2026_core.sql')).toBeNull();
  });

  it('applies every migration once and again none after a restart on the same data dir', async () => {
    const database = await emptyDatabase();
    const files = await readMigrationFiles();
    expect(files.length).toBeGreaterThan(0);

    const first = await database.open();
    const report = await applyMigrations(first, files);
    expect(report.applied).toHaveLength(files.length);
    await first.query(`insert into creators (id, name) values ('biz_keep', 'Kept')`);
    await first.close();

    const second = await database.open();
    const again = await applyMigrations(second, files);
    expect(again).toEqual({ applied: [], skipped: files.length });
    expect(await second.query('select name from creators')).toEqual([{ name: 'Kept' }]);
    const recorded = await second.query<{ version: string }>(
      'select version from supabase_migrations.schema_migrations order by version',
    );
    expect(recorded.map((r) => r.version)).toEqual(files.map((f) => f.version));
    await second.close();
  });

  it('rolls back a failing migration and records nothing for it', async () => {
    const db = await (await emptyDatabase()).open();
    const good = { version: '20990101000000', name: 'good', sql: 'create table a (id int);' };
    const bad = { version: '20990101000001', name: 'bad', sql: 'create table b (id int); select * from missing;' };
    await expect(applyMigrations(db, [good, bad])).rejects.toThrow(/missing/);
    const tables = await db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(['a']);
    const versions = await db.query('select version from supabase_migrations.schema_migrations');
    expect(versions).toEqual([{ version: '20990101000000' }]);
    await db.close();
  });
});
