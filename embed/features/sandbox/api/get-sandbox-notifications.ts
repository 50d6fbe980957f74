import { useQuery } from '@tanstack/react-query';
import { SandboxNotificationList } from '../../../../shared/schemas/notifications';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/sandbox/notifications`: what Chronos asked the sandbox's Whop to send, newest first (sandbox mode only). */
export function getSandboxNotifications(signal?: AbortSignal): Promise<SandboxNotificationList> {
  return apiRequest('/api/sandbox/notifications', { schema: SandboxNotificationList, ...(signal ? { signal } : {}) });
}

/**
 * Polled while the page is visible (TanStack pauses `refetchInterval` in a hidden tab):
 * notifications are sent by actions in the frames (and by the pipeline).
 */
export function useSandboxNotifications(everyMs = 4000) {
  return useQuery({
    queryKey: useViewQueryKey('sandbox-notifications'),
    queryFn: apiQueryFn(getSandboxNotifications),
    refetchInterval: everyMs,
  });
}
