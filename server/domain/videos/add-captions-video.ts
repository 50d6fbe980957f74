import type { CaptionsUpload, VideoSummary } from '../../../shared/schemas/videos';
import type { Db } from '../../ports/db';
import type { JobQueue } from '../../ports/job-queue';
import { replaceTranscriptSegments } from '../ingestion/index-transcript';
import { parseCaptions } from '../ingestion/parse-captions';
import { releaseUploadQuota, reserveUploadQuota } from '../quotas/storage-quota';
import { getVideoSummary } from './list-videos';

/**
 * A lesson from a captions file alone: no transcription cost. The file is parsed
 * first (a bad file is refused before anything is stored), a video slot is
 * reserved atomically, the row and its transcript are written in one
 * transaction, and the pipeline job (chunk → embed) is queued like any video's.
 */
export async function addCaptionsVideo(
  ports: { db: Db; jobs: JobQueue },
  input: CaptionsUpload & { creatorId: string },
): Promise<VideoSummary> {
  const parsed = await parseCaptions(input.text, input.fileName.toLowerCase().endsWith('.srt') ? 'srt' : 'vtt');
  const sizeBytes = new TextEncoder().encode(input.text).length;
  await reserveUploadQuota(ports.db, { creatorId: input.creatorId, sizeBytes });
  let videoId: string;
  try {
    videoId = await ports.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string }>(
        `insert into videos (creator_id, title, source_kind, mime_type, size_bytes, duration_seconds, status, progress,
                             transcript_source, uploaded_at)
         values ($1, $2, 'captions', $3, $4, $5, 'pending', 0, 'captions', now()) returning id`,
        [input.creatorId, input.title, parsed.format === 'srt' ? 'application/x-subrip' : 'text/vtt', sizeBytes, parsed.durationSeconds],
      );
      await replaceTranscriptSegments(tx, { creatorId: input.creatorId, videoId: row!.id, segments: parsed.segments });
      return row!.id;
    });
  } catch (err) {
    await releaseUploadQuota(ports.db, { creatorId: input.creatorId, sizeBytes });
    throw err;
  }
  await ports.jobs.enqueue({ type: 'video.process', videoId, creatorId: input.creatorId });
  return (await getVideoSummary(ports.db, { creatorId: input.creatorId, videoId }))!;
}
