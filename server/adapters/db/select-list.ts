import type { Table } from '../../ports/db-schema/columns';

/** Types the two drivers return differently (PGlite numbers, postgres.js strings): read as exact text on both. */
const AS_TEXT = new Set(['int8', 'numeric']);

/**
 * The select list of `columns` of a declared table, each under its own name, the
 * ones whose row type is text (bigint, numeric) cast `::text`: what it selects is
 * what RowOf says the row holds, on PGlite and on postgres.js.
 */
export function selectList<T extends Table>(
  table: T,
  columns: readonly (keyof T['columns'] & string)[],
  alias?: string,
) {
  const prefix = alias ? `${alias}.` : '';
  return columns
    .map((name) => {
      const column = table.columns[name];
      if (!column) throw new Error(`${table.name} has no declared column ${name}`);
      return AS_TEXT.has(column.pg) ? `${prefix}${name}::text as ${name}` : `${prefix}${name}`;
    })
    .join(', ');
}
