import { ApiError } from '../../../shared/api-error';
import { LessonMediaTooLargeError, type WhopVideoAsset } from '../../ports/whop-courses';
import { getCreatorStorage } from '../quotas/storage-quota';
import type { ImportPorts } from './import-ports';

export type LessonMedia =
  | { kind: 'captions'; text: string }
  | { kind: 'audio'; bytes: Uint8Array; mimeType: string }
  | { skipped: string };

/** One import holds at most this much audio in memory; longer lessons want captions in Whop. */
export const MAX_IMPORT_AUDIO_BYTES = 512 * 1024 * 1024;

/**
 * What a lesson's transcript will come from: its captions when Mux has them (free),
 * else its audio when Mux serves an audio rendition and this server can transcribe
 * and store it, else a reason it is skipped. Never more audio than the plan has room for.
 */
export async function fetchLessonMedia(
  ports: ImportPorts,
  input: { creatorId: string; video: WhopVideoAsset },
): Promise<LessonMedia> {
  const failed = 'Chronos could not read this lesson’s video from Whop; try again later.';
  try {
    const captions = await ports.source.media.fetchCaptions(input.video);
    if (captions && captions.trim()) return { kind: 'captions', text: captions };
    if (!ports.blobs || !ports.transcribesAudio) {
      return {
        skipped:
          'This lesson has no captions in Whop, and Chronos cannot transcribe its audio here; add captions to it in Whop, then import again.',
      };
    }
    const storage = await getCreatorStorage(ports.db, input.creatorId);
    const room =
      storage.storageBytesLimit === null
        ? MAX_IMPORT_AUDIO_BYTES
        : Math.max(0, storage.storageBytesLimit - storage.storageBytesUsed);
    const audio = await ports.source.media.fetchAudio(input.video, {
      maxBytes: Math.min(room, MAX_IMPORT_AUDIO_BYTES),
    });
    if (!audio)
      return {
        skipped:
          'This lesson has no captions in Whop and no downloadable audio; add captions to it in Whop, then import again.',
      };
    return { kind: 'audio', ...audio };
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (err instanceof LessonMediaTooLargeError) {
      return {
        skipped:
          'This lesson’s audio does not fit in your plan’s storage (or is over 512 MB); add captions to it in Whop to import it free.',
      };
    }
    return { skipped: failed };
  }
}
