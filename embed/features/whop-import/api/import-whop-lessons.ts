import { type WhopImportRequest, WhopImportResult } from '../../../../shared/schemas/whop-import';
import { apiRequest } from '../../../lib/api-client';

/** `POST /api/whop-import`: imports or updates up to 20 lessons of one course. */
export function importWhopLessons(input: WhopImportRequest): Promise<WhopImportResult> {
  return apiRequest('/api/whop-import', { method: 'POST', body: input, schema: WhopImportResult });
}
