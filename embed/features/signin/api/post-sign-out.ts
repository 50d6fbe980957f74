import type { SignOutResponse } from '../../../../shared/schemas/auth';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';

/** Imported with the first response it checks (`lib/lazy-schema.ts`): the student view paints without zod. */
const SignOutResponseSchema = lazySchema((schemas) => schemas.SignOutResponse);

/** `POST /api/auth/logout`: ends this session, or (everywhere) every session of the user; Whop forgets the grant. */
export function postSignOut(everywhere: boolean): Promise<SignOutResponse> {
  return apiRequest('/api/auth/logout', { method: 'POST', body: { everywhere }, schema: SignOutResponseSchema });
}
