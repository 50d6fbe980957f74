import type { CourseModuleRow } from '../db-schema/tables';

/** Every statement names the creator: another creator's module is simply not there. */
export interface ModuleKey {
  creatorId: string;
  moduleId: string;
}

/** The `course_modules` table (server/adapters/db/tables/course-modules-table.ts). */
export interface CourseModulesTable {
  /**
   * A new, empty module after the creator's others, unless they have `max` already
   * (null then). One statement: the count and the insert see the same rows.
   */
  create(input: {
    creatorId: string;
    title: string;
    max: number;
  }): Promise<Pick<CourseModuleRow, 'id' | 'title'> | null>;
  rename(key: ModuleKey & { title: string }): Promise<Pick<CourseModuleRow, 'id' | 'title'> | null>;
  /** False when there was no such module; its lessons stay, outside any module. */
  remove(key: ModuleKey): Promise<boolean>;
  /** The creator's modules in order (at most 200). */
  list(creatorId: string): Promise<Pick<CourseModuleRow, 'id' | 'title'>[]>;
  /** Those of `moduleIds` that are the creator's. */
  findMany(input: { creatorId: string; moduleIds: readonly string[] }): Promise<Pick<CourseModuleRow, 'id'>[]>;
  /** The listed modules take positions 0…n-1. */
  setOrder(input: { creatorId: string; moduleIds: readonly string[] }): Promise<void>;
}
