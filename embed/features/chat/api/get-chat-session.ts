import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';

/** Imported with the first response it checks (`lib/lazy-schema.ts`): the student view paints without zod. */
const ChatSessionMessagesSchema = lazySchema((schemas) => schemas.ChatSessionMessages);

/**
 * `GET /api/chat/sessions/:id`: one past conversation's messages (404 for another
 * student's). One step of reopening a conversation, so `useChatStream` calls it directly.
 */
export function getChatSession(sessionId: string, signal?: AbortSignal) {
  return apiRequest(`/api/chat/sessions/${encodeURIComponent(sessionId)}`, {
    schema: ChatSessionMessagesSchema,
    ...(signal ? { signal } : {}),
  });
}
