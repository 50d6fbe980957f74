import { useMutation } from '@tanstack/react-query';
import { TestBenchResult } from '../../../../shared/schemas/test-bench';
import { apiRequest } from '../../../lib/api-client';
import { apiMutationFn } from '../../../lib/query-client';

/** `POST /api/dashboard/test-bench`: what a student asking this would be sent to. */
export function tryQuestion(question: string) {
  return apiRequest('/api/dashboard/test-bench', { method: 'POST', body: { question }, schema: TestBenchResult });
}

/** A trial changes nothing on the server: nothing to invalidate. */
export function useTryQuestion() {
  return useMutation({ mutationFn: apiMutationFn(tryQuestion) });
}
