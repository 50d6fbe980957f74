import { StarterQuestions } from '../../../../shared/schemas/chat-starters';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/chat/starters`: a few questions drawn from this course's lessons (none before any is processed). */
export function getStarterQuestions(signal?: AbortSignal) {
  return apiRequest('/api/chat/starters', { schema: StarterQuestions, ...(signal ? { signal } : {}) });
}

export function useStarterQuestions() {
  return useApiQuery(getStarterQuestions, 'chat-starters');
}
