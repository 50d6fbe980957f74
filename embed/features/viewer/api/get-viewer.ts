import type { Viewer } from '../../../../shared/schemas/viewer';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';
import { useApiQuery } from '../../../lib/use-api-query';

/** Imported with the first response it checks (`lib/lazy-schema.ts`): the student view paints without zod. */
const ViewerSchema = lazySchema((schemas) => schemas.Viewer);

/**
 * `GET /api/viewer`: who is signed in through Whop and what they may do here.
 * The view's context header (experience or company id) and, in the local sandbox, the
 * user token come from the API client's default headers, not from this call.
 * 401 = not opened inside Whop; 403 = no access to this view; 503 = Whop unreachable.
 */
export function getViewer(signal?: AbortSignal): Promise<Viewer> {
  return apiRequest('/api/viewer', { schema: ViewerSchema, ...(signal ? { signal } : {}) });
}

/** `contextKey` names the view's context (e.g. the experience id), so a new one refetches. */
export function useViewer(contextKey: string) {
  return useApiQuery(getViewer, `viewer:${contextKey}`);
}
