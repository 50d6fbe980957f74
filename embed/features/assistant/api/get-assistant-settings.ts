import { useQuery } from '@tanstack/react-query';
import { AssistantSettings } from '../../../../shared/schemas/assistant-settings';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/dashboard/assistant-settings`: the assistant's name, greeting, starters and teaching mode (admins only). */
export function getAssistantSettings(signal?: AbortSignal): Promise<AssistantSettings> {
  return apiRequest('/api/dashboard/assistant-settings', { schema: AssistantSettings, ...(signal ? { signal } : {}) });
}

export function useAssistantSettings() {
  return useQuery({ queryKey: useViewQueryKey('assistant-settings'), queryFn: apiQueryFn(getAssistantSettings) });
}
