import { ApiError } from '../../../shared/api-error';
import { AUDIO_PART_MIME_TYPE } from '../../../shared/audio-parts';
import {
  UPLOAD_ABANDON_SECONDS,
  UPLOAD_URL_TTL_SECONDS,
  type VideoUploadCreated,
  type VideoUploadParsed,
} from '../../../shared/schemas/videos';
import { type BlobStore, blobKeys } from '../../ports/blob-store';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import { writeTranscriptSegmentsInTurns } from '../ingestion/index-transcript';
import { parseCaptions } from '../ingestion/parse-captions';
import { releaseUploadQuota, reserveUploadQuota } from '../quotas/storage-quota';
import { getVideoSummary } from './list-videos';

type Input = VideoUploadParsed & { creatorId: string };

/** The stored file keeps a known extension, whatever the creator's file was called. */
function extensionOf(mimeType: string): string {
  const known: Record<string, string> = {
    'video/mp4': 'mp4',
    'video/webm': 'webm',
    'video/quicktime': 'mov',
    'video/x-matroska': 'mkv',
    'video/ogg': 'ogv',
    'audio/mpeg': 'mp3',
    'audio/mp4': 'm4a',
    'audio/x-m4a': 'm4a',
    'audio/wav': 'wav',
    'audio/x-wav': 'wav',
    'audio/webm': 'weba',
    'audio/ogg': 'ogg',
    'audio/flac': 'flac',
  };
  return known[mimeType] ?? 'bin';
}

/**
 * Starts an upload: captions (if any) are parsed first, so a bad file is refused
 * before anything is reserved; the file's bytes plus its audio parts and one video
 * slot are reserved atomically; the video row (status pending, not yet uploaded)
 * and its audio parts are recorded; signed upload targets are returned. An upload
 * never completed is swept after a day and its quota freed.
 */
export async function createVideoUpload(
  ports: { db: Db; blobs: BlobStore | null; clock: Clock },
  input: Input,
): Promise<VideoUploadCreated> {
  const blobs = ports.blobs;
  if (!blobs)
    throw new ApiError(
      'SERVICE_UNAVAILABLE',
      'File uploads are not configured on this server. Add captions-only lessons instead.',
    );
  const captions = input.captions
    ? await parseCaptions(input.captions.text, input.captions.fileName.toLowerCase().endsWith('.srt') ? 'srt' : 'vtt')
    : null;
  const sizeBytes = input.file.sizeBytes + input.audioParts.reduce((sum, p) => sum + p.sizeBytes, 0);
  await reserveUploadQuota(ports.db, { creatorId: input.creatorId, sizeBytes });
  const kind = input.file.type.startsWith('audio/') ? 'audio' : 'video';
  const now = ports.clock.now();
  // The id is chosen here so the row is written once, with the storage key that names it.
  const videoId = crypto.randomUUID();
  const mediaKey = blobKeys.media(input.creatorId, videoId, extensionOf(input.file.type));
  try {
    await ports.db.transaction(async (tx) => {
      await tx.tables.videos.insertUpload({
        id: videoId,
        creatorId: input.creatorId,
        title: input.title,
        sourceKind: kind,
        mimeType: input.file.type,
        sizeBytes,
        durationSeconds: input.durationSeconds ?? captions?.durationSeconds ?? null,
        transcriptSource: captions ? 'captions' : 'transcription',
        storageKey: mediaKey,
        uploadExpires: { at: new Date(now.getTime() + UPLOAD_ABANDON_SECONDS * 1000) },
      });
      if (!captions) {
        for (const [seq, part] of input.audioParts.entries()) {
          await tx.tables.videoAudioParts.add({
            videoId,
            creatorId: input.creatorId,
            seq,
            storageKey: blobKeys.audioPart(input.creatorId, videoId, seq),
            offsetSeconds: part.offsetSeconds,
            durationSeconds: part.durationSeconds,
            sizeBytes: part.sizeBytes,
          });
        }
      }
    });
    // Outside the transaction, with turns of the event loop: a 10 MB captions file must not
    // hold the server. The row is not uploaded yet, so nothing processes a half-written transcript.
    if (captions)
      await writeTranscriptSegmentsInTurns(ports.db, {
        creatorId: input.creatorId,
        videoId,
        segments: captions.segments,
      });
  } catch (err) {
    await ports.db.tables.videos.remove({ creatorId: input.creatorId, videoId });
    await releaseUploadQuota(ports.db, { creatorId: input.creatorId, sizeBytes });
    throw err;
  }
  const expiresInSeconds = UPLOAD_URL_TTL_SECONDS;
  const media = await blobs.createUploadTarget(mediaKey, {
    contentType: input.file.type,
    sizeBytes: input.file.sizeBytes,
    expiresInSeconds,
  });
  const audioParts = captions
    ? []
    : await Promise.all(
        input.audioParts.map((part, seq) =>
          blobs.createUploadTarget(blobKeys.audioPart(input.creatorId, videoId, seq), {
            contentType: AUDIO_PART_MIME_TYPE,
            sizeBytes: part.sizeBytes,
            expiresInSeconds,
          }),
        ),
      );
  const video = await getVideoSummary(ports.db, { creatorId: input.creatorId, videoId });
  return {
    video: video!,
    uploads: { media, audioParts },
    expiresAt: new Date(now.getTime() + expiresInSeconds * 1000).toISOString(),
  };
}
