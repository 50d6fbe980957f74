import type { VideoStatus } from '../../../shared/schemas/videos';
import type { Tier } from '../../../shared/schemas/viewer';

/**
 * Postgres types as `information_schema.columns.udt_name` spells them: the
 * declared-schema test compares each declaration with the migrated database by
 * these names, so a declaration cannot claim a type the column does not have.
 */
export type PgType =
  | 'text'
  | 'uuid'
  | 'int2'
  | 'int4'
  | 'int8'
  | 'numeric'
  | 'bool'
  | 'timestamptz'
  | 'date'
  | 'jsonb'
  | 'vector'
  | 'tsvector'
  | '_uuid'
  | 'creator_tier'
  | 'video_status';

/** One column: its Postgres type and nullability (checked against the migrations), and the TS type a row holds. */
export interface Column<T = unknown, Nullable extends boolean = boolean> {
  readonly pg: PgType;
  readonly nullable: Nullable;
  /** Type-level only, never set: what a row read through the query modules holds in this column. */
  readonly value?: T;
}

export interface NotNullColumn<T> extends Column<T, false> {
  orNull(): Column<T, true>;
}

function column<T>(pg: PgType): NotNullColumn<T> {
  return { pg, nullable: false, orNull: () => ({ pg, nullable: true }) };
}

export const text = <T extends string = string>() => column<T>('text');
export const uuid = () => column<string>('uuid');
export const int2 = () => column<number>('int2');
export const int4 = () => column<number>('int4');
/**
 * bigint and numeric are read as exact text: postgres.js returns them as strings and
 * PGlite as numbers, so the query modules select them `::text` (selectList does) and
 * both drivers hand the domain the same value.
 */
export const int8 = () => column<string>('int8');
export const numeric = () => column<string>('numeric');
export const bool = () => column<boolean>('bool');
export const timestamptz = () => column<Date>('timestamptz');
export const date = () => column<Date>('date');
export const jsonb = <T = unknown>() => column<T>('jsonb');
/** pgvector's text form, `[0.1,0.2,…]`. */
export const vector = () => column<string>('vector');
export const tsvector = () => column<string>('tsvector');
export const uuidArray = () => column<string[]>('_uuid');
export const creatorTier = () => column<Tier>('creator_tier');
export const videoStatus = () => column<VideoStatus>('video_status');

export interface Table<Name extends string = string, Columns extends Record<string, Column> = Record<string, Column>> {
  readonly name: Name;
  readonly columns: Columns;
}

export function table<Name extends string, Columns extends Record<string, Column>>(
  name: Name,
  columns: Columns,
): Table<Name, Columns> {
  return { name, columns };
}

type ValueOf<C> = C extends Column<infer T, infer Nullable> ? (Nullable extends true ? T | null : T) : never;

/** The row a table declaration describes: every column, nullable ones `| null`. */
export type RowOf<T extends Table> = { -readonly [K in keyof T['columns']]: ValueOf<T['columns'][K]> };
