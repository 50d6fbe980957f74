import type { AssistantSettings, AssistantSettingsUpdate } from '../../../shared/schemas/assistant-settings';
import type { Db } from '../../ports/db';
import { toAssistantSettings } from './get-assistant-settings';

/** Replaces the creator's assistant settings (the creator row exists: the dashboard viewer resolved it). */
export async function updateAssistantSettings(
  db: Db,
  input: AssistantSettingsUpdate & { creatorId: string },
): Promise<AssistantSettings> {
  const [row] = await db.query<{
    name: string;
    greeting: string;
    starters: string[];
    teaching_mode: AssistantSettings['teachingMode'];
  }>(
    `insert into assistant_settings (creator_id, name, greeting, starters, teaching_mode)
     values ($1, $2, $3, $4::jsonb, $5)
     on conflict (creator_id) do update set
       name = excluded.name, greeting = excluded.greeting, starters = excluded.starters,
       teaching_mode = excluded.teaching_mode, updated_at = now()
     returning name, greeting, starters, teaching_mode`,
    [input.creatorId, input.name, input.greeting, JSON.stringify(input.starters), input.teachingMode],
  );
  return toAssistantSettings(row);
}
