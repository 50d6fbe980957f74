import { useQuery } from '@tanstack/react-query';
import type { Viewer } from '../../../../shared/schemas/viewer';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';
import { apiQueryFn } from '../../../lib/query-client';
import { type ViewContext, viewQueryKey } from '../../../lib/view-context';

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

/** Keyed by the view's context (called by the view itself, above its `ViewContextProvider`). */
export function useViewer(context: ViewContext) {
  return useQuery({ queryKey: viewQueryKey(context, 'viewer'), queryFn: apiQueryFn(getViewer) });
}
