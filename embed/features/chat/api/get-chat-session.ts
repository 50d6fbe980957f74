import { ChatSessionMessages } from '../../../../shared/schemas/chat-history';
import { apiRequest } from '../../../lib/api-client';

/**
 * `GET /api/chat/sessions/:id`: one past conversation's messages (404 for another
 * student's). One step of reopening a conversation, so `useChatStream` calls it directly.
 */
export function getChatSession(sessionId: string, signal?: AbortSignal) {
  return apiRequest(`/api/chat/sessions/${encodeURIComponent(sessionId)}`, {
    schema: ChatSessionMessages,
    ...(signal ? { signal } : {}),
  });
}
