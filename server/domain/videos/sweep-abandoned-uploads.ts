import type { BlobStore } from '../../ports/blob-store';
import type { Db } from '../../ports/db';
import type { Logger } from '../../ports/logger';
import { deleteVideo } from './manage-video';

/**
 * Uploads started but never completed (the tab closed, the network died) hold
 * quota; after UPLOAD_ABANDON_SECONDS they are deleted like any video: row,
 * files and reserved bytes and slot.
 */
export async function sweepAbandonedUploads(
  ports: { db: Db; blobs: BlobStore | null; logger: Logger },
  input: { now: Date },
): Promise<{ removed: number }> {
  const rows = await ports.db.tables.videos.listAbandonedUploads({ now: input.now, limit: 200 });
  let removed = 0;
  for (const row of rows) {
    try {
      const { storageKeys } = await deleteVideo(ports.db, { creatorId: row.creator_id, videoId: row.id });
      if (ports.blobs) await ports.blobs.remove(storageKeys);
      removed += 1;
    } catch (err) {
      ports.logger.warn('could not sweep an abandoned upload', { videoId: row.id, err });
    }
  }
  if (removed > 0) ports.logger.info('swept abandoned uploads', { removed });
  return { removed };
}
