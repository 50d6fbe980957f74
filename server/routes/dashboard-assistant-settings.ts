import type { Handler } from 'hono';
import { AssistantSettingsUpdate } from '../../shared/schemas/assistant-settings';
import type { AppDeps } from '../app';
import { getAssistantSettings } from '../domain/assistant/get-assistant-settings';
import { updateAssistantSettings } from '../domain/assistant/update-assistant-settings';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';

/** GET /api/dashboard/assistant-settings — the assistant's name, greeting, starters and teaching mode. */
export function dashboardAssistantSettingsGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => c.json(await getAssistantSettings(deps.db, { creatorId: c.get('viewer').creator.id }));
}

/** PUT /api/dashboard/assistant-settings — replaces them. */
export function dashboardAssistantSettingsPut(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const input = AssistantSettingsUpdate.parse(await readJson(c));
    return c.json(await updateAssistantSettings(deps.db, { ...input, creatorId: c.get('viewer').creator.id }));
  };
}
