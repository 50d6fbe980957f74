import { useQuery } from '@tanstack/react-query';
import { type SandboxTokenRequest, SandboxTokenResponse } from '../../../../shared/schemas/sandbox';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

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
 * aborts the previous request, and `refetch` mints a fresh token for the same person.
 * Not kept once nobody shows it (`gcTime: 0`): coming back to a person mints anew rather
 * than opening the frames with an old token and then again with a new one. Nor minted
 * again by itself on reconnecting: a new token reloads both frames.
 */
export function useSandboxToken(userId: string) {
  return useQuery({
    queryKey: useViewQueryKey('sandbox-token', userId),
    queryFn: apiQueryFn((signal) => createSandboxToken({ userId }, signal)),
    gcTime: 0,
    refetchOnReconnect: false,
  });
}
