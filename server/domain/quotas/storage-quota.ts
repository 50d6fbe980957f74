import { ApiError } from '../../../shared/api-error';
import type { Db } from '../../ports/db';

export interface StorageReservationInput {
  creatorId: string;
  sizeBytes: number;
}

export interface CreatorStorage {
  storageBytesUsed: number;
  storageBytesLimit: number | null;
  videoCount: number;
  videoCountLimit: number | null;
}

export async function getCreatorStorage(db: Db, creatorId: string): Promise<CreatorStorage> {
  const [row] = await db.query<{ used: string; lim: string | null; videos: number; video_lim: number | null }>(
    `select c.storage_bytes_used::text as used, t.storage_bytes_limit::text as lim,
            c.video_count as videos, t.video_count_limit as video_lim
       from creators c join tier_configurations t on t.tier = c.tier where c.id = $1`,
    [creatorId],
  );
  if (!row) throw new ApiError('NOT_FOUND', 'Unknown creator.');
  return {
    storageBytesUsed: Number(row.used),
    storageBytesLimit: row.lim === null ? null : Number(row.lim),
    videoCount: row.videos,
    videoCountLimit: row.video_lim,
  };
}

/**
 * Reserves the bytes and one video slot of an upload in one conditional UPDATE:
 * parallel requests cannot pass the tier's storage or video-count limit.
 */
export async function reserveUploadQuota(db: Db, input: StorageReservationInput): Promise<CreatorStorage> {
  if (!Number.isSafeInteger(input.sizeBytes) || input.sizeBytes < 0) {
    throw new ApiError('VALIDATION_FAILED', 'The file size must be a whole number of bytes.');
  }
  const reserved = await db.query(
    `update creators c
        set storage_bytes_used = c.storage_bytes_used + $2, video_count = c.video_count + 1, updated_at = now()
       from tier_configurations t
      where t.tier = c.tier and c.id = $1
        and (t.storage_bytes_limit is null or c.storage_bytes_used + $2 <= t.storage_bytes_limit)
        and (t.video_count_limit is null or c.video_count + 1 <= t.video_count_limit)
      returning c.id`,
    [input.creatorId, input.sizeBytes],
  );
  const storage = await getCreatorStorage(db, input.creatorId);
  if (reserved.length > 0) return storage;
  const details = { ...storage, requestedBytes: input.sizeBytes };
  if (storage.videoCountLimit !== null && storage.videoCount + 1 > storage.videoCountLimit) {
    throw new ApiError(
      'VIDEO_LIMIT_EXCEEDED',
      `Your plan allows ${storage.videoCountLimit} videos; you have ${storage.videoCount}.`,
      {
        details,
      },
    );
  }
  throw new ApiError('STORAGE_LIMIT_EXCEEDED', 'This upload would exceed your plan’s storage.', { details });
}

/** Frees an upload's bytes and video slot (abandoned upload, deleted video). Never goes below zero. */
export async function releaseUploadQuota(db: Db, input: StorageReservationInput): Promise<void> {
  await db.query(
    `update creators set storage_bytes_used = greatest(storage_bytes_used - $2, 0),
                         video_count = greatest(video_count - 1, 0), updated_at = now()
      where id = $1`,
    [input.creatorId, input.sizeBytes],
  );
}

/**
 * Counts bytes the server stored for a video it had already accepted (audio it
 * extracted itself) against the creator's storage, and adds them to the video's
 * size so deleting the video frees them. Never refused: the upload was accepted,
 * and the next upload is checked against the new total.
 */
export async function chargeDerivedStorage(
  db: Db,
  input: StorageReservationInput & { videoId: string },
): Promise<void> {
  await db.tables.videos.addSize(input);
  await db.query(`update creators set storage_bytes_used = storage_bytes_used + $2, updated_at = now() where id = $1`, [
    input.creatorId,
    input.sizeBytes,
  ]);
}
