import type { Handler } from 'hono';
import type { LocalBlobServer } from '../adapters/blob/local-blob-server';
import type { AppEnv } from '../http/context';

/**
 * PUT/GET /api/local-blobs/:token — the embedded default's stand-in for storage
 * URLs. The signed token is the authority (as with Supabase's signed URLs): it
 * names one object, one operation, a size limit and an expiry.
 */
export function localBlobPut(store: LocalBlobServer): Handler<AppEnv> {
  return async (c) => {
    const length = c.req.header('content-length');
    const stored = await store.receive(c.req.param('token') ?? '', c.req.raw.body, length ? Number(length) : null);
    return c.json(stored, 201);
  };
}

export function localBlobGet(store: LocalBlobServer): Handler<AppEnv> {
  return (c) => store.serve(c.req.param('token') ?? '', c.req.header('range') ?? null, c.req.method === 'HEAD' ? 'HEAD' : 'GET');
}
