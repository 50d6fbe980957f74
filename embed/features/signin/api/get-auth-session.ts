import type { AuthSession } from '../../../../shared/schemas/auth';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';

/** Imported with the first response it checks (`lib/lazy-schema.ts`): the student view paints without zod. */
const AuthSessionSchema = lazySchema((schemas) => schemas.AuthSession);

/** `GET /api/auth/session`: is this browser signed in with Whop (outside the iframe), and its CSRF token. */
export function getAuthSession(signal?: AbortSignal): Promise<AuthSession> {
  return apiRequest('/api/auth/session', { schema: AuthSessionSchema, ...(signal ? { signal } : {}) });
}
