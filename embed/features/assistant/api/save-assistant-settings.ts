import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AssistantSettings, type AssistantSettingsUpdate } from '../../../../shared/schemas/assistant-settings';
import { apiRequest } from '../../../lib/api-client';
import { apiMutationFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `PUT /api/dashboard/assistant-settings`: replaces them; answers what is now saved. */
export function saveAssistantSettings(input: AssistantSettingsUpdate): Promise<AssistantSettings> {
  return apiRequest('/api/dashboard/assistant-settings', { method: 'PUT', body: input, schema: AssistantSettings });
}

/** The server answers what it saved: that becomes the cached settings, with no second read. */
export function useSaveAssistantSettings() {
  const queryClient = useQueryClient();
  const settingsKey = useViewQueryKey('assistant-settings');
  return useMutation({
    mutationFn: apiMutationFn(saveAssistantSettings),
    onSuccess: (saved: AssistantSettings) => queryClient.setQueryData(settingsKey, saved),
  });
}
