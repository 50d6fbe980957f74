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
    const [row] = await ports.db.query<{ id: string }>(
      `insert into videos (creator_id, title, source_kind, mime_type, size_bytes, duration_seconds, status, progress,
                           transcript_source, upload_expires_at)
       values ($1, $2, 'captions', $3, $4, $5, 'pending', 0, 'captions', now() + make_interval(secs => $6)) returning id`,
      [
        input.creatorId,
        input.title,
        parsed.format === 'srt' ? 'application/x-subrip' : 'text/vtt',
        sizeBytes,
        parsed.durationSeconds,
        UPLOAD_ABANDON_SECONDS,
      ],
    );
    videoId = row!.id;
    await writeTranscriptSegmentsInTurns(ports.db, { creatorId: input.creatorId, videoId, segments: parsed.segments });
    await ports.db.query(
      `update videos set uploaded_at = now(), upload_expires_at = null, updated_at = now() where id = $1 and creator_id = $2`,
      [videoId, input.creatorId],
    );
  } catch (err) {
    if (videoId)
      await ports.db.query(`delete from videos where id = $1 and creator_id = $2`, [videoId, input.creatorId]);
    await releaseUploadQuota(ports.db, { creatorId: input.creatorId, sizeBytes });
    throw err;
  }
  await ports.jobs.enqueue({ type: 'video.process', videoId, creatorId: input.creatorId });
  return (await getVideoSummary(ports.db, { creatorId: input.creatorId, videoId }))!;
}
