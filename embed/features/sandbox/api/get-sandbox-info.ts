import { SandboxInfo } from '../../../../shared/schemas/sandbox';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/**
 * `GET /api/sandbox`: the local Whop sandbox's demo community and people.
 * Only answers in sandbox mode; with real Whop keys configured it is 404 `NOT_FOUND`.
 */
export function getSandboxInfo(signal?: AbortSignal): Promise<SandboxInfo> {
  return apiRequest('/api/sandbox', { schema: SandboxInfo, ...(signal ? { signal } : {}) });
}

export function useSandboxInfo() {
  return useApiQuery(getSandboxInfo, 'sandbox-info');
}
