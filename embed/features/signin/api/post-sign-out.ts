import { SignOutResponse } from '../../../../shared/schemas/auth';
import { apiRequest } from '../../../lib/api-client';

/** `POST /api/auth/logout`: ends this session, or (everywhere) every session of the user; Whop forgets the grant. */
export function postSignOut(everywhere: boolean): Promise<SignOutResponse> {
  return apiRequest('/api/auth/logout', { method: 'POST', body: { everywhere }, schema: SignOutResponse });
}
