import { useEffect } from 'react';
import { SandboxNotificationList } from '../../../../shared/schemas/notifications';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';
import { usePageVisible } from '../../../lib/use-page-visible';

/** `GET /api/sandbox/notifications`: what Chronos asked the sandbox's Whop to send, newest first (sandbox mode only). */
export function getSandboxNotifications(signal?: AbortSignal): Promise<SandboxNotificationList> {
  return apiRequest('/api/sandbox/notifications', { schema: SandboxNotificationList, ...(signal ? { signal } : {}) });
}

/** Polled while the page is visible: notifications are sent by actions in the frames (and by the pipeline). */
export function useSandboxNotifications(everyMs = 4000) {
  const query = useApiQuery(getSandboxNotifications, 'sandbox-notifications');
  const visible = usePageVisible();
  const { retry } = query;
  useEffect(() => {
    if (!visible) return;
    const timer = setInterval(retry, everyMs);
    return () => clearInterval(timer);
  }, [visible, retry, everyMs]);
  return query;
}
