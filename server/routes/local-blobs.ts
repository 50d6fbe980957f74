import type { Handler } from 'hono';
import type { LocalBlobServer, UploadGate } from '../adapters/blob/local-blob-server';
import { storeUploadWhileOpen } from '../domain/videos/store-upload-while-open';
import type { AppEnv } from '../http/context';
import type { Db } from '../ports/db';

/**
 * PUT/GET /api/local-blobs/:token — the embedded default's stand-in for storage
 * URLs. The signed token is the authority (as with Supabase's signed URLs): it
 * names one object, one operation, a size limit and an expiry; a PUT also needs
 * its video to be still uploading.
 */
export function localBlobPut(store: LocalBlobServer, db: Db): Handler<AppEnv, '/api/local-blobs/:token'> {
  return async (c) => {
    const length = c.req.header('content-length');
    // The grant alone is not enough: its video must still be uploading (a completed file cannot be swapped).
    const gate: UploadGate = (key, write) => storeUploadWhileOpen(db, key, write);
    const stored = await store.receive(c.req.param('token'), c.req.raw.body, length ? Number(length) : null, gate);
    return c.json(stored, 201);
  };
}

export function localBlobGet(store: LocalBlobServer): Handler<AppEnv, '/api/local-blobs/:token'> {
  return (c) =>
    store.serve(c.req.param('token'), c.req.header('range') ?? null, c.req.method === 'HEAD' ? 'HEAD' : 'GET');
}
