import { ApiError } from '../../../shared/api-error';
import type { VideoSummary } from '../../../shared/schemas/videos';
import type { BlobStore } from '../../ports/blob-store';
import type { Db } from '../../ports/db';
import type { JobQueue } from '../../ports/job-queue';
import { getVideoSummary } from './list-videos';
import { isVideoId, videoNotFound } from './video-id';

/**
 * The browser says its uploads are done: every object must be stored at its
 * declared size (a missing or short one is named, and the creator can upload
 * again); then the video is marked uploaded and its pipeline job is queued.
 * Completing twice is harmless: the second call just queues the (idempotent) job again.
 * From then on the upload grants are refused (storeUploadWhileOpen): the checked
 * files cannot be swapped.
 */
export async function completeVideoUpload(
  ports: { db: Db; blobs: BlobStore | null; jobs: JobQueue },
  input: { creatorId: string; videoId: string },
): Promise<VideoSummary> {
  if (!isVideoId(input.videoId)) throw videoNotFound();
  const blobs = ports.blobs;
  // Checked and marked under the row's lock, the lock a local upload takes to store its
  // file (storeUploadWhileOpen): no PUT can land between the check and the mark.
  const status = await ports.db.transaction(async (tx) => {
    const video = await tx.tables.videos.lock(input, ['storage_key', 'size_bytes', 'status']);
    if (!video) throw videoNotFound();
    if (!video.storage_key) throw new ApiError('CONFLICT', 'This lesson has no file to upload.');
    if (!blobs) throw new ApiError('SERVICE_UNAVAILABLE', 'File uploads are not configured on this server.');
    const parts = await tx.tables.videoAudioParts.list(input, ['seq', 'storage_key', 'size_bytes']);
    // The row's size is the file's plus its audio parts' (all reserved together).
    const mediaBytes = Number(video.size_bytes) - parts.reduce((sum, p) => sum + Number(p.size_bytes), 0);
    const expected = [{ key: video.storage_key, size: mediaBytes, label: 'the video file' }].concat(
      parts.map((p) => ({ key: p.storage_key, size: Number(p.size_bytes), label: `audio part ${p.seq + 1}` })),
    );
    const stored = await Promise.all(expected.map((e) => blobs.stat(e.key)));
    const missing = expected.filter((e, i) => stored[i]?.sizeBytes !== e.size);
    if (missing.length > 0) {
      throw new ApiError(
        'CONFLICT',
        `The upload is not complete: ${missing.map((m) => m.label).join(', ')} did not arrive in full. Upload again.`,
        {
          details: { missing: missing.map((m) => m.label) },
        },
      );
    }
    await tx.tables.videos.markUploaded(input);
    return video.status;
  });
  if (status !== 'completed' && status !== 'failed') {
    await ports.jobs.enqueue({ type: 'video.process', videoId: input.videoId, creatorId: input.creatorId });
  }
  return (await getVideoSummary(ports.db, input))!;
}
