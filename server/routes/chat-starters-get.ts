import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { getAssistantSettings } from '../domain/assistant/get-assistant-settings';
import { createStarterQuestionCache, withCustomStarters } from '../domain/chat/list-starter-questions';
import type { AppEnv } from '../http/context';

/**
 * GET /api/chat/starters — the creator's own starter questions, then a few drawn from the
 * viewer's course, with the assistant's name and greeting. The settings are read fresh (one
 * key lookup: a creator's edit shows at once); only the drawn ones are cached.
 */
export function chatStartersGet(deps: AppDeps): Handler<AppEnv> {
  const starters = createStarterQuestionCache({ db: deps.db, clock: deps.clock });
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    const creatorId = c.get('viewer').creator.id;
    const settings = await getAssistantSettings(deps.db, { creatorId });
    const drawn = await starters({ creatorId });
    return c.json({
      starters: withCustomStarters(settings.starters, drawn),
      assistant: { name: settings.name, greeting: settings.greeting },
    });
  };
}
