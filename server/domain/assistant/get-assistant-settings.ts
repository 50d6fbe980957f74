import { type AssistantSettings, DEFAULT_ASSISTANT_NAME } from '../../../shared/schemas/assistant-settings';
import type { Db } from '../../ports/db';
import type { AssistantChoices } from '../../ports/tables/assistant-settings-table';

export type AssistantRow = AssistantChoices;

export const DEFAULT_ASSISTANT_SETTINGS: AssistantSettings = {
  name: DEFAULT_ASSISTANT_NAME,
  greeting: '',
  starters: [],
  teachingMode: 'answer',
};

export function toAssistantSettings(row: AssistantRow | null | undefined): AssistantSettings {
  if (!row) return { ...DEFAULT_ASSISTANT_SETTINGS, starters: [] };
  return { name: row.name, greeting: row.greeting, starters: [...row.starters], teachingMode: row.teaching_mode };
}

/** The creator's assistant; a creator who never chose gets Chronos, no greeting, answer mode. */
export async function getAssistantSettings(db: Db, input: { creatorId: string }): Promise<AssistantSettings> {
  return toAssistantSettings(await db.tables.assistantSettings.find(input.creatorId));
}
