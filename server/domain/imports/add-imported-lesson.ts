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
    await ports.db.tables.videos.insertUpload({
      id: videoId,
      creatorId: input.creatorId,
      title: input.title,
      sourceKind: 'audio',
      mimeType: media.mimeType,
      sizeBytes,
      durationSeconds: input.video.durationSeconds,
      transcriptSource: 'transcription',
      storageKey: key,
      uploadExpires: { afterSeconds: 24 * 60 * 60 },
    });
    await blobs.write(key, media.bytes, media.mimeType);
    await ports.db.tables.videos.markUploaded({ creatorId: input.creatorId, videoId });
  } catch (err) {
    await ports.db.tables.videos.remove({ creatorId: input.creatorId, videoId });
    await releaseUploadQuota(ports.db, { creatorId: input.creatorId, sizeBytes });
    await blobs.remove([key]).catch(() => {});
    throw err;
  }
  await ports.jobs.enqueue({ type: 'video.process', videoId, creatorId: input.creatorId });
  return { videoId, transcriptFrom: 'audio' };
}
