import { type AssistantSettings, DEFAULT_ASSISTANT_NAME } from '../../../shared/schemas/assistant-settings';
import type { Db } from '../../ports/db';

export interface AssistantRow {
  name: string;
  greeting: string;
  starters: string[];
  teaching_mode: AssistantSettings['teachingMode'];
}

export const DEFAULT_ASSISTANT_SETTINGS: AssistantSettings = {
  name: DEFAULT_ASSISTANT_NAME,
  greeting: '',
  starters: [],
  teachingMode: 'answer',
};

export function toAssistantSettings(row: AssistantRow | undefined): AssistantSettings {
  if (!row) return { ...DEFAULT_ASSISTANT_SETTINGS, starters: [] };
  return { name: row.name, greeting: row.greeting, starters: [...row.starters], teachingMode: row.teaching_mode };
}

/** The creator's assistant; a creator who never chose gets Chronos, no greeting, answer mode. */
export async function getAssistantSettings(db: Db, input: { creatorId: string }): Promise<AssistantSettings> {
  const rows = await db.query<AssistantRow>(
    `select name, greeting, starters, teaching_mode from assistant_settings where creator_id = $1`,
    [input.creatorId],
  );
  return toAssistantSettings(rows[0]);
}
