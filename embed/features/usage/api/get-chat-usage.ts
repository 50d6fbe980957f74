import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChatUsage } from '../../../../shared/schemas/usage';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** Imported with the first response it checks (`lib/lazy-schema.ts`): the student view paints without zod. */
const ChatUsageSchema = lazySchema((schemas) => schemas.ChatUsage);

/**
 * `GET /api/usage` (student view): the viewer's questions used and left with this creator,
 * and when the count starts again on a daily plan. The server enforces the limit; this is
 * only what to tell the student.
 */
export function getChatUsage(signal?: AbortSignal): Promise<ChatUsage> {
  return apiRequest('/api/usage', { schema: ChatUsageSchema, ...(signal ? { signal } : {}) });
}

export function useChatUsage() {
  const queryClient = useQueryClient();
  const queryKey = useViewQueryKey('chat-usage');
  const query = useQuery({ queryKey, queryFn: apiQueryFn(getChatUsage) });
  /**
   * Shows usage the server sent some other way (a chat's `meta`, a `CHAT_LIMIT_EXCEEDED`
   * error's details) as the latest, with no second request. A request still in flight is
   * cancelled first, so its older answer cannot overwrite it.
   */
  const replace = useCallback(
    (usage: ChatUsage) => {
      void queryClient.cancelQueries({ queryKey });
      queryClient.setQueryData(queryKey, usage);
    },
    [queryClient, queryKey],
  );
  return { ...query, replace };
}
