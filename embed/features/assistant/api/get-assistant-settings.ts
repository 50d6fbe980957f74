import { AssistantSettings } from '../../../../shared/schemas/assistant-settings';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/dashboard/assistant-settings`: the assistant's name, greeting, starters and teaching mode (admins only). */
export function getAssistantSettings(signal?: AbortSignal): Promise<AssistantSettings> {
  return apiRequest('/api/dashboard/assistant-settings', { schema: AssistantSettings, ...(signal ? { signal } : {}) });
}

export function useAssistantSettings() {
  return useApiQuery(getAssistantSettings, 'assistant-settings');
}
