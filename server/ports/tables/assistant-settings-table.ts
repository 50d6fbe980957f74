import type { AssistantSettingRow } from '../db-schema/tables';

/** What the creator chose for their assistant. */
export type AssistantChoices = Pick<AssistantSettingRow, 'name' | 'greeting' | 'starters' | 'teaching_mode'>;

/** The `assistant_settings` table: one row per creator who ever chose (none: the defaults). */
export interface AssistantSettingsTable {
  find(creatorId: string): Promise<AssistantChoices | null>;
  /** Replaces the creator's choices; what is stored now. */
  replace(input: AssistantChoices & { creatorId: string }): Promise<AssistantChoices>;
}
