import type { Handler } from 'hono';
import { NotificationSettingsUpdate } from '../../shared/schemas/notifications';
import type { AppDeps } from '../app';
import { getNotificationSettings } from '../domain/notifications/get-notification-settings';
import { updateNotificationSettings } from '../domain/notifications/update-notification-settings';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';

/** GET /api/dashboard/notification-settings — which Whop notifications the creator opted in to. */
export function dashboardNotificationSettingsGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => c.json(await getNotificationSettings(deps.db, { creatorId: c.get('viewer').creator.id }));
}

/** PUT /api/dashboard/notification-settings — replaces the creator's opt-ins. */
export function dashboardNotificationSettingsPut(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const input = NotificationSettingsUpdate.parse(await readJson(c));
    return c.json(await updateNotificationSettings(deps.db, { ...input, creatorId: c.get('viewer').creator.id }));
  };
}
