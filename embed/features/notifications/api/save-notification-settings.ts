import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NotificationSettings, type NotificationSettingsUpdate } from '../../../../shared/schemas/notifications';
import { apiRequest } from '../../../lib/api-client';
import { apiMutationFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `PUT /api/dashboard/notification-settings`: replaces the creator's opt-ins; answers what is now saved. */
export function saveNotificationSettings(input: NotificationSettingsUpdate): Promise<NotificationSettings> {
  return apiRequest('/api/dashboard/notification-settings', {
    method: 'PUT',
    body: input,
    schema: NotificationSettings,
  });
}

/** The server answers what it saved: that becomes the cached settings, with no second read. */
export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  const settingsKey = useViewQueryKey('notification-settings');
  return useMutation({
    mutationFn: apiMutationFn(saveNotificationSettings),
    onSuccess: (saved: NotificationSettings) => queryClient.setQueryData(settingsKey, saved),
  });
}
