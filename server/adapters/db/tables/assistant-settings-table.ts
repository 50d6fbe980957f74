import type { Db } from '../../../ports/db';
import type { AssistantChoices, AssistantSettingsTable } from '../../../ports/tables/assistant-settings-table';

/** The `assistant_settings` table's statements (the question's hold reads it too, in domain/chat/hold-question.ts). */
export function assistantSettingsTable(db: Pick<Db, 'query'>): AssistantSettingsTable {
  return {
    async find(creatorId) {
      const [row] = await db.query<AssistantChoices>(
        `select name, greeting, starters, teaching_mode from assistant_settings where creator_id = $1`,
        [creatorId],
      );
      return row ?? null;
    },
    async replace(input) {
      const [row] = await db.query<AssistantChoices>(
        `insert into assistant_settings (creator_id, name, greeting, starters, teaching_mode)
         values ($1, $2, $3, $4::jsonb, $5)
         on conflict (creator_id) do update set
           name = excluded.name, greeting = excluded.greeting, starters = excluded.starters,
           teaching_mode = excluded.teaching_mode, updated_at = now()
         returning name, greeting, starters, teaching_mode`,
        [input.creatorId, input.name, input.greeting, JSON.stringify(input.starters), input.teaching_mode],
      );
      return row!;
    },
  };
}
