import { ChronosError } from '../../shared/chronos-error';
import type { UploadTarget } from '../../shared/schemas/videos';

/**
 * Where video files and extracted audio parts live. The browser uploads straight
 * to it (a signed PUT target), the player streams from it (a signed GET URL that
 * honours Range), and the pipeline reads audio parts back.
 * Real: Supabase Storage (signed URLs). Local: disk under DATA_DIR, with short-lived
 * HMAC-signed URLs served by the Node server itself.
 * Keys are `<creatorId>/<videoId>/<name>`: a key always names its tenant.
 */
export interface BlobStore {
  readonly kind: 'local-disk' | 'supabase';
  /** A URL the browser PUTs the bytes to, accepting at most `sizeBytes`, valid for `expiresInSeconds`. */
  createUploadTarget(
    key: string,
    options: { contentType: string; sizeBytes: number; expiresInSeconds: number },
  ): Promise<UploadTarget>;
  /** A URL that serves the object (with Range) for `expiresInSeconds`. */
  createDownloadUrl(key: string, options: { expiresInSeconds: number; contentType?: string }): Promise<string>;
  /** The stored object's size, or null when nothing is stored under the key. */
  stat(key: string): Promise<{ sizeBytes: number } | null>;
  read(key: string): Promise<Uint8Array>;
  write(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Removes the objects; keys that do not exist are ignored. */
  remove(keys: readonly string[]): Promise<void>;
  /** A path on this machine's disk, when the store has one (lets a system ffmpeg read the file in place). */
  localPath?(key: string): string;
}

export class BlobNotFoundError extends ChronosError {
  readonly code = 'BLOB_NOT_FOUND';
  readonly retryable = false;

  constructor(readonly key: string) {
    super(`No stored object at ${key}`);
    this.name = 'BlobNotFoundError';
  }
}

/** Keys name their tenant and video; names are fixed by the pipeline, never by the client. */
export const blobKeys = {
  media: (creatorId: string, videoId: string, extension: string) => `${creatorId}/${videoId}/media.${extension}`,
  audioPart: (creatorId: string, videoId: string, seq: number) =>
    `${creatorId}/${videoId}/audio-${String(seq).padStart(3, '0')}.mp3`,
  prefix: (creatorId: string, videoId: string) => `${creatorId}/${videoId}/`,
};
