import type { Db } from '../../ports/db';
import type { Table } from '../../ports/db-schema/columns';

/** One column of the database as information_schema describes it. */
export interface ActualColumn {
  table: string;
  column: string;
  /** information_schema.columns.udt_name (int8, timestamptz, video_status, _uuid, …). */
  type: string;
  nullable: boolean;
}

/**
 * The public schema's tables and columns, partitions left out: chunks has one
 * partition per creator (made by a trigger when a creator is inserted), whose
 * columns are the parent's, so the parent's declaration covers them.
 */
export async function readActualColumns(db: Db): Promise<ActualColumn[]> {
  const rows = await db.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
    `select c.table_name, c.column_name, c.udt_name, c.is_nullable
       from information_schema.columns c
       join pg_class r on r.relname = c.table_name and r.relnamespace = 'public'::regnamespace
      where c.table_schema = 'public' and r.relkind in ('r', 'p') and not r.relispartition
      order by c.table_name, c.ordinal_position`,
  );
  return rows.map((r) => ({
    table: r.table_name,
    column: r.column_name,
    type: r.udt_name,
    nullable: r.is_nullable === 'YES',
  }));
}

/**
 * What differs between the declared tables and the database, one line per
 * difference (empty when they agree): a table or column on one side only, a type or
 * a nullability that is not the database's. `undeclared` names tables that are
 * deliberately not declared, each with the reason.
 */
export function diffDeclaredSchema(
  declared: readonly Table[],
  actual: readonly ActualColumn[],
  undeclared: Readonly<Record<string, string>> = {},
): string[] {
  const problems: string[] = [];
  const actualTables = new Map<string, Map<string, ActualColumn>>();
  for (const c of actual) {
    if (!actualTables.has(c.table)) actualTables.set(c.table, new Map());
    actualTables.get(c.table)!.set(c.column, c);
  }
  for (const t of declared) {
    const columns = actualTables.get(t.name);
    if (!columns) {
      problems.push(`${t.name}: declared, but the migrations create no such table`);
      continue;
    }
    for (const [name, col] of Object.entries(t.columns)) {
      const real = columns.get(name);
      if (!real) problems.push(`${t.name}.${name}: declared, but the table has no such column`);
      else {
        if (real.type !== col.pg) problems.push(`${t.name}.${name}: declared ${col.pg}, the database has ${real.type}`);
        if (real.nullable !== col.nullable)
          problems.push(
            `${t.name}.${name}: declared ${col.nullable ? 'nullable' : 'not null'}, the database has it ${real.nullable ? 'nullable' : 'not null'}`,
          );
      }
    }
    for (const name of columns.keys()) {
      if (!(name in t.columns)) problems.push(`${t.name}.${name}: in the database, not declared`);
    }
  }
  const declaredNames = new Set(declared.map((t) => t.name));
  for (const name of actualTables.keys()) {
    if (!declaredNames.has(name) && !(name in undeclared))
      problems.push(`${name}: a table the migrations create, not declared`);
  }
  for (const name of Object.keys(undeclared)) {
    if (!actualTables.has(name)) problems.push(`${name}: listed as undeclared, but there is no such table`);
  }
  return problems;
}
