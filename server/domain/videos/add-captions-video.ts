import type { CaptionsUpload, VideoSummary } from '../../../shared/schemas/videos';
import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import { indexTranscript } from '../ingestion/index-transcript';
import { parseCaptions } from '../ingestion/parse-captions';
import { releaseUploadQuota, reserveUploadQuota } from '../quotas/storage-quota';
import { toVideoSummary, VIDEO_COLUMNS } from './list-videos';

/**
 * A lesson from a captions file alone: no transcription cost. The file is parsed
 * first (a bad file is refused before anything is stored), a video slot is
 * reserved atomically, then chunk → embed → write; a failure ends in `failed`
 * with the reason, and the creator can delete or re-add it.
 */
export async function addCaptionsVideo(
  ports: { db: Db; embedder: Embedder },
  input: CaptionsUpload & { creatorId: string },
): Promise<VideoSummary> {
  const parsed = await parseCaptions(input.text, input.fileName.toLowerCase().endsWith('.srt') ? 'srt' : 'vtt');
  const sizeBytes = new TextEncoder().encode(input.text).length;
  await reserveUploadQuota(ports.db, { creatorId: input.creatorId, sizeBytes });
  let videoId: string;
  try {
    const [row] = await ports.db.query<{ id: string }>(
      `insert into videos (creator_id, title, source_kind, mime_type, size_bytes, duration_seconds, status, progress, uploaded_at)
       values ($1, $2, 'captions', $3, $4, $5, 'chunking', 40, now()) returning id`,
      [input.creatorId, input.title, parsed.format === 'srt' ? 'application/x-subrip' : 'text/vtt', sizeBytes, parsed.durationSeconds],
    );
    videoId = row!.id;
  } catch (err) {
    await releaseUploadQuota(ports.db, { creatorId: input.creatorId, sizeBytes });
    throw err;
  }
  try {
    await indexTranscript(ports, { creatorId: input.creatorId, videoId, segments: parsed.segments });
    await ports.db.query(
      `update videos set status = 'completed', progress = 100, completed_at = now(), error = null, updated_at = now()
        where id = $1 and creator_id = $2`,
      [videoId, input.creatorId],
    );
  } catch (err) {
    await ports.db.query(
      `update videos set status = 'failed', error = $3, updated_at = now() where id = $1 and creator_id = $2`,
      [videoId, input.creatorId, `Indexing the captions failed: ${(err as Error).message}`.slice(0, 500)],
    );
  }
  const [video] = await ports.db.query<Parameters<typeof toVideoSummary>[0]>(
    `select ${VIDEO_COLUMNS} from videos v where v.id = $1 and v.creator_id = $2`,
    [videoId, input.creatorId],
  );
  return toVideoSummary(video!);
}
