import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { diffDeclaredSchema, readActualColumns } from '../../../../server/adapters/db/declared-schema-drift';
import type { Db } from '../../../../server/ports/db';
import { int4, table, text, timestamptz, uuid } from '../../../../server/ports/db-schema/columns';
import { type CreatorRow, declaredTables, type VideoRow } from '../../../../server/ports/db-schema/tables';
import type { VideoStatus } from '../../../../shared/schemas/videos';
import type { Tier } from '../../../../shared/schemas/viewer';
import { createTestDb } from '../../../support/test-db';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe('declared tables (server/ports/db-schema/tables.ts)', () => {
  it('match what the migrations create: every table, column, type and nullability', async () => {
    // A creator makes its chunks partition: partitions are the parent's columns, not tables to declare.
    await db.query(`insert into creators (id) values ('biz_declared')`);
    expect(diffDeclaredSchema(declaredTables, await readActualColumns(db))).toEqual([]);
  });

  it('names a column a migration adds without declaring it', async () => {
    await db
      .transaction(async (tx) => {
        await tx.exec(`alter table videos add column undeclared_note text`);
        expect(diffDeclaredSchema(declaredTables, await readActualColumns(tx))).toEqual([
          'videos.undeclared_note: in the database, not declared',
        ]);
        throw new Error('roll back');
      })
      .catch((err: Error) => expect(err.message).toBe('roll back'));
  });
});

describe('diffDeclaredSchema', () => {
  const actual = [
    { table: 'notes', column: 'id', type: 'uuid', nullable: false },
    { table: 'notes', column: 'body', type: 'text', nullable: false },
    { table: 'notes', column: 'seen_at', type: 'timestamptz', nullable: true },
  ];
  const notes = table('notes', { id: uuid(), body: text(), seen_at: timestamptz().orNull() });

  it('finds nothing when the declaration tells the truth', () => {
    expect(diffDeclaredSchema([notes], actual)).toEqual([]);
  });

  it('names a wrong type and a wrong nullability', () => {
    const lying = table('notes', { id: uuid(), body: int4(), seen_at: timestamptz() });
    expect(diffDeclaredSchema([lying], actual)).toEqual([
      'notes.body: declared int4, the database has text',
      'notes.seen_at: declared not null, the database has it nullable',
    ]);
  });

  it('names columns and tables on one side only', () => {
    const partial = table('notes', { id: uuid(), body: text(), title: text() });
    const ghost = table('ghosts', { id: uuid() });
    expect(
      diffDeclaredSchema(
        [partial, ghost],
        [...actual, { table: 'extra', column: 'id', type: 'uuid', nullable: false }],
      ),
    ).toEqual([
      'notes.title: declared, but the table has no such column',
      'notes.seen_at: in the database, not declared',
      'ghosts: declared, but the migrations create no such table',
      'extra: a table the migrations create, not declared',
    ]);
  });

  it('accepts a table left undeclared with a reason, and refuses a reason for a table that is gone', () => {
    expect(diffDeclaredSchema([], actual, { notes: 'kept by the adapter' })).toEqual([]);
    expect(diffDeclaredSchema([notes], actual, { gone: 'dropped long ago' })).toEqual([
      'gone: listed as undeclared, but there is no such table',
    ]);
  });
});

describe('row types derived from the declarations', () => {
  it('narrow enum columns to the shared unions and keep null where the column allows it', () => {
    expectTypeOf<VideoRow['status']>().toEqualTypeOf<VideoStatus>();
    expectTypeOf<CreatorRow['tier']>().toEqualTypeOf<Tier>();
    expectTypeOf<VideoRow['storage_key']>().toEqualTypeOf<string | null>();
    expectTypeOf<VideoRow['size_bytes']>().toEqualTypeOf<string>();
    expectTypeOf<VideoRow['uploaded_at']>().toEqualTypeOf<Date | null>();
  });
});
