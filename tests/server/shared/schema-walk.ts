import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { isStorableText, stripUnstorable } from '../../../shared/schemas/bounded-text';

/**
 * Walks zod 4 schemas through their definitions (`_zod.def`) and lists every input
 * a request could send without a bound: strings without a max or without the
 * boundedText rule for unstorable characters, numbers without finite min and max
 * (or not integers where a column is), arrays without a max, types that take anything.
 */
type Def = { type: string; checks?: { _zod: { def: Record<string, unknown> } }[] } & Record<string, unknown>;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

/** Fields that hold fractions of a second (numeric(10,3) columns); every other number must be an integer. */
export const FRACTIONAL_FIELDS = new Set(['offsetSeconds', 'durationSeconds']);
/** The longest text any request may carry: a captions file. */
export const LONGEST_TEXT = 10 * 1024 * 1024;
/** String formats whose pattern is fixed-length and has no NUL: they bound themselves. */
const SELF_BOUNDED_FORMATS = new Set(['uuid']);

function stringProblems(def: Def): string[] {
  const checks = checksOf(def);
  const selfBounded = checks.some(
    (c) => c['check'] === 'string_format' && SELF_BOUNDED_FORMATS.has(String(c['format'])),
  );
  if (selfBounded) return [];
  const problems: string[] = [];
  const max = checks.find((c) => c['check'] === 'max_length' || c['check'] === 'length_equals');
  const bound = max ? Number(max['maximum'] ?? max['length']) : Number.POSITIVE_INFINITY;
  if (!(bound <= LONGEST_TEXT)) problems.push('a string without a max length');
  const storable = checks.some(
    (c) =>
      (c['check'] === 'custom' && c['fn'] === isStorableText) ||
      (c['check'] === 'overwrite' && c['tx'] === stripUnstorable),
  );
  if (!storable) problems.push('a string that neither rejects nor strips U+0000 (build it with boundedText)');
  return problems;
}

function numberProblems(def: Def, field: string): string[] {
  const checks = checksOf(def);
  const finite = (kind: string) => checks.some((c) => c['check'] === kind && Number.isFinite(c['value']));
  const problems: string[] = [];
  if (!finite('greater_than')) problems.push('a number without a finite min');
  if (!finite('less_than')) problems.push('a number without a finite max');
  const int = checks.some(
    (c) => c['check'] === 'number_format' && ['safeint', 'int32', 'uint32'].includes(String(c['format'])),
  );
  if (!int && !FRACTIONAL_FIELDS.has(field))
    problems.push('a number that is not an integer (columns here are integer or bigint)');
  return problems;
}

/** Every unbounded input under `schema`, as "path: problem". */
export function unboundedInputs(schema: unknown, path = '$', seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const field = path.split('.').pop() ?? '';
  const at = (problems: string[]) => problems.map((p) => `${path}: ${p}`);
  const inner = (key: string, sub = path) => unboundedInputs(def[key], sub, seen);
  switch (def.type) {
    case 'object': {
      const shape = def['shape'] as Record<string, unknown>;
      const fields = Object.entries(shape).flatMap(([key, value]) => unboundedInputs(value, `${path}.${key}`, seen));
      const catchall = def['catchall'];
      const open = catchall && defOf(catchall).type !== 'never' ? unboundedInputs(catchall, `${path}.*`, seen) : [];
      return [...fields, ...open];
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return inner('innerType');
    case 'pipe':
      return [...inner('in'), ...inner('out')];
    case 'transform':
      return [];
    case 'array': {
      const max = checksOf(def).some((c) => c['check'] === 'max_length' || c['check'] === 'length_equals');
      return [
        ...(max ? [] : at(['an array without a max length'])),
        ...unboundedInputs(def['element'], `${path}[]`, seen),
      ];
    }
    case 'union':
      return (def['options'] as unknown[]).flatMap((option) => unboundedInputs(option, path, seen));
    case 'intersection':
      return [...inner('left'), ...inner('right')];
    case 'tuple':
      return (def['items'] as unknown[]).flatMap((item, i) => unboundedInputs(item, `${path}[${i}]`, seen));
    case 'lazy':
      return unboundedInputs((def['getter'] as () => unknown)(), path, seen);
    case 'string':
      return at(stringProblems(def));
    case 'number':
      return at(numberProblems(def, field));
    case 'enum':
    case 'literal':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'never':
      return [];
    default:
      // unknown, any, record, custom, bigint, date…: nothing bounds what they take here.
      return at([`a ${def.type} that takes input without a bound`]);
  }
}

/** Every zod schema exported by a module under shared/, by "file#export". */
export async function sharedSchemaExports(root: string): Promise<Map<string, unknown>> {
  const files = (readdirSync(root, { recursive: true }) as string[]).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.d.ts'),
  );
  const found = new Map<string, unknown>();
  for (const file of files.sort()) {
    const module = (await import(join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (value instanceof z.ZodType)
        found.set(`${relative(root, join(root, file)).replace(/\\/g, '/')}#${name}`, value);
    }
  }
  return found;
}
