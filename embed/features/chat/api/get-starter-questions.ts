import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** Imported with the first response it checks (`lib/lazy-schema.ts`): the student view paints without zod. */
const StarterQuestionsSchema = lazySchema((schemas) => schemas.StarterQuestions);

/** `GET /api/chat/starters`: a few questions drawn from this course's lessons (none before any is processed). */
export function getStarterQuestions(signal?: AbortSignal) {
  return apiRequest('/api/chat/starters', { schema: StarterQuestionsSchema, ...(signal ? { signal } : {}) });
}

export function useStarterQuestions() {
  return useQuery({ queryKey: useViewQueryKey('chat-starters'), queryFn: apiQueryFn(getStarterQuestions) });
}
