import { ApiError } from '../../../shared/api-error';
import type { Db } from '../../ports/db';
import { isVideoId } from './video-id';

/** `<creatorId>/<videoId>/<name>`, as blobKeys writes every key. */
const KEY = /^(biz_[A-Za-z0-9]+)\/([0-9a-f-]{36})\/[a-z0-9-]+\.[a-z0-9]+$/;

export const uploadClosed = () =>
  new ApiError(
    'CONFLICT',
    'This upload link is no longer valid: the lesson’s files were already received (or the lesson was removed), so they can no longer be replaced.',
  );

/**
 * Lets an upload grant store its object only while the video is still being
 * uploaded (pending, never completed). The check and the store run under the
 * video row's lock, the lock completeVideoUpload takes before it checks the files:
 * a PUT that began before completion and ends after it cannot swap the file that
 * completion checked. Called with a no-op first, so a closed upload is refused
 * before its body is read.
 */
export async function storeUploadWhileOpen<T>(db: Db, key: string, store: () => Promise<T>): Promise<T> {
  const match = KEY.exec(key);
  if (!match || !isVideoId(match[2]!)) throw uploadClosed();
  const [, creatorId, videoId] = match;
  return db.transaction(async (tx) => {
    const video = await tx.tables.videos.lock({ creatorId: creatorId!, videoId: videoId! }, ['status', 'uploaded_at']);
    if (!video || video.uploaded_at !== null || video.status !== 'pending') throw uploadClosed();
    return store();
  });
}
