import { StorageClient, type StorageError } from '@supabase/storage-js';
import { BlobNotFoundError, type BlobStore } from '../../ports/blob-store';

export interface SupabaseBlobStoreOptions {
  /** The project URL (`https://<ref>.supabase.co`); Storage lives under `/storage/v1`. */
  url: string;
  /** Server-side only: it bypasses row-level security. Never leaves this adapter. */
  serviceRoleKey: string;
  /** A private bucket: every read goes through a signed URL or this key. */
  bucket: string;
  fetch?: typeof fetch;
}

/** Storage's delete-objects endpoint takes at most this many names per request. */
const REMOVE_BATCH = 1000;
/** What the SDK's own upload sends for a raw body: objects are immutable, so caching them is safe. */
const CACHE_CONTROL = 'max-age=3600';

/**
 * Storage answers a missing object with `{ statusCode: "404", error: "not_found" }`,
 * as HTTP 400 by default (404 when the project asks for real status codes).
 */
function isNotFound(error: StorageError): boolean {
  return error.statusCode === '404' || error.status === 404 || error.statusCode === 'NoSuchKey';
}

function failure(operation: string, key: string, error: StorageError): Error {
  const status = error.status ? ` (${error.status})` : '';
  return new Error(`Supabase Storage: ${operation} ${key} failed${status}: ${error.message}`, { cause: error });
}

/**
 * Supabase Storage through its SDK. The browser uploads straight to a signed
 * upload URL and the player streams from a signed download URL (Storage honours
 * Range); the service-role key only ever travels server to Storage.
 *
 * Two limits come from Storage itself: a signed upload URL is valid for the
 * project's fixed time (2 hours, matching UPLOAD_URL_TTL_SECONDS), and it cannot
 * cap one object's size — the bucket's file_size_limit does, and completing an
 * upload checks the stored size against the declared one.
 */
export function createSupabaseBlobStore(options: SupabaseBlobStoreOptions): BlobStore {
  const client = new StorageClient(
    `${options.url.replace(/\/+$/, '')}/storage/v1`,
    // As supabase-js sends it: the gateway reads `apikey`, Storage the bearer token.
    { apikey: options.serviceRoleKey, Authorization: `Bearer ${options.serviceRoleKey}` },
    options.fetch,
  );
  // The SDK reports Storage and network errors as values (`{ data, error }`), never by throwing.
  const bucket = client.from(options.bucket);

  return {
    kind: 'supabase',

    async createUploadTarget(key, { contentType }) {
      // Signed without upsert: Storage then refuses a PUT to an object that exists, whatever
      // the browser sends (x-upsert is fixed in the token), so a completed file cannot be swapped.
      const { data, error } = await bucket.createSignedUploadUrl(key, { upsert: false });
      if (error) throw failure('sign upload', key, error);
      // What uploadToSignedUrl sends for a raw body, minus the SDK's own auth headers:
      // the token in the URL is the only credential the browser gets.
      return {
        url: data.signedUrl,
        method: 'PUT',
        headers: { 'content-type': contentType, 'cache-control': CACHE_CONTROL, 'x-upsert': 'false' },
      };
    },

    async createDownloadUrl(key, { expiresInSeconds }) {
      const { data, error } = await bucket.createSignedUrl(key, Math.max(1, Math.ceil(expiresInSeconds)));
      if (error) throw failure('sign download', key, error);
      return data.signedUrl;
    },

    async stat(key) {
      const { data, error } = await bucket.info(key);
      if (error) {
        if (isNotFound(error)) return null;
        throw failure('stat', key, error);
      }
      // Storage reports null while an object's metadata is not written yet: not there for our purposes.
      return typeof data.size === 'number' ? { sizeBytes: data.size } : null;
    },

    async read(key) {
      const { data, error } = await bucket.download(key);
      if (error) {
        if (isNotFound(error)) throw new BlobNotFoundError(key);
        throw failure('read', key, error);
      }
      return new Uint8Array(await data.arrayBuffer());
    },

    async write(key, bytes, contentType) {
      // Upsert: the pipeline rewrites the same key when a job is redelivered.
      const { error } = await bucket.upload(key, bytes, { contentType, upsert: true, cacheControl: '3600' });
      if (error) throw failure('write', key, error);
    },

    async remove(keys) {
      // Names that do not exist are simply left out of Storage's answer.
      for (let i = 0; i < keys.length; i += REMOVE_BATCH) {
        const batch = keys.slice(i, i + REMOVE_BATCH);
        const { error } = await bucket.remove(batch);
        if (error) throw failure('remove', `${batch.length} objects from ${batch[0]}`, error);
      }
    },
  };
}
