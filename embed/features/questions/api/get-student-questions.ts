import { StudentQuestionsPage } from '../../../../shared/schemas/questions';
import { apiRequest } from '../../../lib/api-client';

export const QUESTIONS_PAGE_SIZE = 20;

/** `GET /api/dashboard/questions`: a page of what students asked, newest first (older pages by cursor). */
export function getStudentQuestions(options: { cursor?: string | null; signal?: AbortSignal } = {}) {
  const query = new URLSearchParams({ limit: String(QUESTIONS_PAGE_SIZE) });
  if (options.cursor) query.set('cursor', options.cursor);
  return apiRequest(`/api/dashboard/questions?${query.toString()}`, {
    schema: StudentQuestionsPage,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
