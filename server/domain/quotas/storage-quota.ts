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
  const row = await db.tables.creators.storage(creatorId);
  if (!row) throw new ApiError('NOT_FOUND', 'Unknown creator.');
  return {
    storageBytesUsed: Number(row.storage_bytes_used),
    storageBytesLimit: row.storage_bytes_limit === null ? null : Number(row.storage_bytes_limit),
    videoCount: row.video_count,
    videoCountLimit: row.video_count_limit,
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
  const reserved = await db.tables.creators.reserveUpload({ id: input.creatorId, sizeBytes: input.sizeBytes });
  const storage = await getCreatorStorage(db, input.creatorId);
  if (reserved) return storage;
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
  await db.tables.creators.releaseUpload({ id: input.creatorId, sizeBytes: input.sizeBytes });
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
  await db.tables.creators.addStorage({ id: input.creatorId, sizeBytes: input.sizeBytes });
}
