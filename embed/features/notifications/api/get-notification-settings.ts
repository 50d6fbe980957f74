import { useQuery } from '@tanstack/react-query';
import { NotificationSettings } from '../../../../shared/schemas/notifications';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/dashboard/notification-settings`: which Whop notifications the creator opted in to (admins only). */
export function getNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return apiRequest('/api/dashboard/notification-settings', {
    schema: NotificationSettings,
    ...(signal ? { signal } : {}),
  });
}

export function useNotificationSettings() {
  return useQuery({ queryKey: useViewQueryKey('notification-settings'), queryFn: apiQueryFn(getNotificationSettings) });
}
