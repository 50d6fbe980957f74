import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';
import { useApiQuery } from '../../../lib/use-api-query';

/** Imported with the first response it checks (`lib/lazy-schema.ts`): the student view paints without zod. */
const ChatSessionListSchema = lazySchema((schemas) => schemas.ChatSessionList);

/** `GET /api/chat/sessions`: the viewer's past conversations, newest first. */
export function getChatSessions(signal?: AbortSignal) {
  return apiRequest('/api/chat/sessions', { schema: ChatSessionListSchema, ...(signal ? { signal } : {}) });
}

/** `version` changes after each answer, so a new conversation appears in the list. */
export function useChatSessions(version: number) {
  return useApiQuery(getChatSessions, `chat-sessions:${version}`);
}
