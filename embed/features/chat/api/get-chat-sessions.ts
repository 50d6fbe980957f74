import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** Imported with the first response it checks (`lib/lazy-schema.ts`): the student view paints without zod. */
const ChatSessionListSchema = lazySchema((schemas) => schemas.ChatSessionList);

/** `GET /api/chat/sessions`: the viewer's past conversations, newest first. */
export function getChatSessions(signal?: AbortSignal) {
  return apiRequest('/api/chat/sessions', { schema: ChatSessionListSchema, ...(signal ? { signal } : {}) });
}

export function useChatSessions() {
  return useQuery({ queryKey: useViewQueryKey('chat-sessions'), queryFn: apiQueryFn(getChatSessions) });
}

/** Asks for the list again (after an answer, so a new conversation appears in it). */
export function useRefreshChatSessions(): () => void {
  const queryClient = useQueryClient();
  const queryKey = useViewQueryKey('chat-sessions');
  return useCallback(() => void queryClient.invalidateQueries({ queryKey }), [queryClient, queryKey]);
}
