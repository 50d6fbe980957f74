import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';
import { useApiMutation } from '../../../lib/use-api-mutation';

const NoContent = lazySchema((schemas) => schemas.NoContent);

/** `DELETE /api/chat/sessions/:id`: 204; the conversation and its messages are gone. Resolves to the id deleted. */
export async function deleteChatSession(sessionId: string): Promise<string> {
  await apiRequest(`/api/chat/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE', schema: NoContent });
  return sessionId;
}

export function useDeleteChatSession() {
  return useApiMutation(deleteChatSession);
}
