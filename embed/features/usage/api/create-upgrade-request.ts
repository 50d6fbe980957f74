import { useMutation } from '@tanstack/react-query';
import type { UpgradeRequestResponse } from '../../../../shared/schemas/plan';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';
import { apiMutationFn } from '../../../lib/query-client';

/** Imported with the first response it checks (`lib/lazy-schema.ts`): the student view paints without zod. */
const UpgradeRequestResponseSchema = lazySchema((schemas) => schemas.UpgradeRequestResponse);

/**
 * `POST /api/upgrade-requests` (student view, no body): the student asks the creator to
 * upgrade. Recorded once per student (`alreadyRequested` after that); the creator sees the
 * count on their dashboard. 403 `FORBIDDEN` for the creator themselves.
 */
export function createUpgradeRequest(): Promise<UpgradeRequestResponse> {
  return apiRequest('/api/upgrade-requests', { method: 'POST', schema: UpgradeRequestResponseSchema });
}

export function useCreateUpgradeRequest() {
  return useMutation({ mutationFn: apiMutationFn<void, UpgradeRequestResponse>(createUpgradeRequest) });
}
