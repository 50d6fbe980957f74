import { AssistantSettings, type AssistantSettingsUpdate } from '../../../../shared/schemas/assistant-settings';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/use-api-mutation';

/** `PUT /api/dashboard/assistant-settings`: replaces them; answers what is now saved. */
export function saveAssistantSettings(input: AssistantSettingsUpdate): Promise<AssistantSettings> {
  return apiRequest('/api/dashboard/assistant-settings', { method: 'PUT', body: input, schema: AssistantSettings });
}

export function useSaveAssistantSettings() {
  return useApiMutation(saveAssistantSettings);
}
