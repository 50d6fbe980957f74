import { type SandboxTokenRequest, SandboxTokenResponse } from '../../../../shared/schemas/sandbox';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `POST /api/sandbox/token`: a user token for one demo person, signed by the sandbox key. */
export function createSandboxToken(input: SandboxTokenRequest, signal?: AbortSignal): Promise<SandboxTokenResponse> {
  return apiRequest('/api/sandbox/token', {
    method: 'POST',
    body: input,
    schema: SandboxTokenResponse,
    ...(signal ? { signal } : {}),
  });
}

/**
 * The token for the chosen person. Minting is a query on purpose: choosing someone else
 * aborts the previous request, and `retry` mints a fresh token for the same person.
 */
export function useSandboxToken(userId: string) {
  return useApiQuery((signal) => createSandboxToken({ userId }, signal), `sandbox-token:${userId}`);
}
