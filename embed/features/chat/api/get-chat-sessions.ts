import { ChatSessionList } from '../../../../shared/schemas/chat-history';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/chat/sessions`: the viewer's past conversations, newest first. */
export function getChatSessions(signal?: AbortSignal) {
  return apiRequest('/api/chat/sessions', { schema: ChatSessionList, ...(signal ? { signal } : {}) });
}

/** `version` changes after each answer, so a new conversation appears in the list. */
export function useChatSessions(version: number) {
  return useApiQuery(getChatSessions, `chat-sessions:${version}`);
}
