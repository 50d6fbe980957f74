import { TestBenchResult } from '../../../../shared/schemas/test-bench';
import { apiRequest } from '../../../lib/api-client';

/** `POST /api/dashboard/test-bench`: what a student asking this would be sent to. */
export function tryQuestion(question: string) {
  return apiRequest('/api/dashboard/test-bench', { method: 'POST', body: { question }, schema: TestBenchResult });
}
