import { ActivityResponse } from '../../../../shared/schemas/insights';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/dashboard/insights/activity`: the last 30 days, for the charts and their tables. */
export function useChatActivity() {
  return useApiQuery(
    (signal) => apiRequest('/api/dashboard/insights/activity', { schema: ActivityResponse, signal }),
    'chat-activity',
  );
}
