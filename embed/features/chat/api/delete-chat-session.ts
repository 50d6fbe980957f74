import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';
import { apiMutationFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

const NoContent = lazySchema((schemas) => schemas.NoContent);

/** `DELETE /api/chat/sessions/:id`: 204; the conversation and its messages are gone. Resolves to the id deleted. */
export async function deleteChatSession(sessionId: string): Promise<string> {
  await apiRequest(`/api/chat/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE', schema: NoContent });
  return sessionId;
}

/** Deleting re-reads the conversation list, which no longer has it. */
export function useDeleteChatSession() {
  const queryClient = useQueryClient();
  const sessionsKey = useViewQueryKey('chat-sessions');
  return useMutation({
    mutationFn: apiMutationFn(deleteChatSession),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
