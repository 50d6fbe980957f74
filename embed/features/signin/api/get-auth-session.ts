import { AuthSession } from '../../../../shared/schemas/auth';
import { apiRequest } from '../../../lib/api-client';

/** `GET /api/auth/session`: is this browser signed in with Whop (outside the iframe), and its CSRF token. */
export function getAuthSession(signal?: AbortSignal): Promise<AuthSession> {
  return apiRequest('/api/auth/session', { schema: AuthSession, ...(signal ? { signal } : {}) });
}
