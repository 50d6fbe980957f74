import type { AssistantSettings, AssistantSettingsUpdate } from '../../../shared/schemas/assistant-settings';
import type { Db } from '../../ports/db';
import { toAssistantSettings } from './get-assistant-settings';

/** Replaces the creator's assistant settings (the creator row exists: the dashboard viewer resolved it). */
export async function updateAssistantSettings(
  db: Db,
  input: AssistantSettingsUpdate & { creatorId: string },
): Promise<AssistantSettings> {
  const row = await db.tables.assistantSettings.replace({
    creatorId: input.creatorId,
    name: input.name,
    greeting: input.greeting,
    starters: input.starters,
    teaching_mode: input.teachingMode,
  });
  return toAssistantSettings(row);
}
