import type { Context } from 'hono';
import { ApiError } from '../../shared/api-error';

/** Reads a JSON body or fails with a clear 400/415 (the size limit is enforced by middleware). */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/json')) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  try {
    return await c.req.json();
  } catch {
    throw new ApiError('BAD_REQUEST', 'The body is not valid JSON.');
  }
}
