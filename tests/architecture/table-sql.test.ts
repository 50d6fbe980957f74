import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredTables } from '../../server/ports/db-schema/tables';

const root = resolve(__dirname, '../..');

/**
 * Every table's statements live in query modules (server/adapters/db/tables/, reached
 * as `db.tables.*`, rows typed from server/ports/db-schema): the domain holds no SQL,
 * but for the hand-tuned retrieval statements (issue #16: they may stay as they are).
 */
const retrievalSql = [
  'server/domain/chat/retrieval-sql.ts',
  'server/domain/chat/retrieve-notes.ts',
  'server/domain/chat/retrieve-sources.ts',
];

/** The schema's tables, from their declarations: a new table is covered the day it is declared. */
const tables = declaredTables.map((t) => t.name);

async function domainFiles(dir = 'server/domain'): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await domainFiles(path)));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out.sort();
}

/** A statement naming the table: `from videos`, `update videos`, `into videos`, `join videos`. */
const statementOn = (table: string) => new RegExp(`\\b(from|update|into|join)\\s+${table}\\b`, 'i');

/** A statement sent from the domain: `db.query(`, `tx.query<Row>(`, `ports.db.exec(`. */
const sendsSql = /\b(db|tx)\.(query|exec)\s*[<(]/;

/** The code without its comments: prose may say "written into transcript_segments". */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

async function domainCode(): Promise<{ file: string; code: string }[]> {
  const files = (await domainFiles()).filter((f) => !retrievalSql.includes(f));
  return Promise.all(
    files.map(async (file) => ({ file, code: withoutComments(await readFile(join(root, file), 'utf8')) })),
  );
}

describe('SQL lives behind the table ports', () => {
  it('covers every declared table', () => {
    expect(tables.length).toBeGreaterThanOrEqual(31);
  });

  it.each(tables)('no domain file outside retrieval holds SQL for %s', async (table) => {
    const holding = (await domainCode()).filter(({ code }) => statementOn(table).test(code)).map(({ file }) => file);
    expect(holding).toEqual([]);
  });

  it('no domain file outside retrieval sends a statement itself', async () => {
    const sending = (await domainCode()).filter(({ code }) => sendsSql.test(code)).map(({ file }) => file);
    expect(sending).toEqual([]);
  });

  it('the retrieval files allowed SQL still exist (the list cannot name what is gone)', async () => {
    const files = await domainFiles();
    expect(retrievalSql.filter((f) => !files.includes(f))).toEqual([]);
  });

  it('reads code, not comments', () => {
    expect(statementOn('videos').test(withoutComments('/** Rows copied into videos. */\nconst x = 1;'))).toBe(false);
    expect(statementOn('videos').test(withoutComments('// from videos\nconst x = 1;'))).toBe(false);
    expect(statementOn('videos').test(withoutComments('db.query(`select 1 from videos`); // why'))).toBe(true);
  });

  it('matches statements on the table, not on a longer name', () => {
    expect(statementOn('videos').test('select id from videos where id = $1')).toBe(true);
    expect(statementOn('videos').test('join videos v on v.id = c.video_id')).toBe(true);
    expect(statementOn('videos').test('from videos_unfinished_idx')).toBe(false);
    expect(statementOn('api_costs').test('insert into api_costs (creator_id)')).toBe(true);
  });

  it('sees a statement sent, not a regular expression run', () => {
    expect(sendsSql.test('await tx.query<Row>(`select 1`)')).toBe(true);
    expect(sendsSql.test('await ports.db.exec(`vacuum`)')).toBe(true);
    expect(sendsSql.test('const match = KEY.exec(key);')).toBe(false);
  });
});
