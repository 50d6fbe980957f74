import { NotificationSettings } from '../../../../shared/schemas/notifications';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/dashboard/notification-settings`: which Whop notifications the creator opted in to (admins only). */
export function getNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return apiRequest('/api/dashboard/notification-settings', {
    schema: NotificationSettings,
    ...(signal ? { signal } : {}),
  });
}

export function useNotificationSettings() {
  return useApiQuery(getNotificationSettings, 'notification-settings');
}
