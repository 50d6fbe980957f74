import { useQuery } from '@tanstack/react-query';
import type { SandboxInfo } from '../../../../shared/schemas/sandbox';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** Imported with the first response it checks (`lib/lazy-schema.ts`): the student view paints without zod. */
const SandboxInfoSchema = lazySchema((schemas) => schemas.SandboxInfo);

/**
 * `GET /api/sandbox`: the local Whop sandbox's demo community and people.
 * Only answers in sandbox mode; with real Whop keys configured it is 404 `NOT_FOUND`.
 */
export function getSandboxInfo(signal?: AbortSignal): Promise<SandboxInfo> {
  return apiRequest('/api/sandbox', { schema: SandboxInfoSchema, ...(signal ? { signal } : {}) });
}

export function useSandboxInfo() {
  return useQuery({ queryKey: useViewQueryKey('sandbox-info'), queryFn: apiQueryFn(getSandboxInfo) });
}
