import { NotificationSettings, type NotificationSettingsUpdate } from '../../../../shared/schemas/notifications';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/use-api-mutation';

/** `PUT /api/dashboard/notification-settings`: replaces the creator's opt-ins; answers what is now saved. */
export function saveNotificationSettings(input: NotificationSettingsUpdate): Promise<NotificationSettings> {
  return apiRequest('/api/dashboard/notification-settings', {
    method: 'PUT',
    body: input,
    schema: NotificationSettings,
  });
}

export function useSaveNotificationSettings() {
  return useApiMutation(saveNotificationSettings);
}
