import type { CaptionsUpload, VideoSummary } from '../../../shared/schemas/videos';
import { UPLOAD_ABANDON_SECONDS } from '../../../shared/schemas/videos';
import type { Db } from '../../ports/db';
import type { JobQueue } from '../../ports/job-queue';
import { writeTranscriptSegmentsInTurns } from '../ingestion/index-transcript';
import { parseCaptions } from '../ingestion/parse-captions';
import { releaseUploadQuota, reserveUploadQuota } from '../quotas/storage-quota';
import { getVideoSummary } from './list-videos';

/**
 * A lesson from a captions file alone: no transcription cost. The file is parsed
 * first (a bad file is refused before anything is stored), a video slot is
 * reserved atomically, then the row is written not yet uploaded (nothing lists it
 * as ready, no pipeline run may take it, and the sweeper frees it if this stops
 * half-way), its transcript in short statements with turns of the event loop
 * between them (a 10 MB file must not hold the server or its database), and only
 * then is it marked uploaded and the pipeline job (chunk → embed) queued like any video's.
 */
export async function addCaptionsVideo(
  ports: { db: Db; jobs: JobQueue },
  input: CaptionsUpload & { creatorId: string },
): Promise<VideoSummary> {
  const parsed = await parseCaptions(input.text, input.fileName.toLowerCase().endsWith('.srt') ? 'srt' : 'vtt');
  const sizeBytes = new TextEncoder().encode(input.text).length;
  await reserveUploadQuota(ports.db, { creatorId: input.creatorId, sizeBytes });
  let videoId: string | null = null;
  try {
    videoId = await ports.db.tables.videos.insertCaptions({
      creatorId: input.creatorId,
      title: input.title,
      mimeType: parsed.format === 'srt' ? 'application/x-subrip' : 'text/vtt',
      sizeBytes,
      durationSeconds: parsed.durationSeconds,
      abandonAfterSeconds: UPLOAD_ABANDON_SECONDS,
    });
    await writeTranscriptSegmentsInTurns(ports.db, { creatorId: input.creatorId, videoId, segments: parsed.segments });
    await ports.db.tables.videos.markUploaded({ creatorId: input.creatorId, videoId });
  } catch (err) {
    if (videoId) await ports.db.tables.videos.remove({ creatorId: input.creatorId, videoId });
    await releaseUploadQuota(ports.db, { creatorId: input.creatorId, sizeBytes });
    throw err;
  }
  await ports.jobs.enqueue({ type: 'video.process', videoId, creatorId: input.creatorId });
  return (await getVideoSummary(ports.db, { creatorId: input.creatorId, videoId }))!;
}
