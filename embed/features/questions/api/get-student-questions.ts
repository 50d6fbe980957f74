import { type QuestionsOutcome, StudentQuestionsPage } from '../../../../shared/schemas/questions';
import { apiRequest } from '../../../lib/api-client';

export const QUESTIONS_PAGE_SIZE = 20;

/** What the creator narrows the list to; empty fields match everything. */
export interface QuestionFilters {
  outcome: QuestionsOutcome;
  videoId: string;
  from: string;
  to: string;
  search: string;
}

export const NO_FILTERS: QuestionFilters = { outcome: 'all', videoId: '', from: '', to: '', search: '' };

/** The filters as query parameters, leaving out what matches everything (so the plain list keeps its URL). */
export function filterQuery(filters: QuestionFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.outcome !== 'all') query.set('outcome', filters.outcome);
  for (const key of ['videoId', 'from', 'to', 'search'] as const) {
    const value = filters[key].trim();
    if (value) query.set(key, value);
  }
  return query;
}

/** `GET /api/dashboard/questions`: a page of what students asked, newest first (older pages by cursor). */
export function getStudentQuestions(
  options: { cursor?: string | null; signal?: AbortSignal; filters?: QuestionFilters } = {},
) {
  const query = new URLSearchParams({ limit: String(QUESTIONS_PAGE_SIZE) });
  for (const [key, value] of filterQuery(options.filters ?? NO_FILTERS)) query.set(key, value);
  if (options.cursor) query.set('cursor', options.cursor);
  return apiRequest(`/api/dashboard/questions?${query.toString()}`, {
    schema: StudentQuestionsPage,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
