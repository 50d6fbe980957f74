import { ApiError } from '../../../../shared/api-error';
import { errorFromResponse, UNREACHABLE_MESSAGE, withDefaultHeaders } from '../../../lib/api-client';
import { filterQuery, type QuestionFilters } from './get-student-questions';

/**
 * `GET /api/dashboard/questions/export`: the filtered questions as a CSV file. Fetched
 * (not a plain link) because the Whop identity travels in headers, then handed to the
 * browser as a download.
 */
export async function exportStudentQuestions(filters: QuestionFilters): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(`/api/dashboard/questions/export?${filterQuery(filters).toString()}`, {
      headers: withDefaultHeaders(new Headers({ accept: 'text/csv' })),
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError('SERVICE_UNAVAILABLE', UNREACHABLE_MESSAGE, { cause });
  }
  if (!response.ok) throw await errorFromResponse(response);
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'student-questions.csv';
  return { blob: await response.blob(), fileName };
}
