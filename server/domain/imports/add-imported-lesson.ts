import { blobKeys } from '../../ports/blob-store';
import type { WhopVideoAsset } from '../../ports/whop-courses';
import { releaseUploadQuota, reserveUploadQuota } from '../quotas/storage-quota';
import { addCaptionsVideo } from '../videos/add-captions-video';
import { fetchLessonMedia, type LessonMedia } from './fetch-lesson-media';
import type { ImportPorts } from './import-ports';

export type AddedLesson = { videoId: string; transcriptFrom: 'captions' | 'audio' } | { skipped: string };

/**
 * A new Chronos video for a Whop video lesson. With captions (Whop's Mux asset has a
 * text track) it is a captions lesson: no transcription cost, the same parse → chunk
 * → embed path as a captions upload. Without, its audio is downloaded from Mux (an
 * allowlisted host, size-capped) into storage and goes through the normal pipeline,
 * where ffmpeg opens it as media only. Either way the plan's quotas are reserved
 * first, as for an upload.
 */
export async function addImportedLesson(
  ports: ImportPorts,
  input: { creatorId: string; title: string; video: WhopVideoAsset },
): Promise<AddedLesson> {
  const media = await fetchLessonMedia(ports, input);
  if ('skipped' in media) return media;
  return media.kind === 'captions' ? addFromCaptions(ports, input, media) : addFromAudio(ports, input, media);
}

async function addFromCaptions(
  ports: ImportPorts,
  input: { creatorId: string; title: string },
  media: Extract<LessonMedia, { kind: 'captions' }>,
): Promise<AddedLesson> {
  const video = await addCaptionsVideo(
    { db: ports.db, jobs: ports.jobs },
    { creatorId: input.creatorId, title: input.title, fileName: 'whop-lesson.vtt', text: media.text },
  );
  return { videoId: video.id, transcriptFrom: 'captions' };
}

async function addFromAudio(
  ports: ImportPorts,
  input: { creatorId: string; title: string; video: WhopVideoAsset },
  media: Extract<LessonMedia, { kind: 'audio' }>,
): Promise<AddedLesson> {
  const blobs = ports.blobs!;
  const sizeBytes = media.bytes.byteLength;
  await reserveUploadQuota(ports.db, { creatorId: input.creatorId, sizeBytes });
  const videoId = crypto.randomUUID();
  const key = blobKeys.media(input.creatorId, videoId, 'm4a');
  try {
    // Not uploaded until the file is stored: nothing processes or lists a half-written import.
    await ports.db.query(
      `insert into videos (id, creator_id, title, source_kind, mime_type, size_bytes, duration_seconds, status, progress,
                           transcript_source, storage_key, upload_expires_at)
       values ($1, $2, $3, 'audio', $4, $5, $6, 'pending', 0, 'transcription', $7, now() + interval '1 day')`,
      [videoId, input.creatorId, input.title, media.mimeType, sizeBytes, input.video.durationSeconds, key],
    );
    await blobs.write(key, media.bytes, media.mimeType);
    await ports.db.query(
      `update videos set uploaded_at = now(), upload_expires_at = null, updated_at = now() where id = $1 and creator_id = $2`,
      [videoId, input.creatorId],
    );
  } catch (err) {
    await ports.db.query(`delete from videos where id = $1 and creator_id = $2`, [videoId, input.creatorId]);
    await releaseUploadQuota(ports.db, { creatorId: input.creatorId, sizeBytes });
    await blobs.remove([key]).catch(() => {});
    throw err;
  }
  await ports.jobs.enqueue({ type: 'video.process', videoId, creatorId: input.creatorId });
  return { videoId, transcriptFrom: 'audio' };
}
