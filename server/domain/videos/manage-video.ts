import type { VideoSummary } from '../../../shared/schemas/videos';
import type { Db } from '../../ports/db';
import { releaseUploadQuota } from '../quotas/storage-quota';
import { getVideoSummary } from './list-videos';
import { isVideoId, videoNotFound } from './video-id';

/** Renames one of the creator's videos; another creator's id is simply not found. */
export async function renameVideo(
  db: Db,
  input: { creatorId: string; videoId: string; title: string },
): Promise<VideoSummary> {
  if (!isVideoId(input.videoId)) throw videoNotFound();
  // The lesson's chunks are searched with its title (chunks.context): rename changes both in one statement.
  if (!(await db.tables.videos.rename(input))) throw videoNotFound();
  return (await getVideoSummary(db, input))!;
}

/**
 * Deletes the video with its segments, chunks and audio parts (cascade) and frees
 * its quota; returns the stored files' keys, which are the caller's to remove
 * (after the commit: a file without a row is harmless, a row without its file is not).
 */
export async function deleteVideo(
  db: Db,
  input: { creatorId: string; videoId: string },
): Promise<{ storageKeys: string[] }> {
  if (!isVideoId(input.videoId)) throw videoNotFound();
  return db.transaction(async (tx) => {
    const parts = await tx.tables.videoAudioParts.list(input, ['storage_key']);
    const gone = await tx.tables.videos.remove(input);
    if (!gone) throw videoNotFound();
    await releaseUploadQuota(tx, { creatorId: input.creatorId, sizeBytes: Number(gone.size_bytes) });
    return {
      storageKeys: [gone.storage_key, ...parts.map((p) => p.storage_key)].filter((k): k is string => k !== null),
    };
  });
}
