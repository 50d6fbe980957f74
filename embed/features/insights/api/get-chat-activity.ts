import { useQuery } from '@tanstack/react-query';
import { ActivityResponse } from '../../../../shared/schemas/insights';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/dashboard/insights/activity`: the last 30 days, for the charts and their tables. */
export function useChatActivity() {
  return useQuery({
    queryKey: useViewQueryKey('chat-activity'),
    queryFn: apiQueryFn((signal) =>
      apiRequest('/api/dashboard/insights/activity', { schema: ActivityResponse, signal }),
    ),
  });
}
