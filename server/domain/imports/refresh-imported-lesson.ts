import { blobKeys } from '../../ports/blob-store';
import type { Db } from '../../ports/db';
import type { WhopVideoAsset } from '../../ports/whop-courses';
import { replaceTranscriptSegments } from '../ingestion/index-transcript';
import { parseCaptions } from '../ingestion/parse-captions';
import { renameVideo } from '../videos/manage-video';
import { fetchLessonMedia } from './fetch-lesson-media';
import { type ImportPorts, mediaVersion } from './import-ports';

export interface ImportedRow {
  video_id: string;
  lesson_title: string;
  content_hash: string;
}

export type RefreshOutcome =
  | { outcome: 'unchanged' | 'renamed' | 'reprocessed'; transcriptFrom: 'captions' | 'audio' | null }
  | { outcome: 'skipped'; message: string };

/**
 * A lesson imported before, brought up to date with Whop: a new title renames the
 * video (its chunks carry the title); a new video in Whop (another Mux asset, or the
 * same one re-uploaded) replaces its transcript source and processes it again, in
 * place, so its id — and every citation students already have — stays the same.
 */
export async function refreshImportedLesson(
  ports: ImportPorts,
  input: { creatorId: string; row: ImportedRow; title: string; video: WhopVideoAsset },
): Promise<RefreshOutcome> {
  const { creatorId, row } = input;
  const renamed = row.lesson_title !== input.title;
  if (renamed) await renameVideo(ports.db, { creatorId, videoId: row.video_id, title: input.title });
  if (row.content_hash === mediaVersion(input.video))
    return { outcome: renamed ? 'renamed' : 'unchanged', transcriptFrom: null };

  const media = await fetchLessonMedia(ports, { creatorId, video: input.video });
  if ('skipped' in media) return { outcome: 'skipped', message: media.skipped };
  const captions = media.kind === 'captions' ? await parseCaptions(media.text, 'vtt') : null;
  const audioKey = blobKeys.media(creatorId, row.video_id, 'm4a');
  if (media.kind === 'audio') await ports.blobs!.write(audioKey, media.bytes, media.mimeType);

  const won = await ports.db.transaction(async (tx) => {
    // Only a finished (or failed) video: a run in progress would mix the old and new media.
    const claimed = await tx.tables.videos.restartFinished({ creatorId, videoId: row.video_id });
    if (!claimed) return false;
    await tx.tables.videoAudioParts.removeAll({ creatorId, videoId: row.video_id });
    if (captions) {
      await replaceTranscriptSegments(tx, { creatorId, videoId: row.video_id, segments: captions.segments });
      await setSource(tx, {
        creatorId,
        videoId: row.video_id,
        source: 'captions',
        key: null,
        mimeType: 'text/vtt',
        sizeBytes: new TextEncoder().encode(media.kind === 'captions' ? media.text : '').length,
        oldBytes: Number(claimed.size_bytes),
      });
    } else if (media.kind === 'audio') {
      await setSource(tx, {
        creatorId,
        videoId: row.video_id,
        source: 'transcription',
        key: audioKey,
        mimeType: media.mimeType,
        sizeBytes: media.bytes.byteLength,
        oldBytes: Number(claimed.size_bytes),
      });
    }
    return true;
  });
  if (!won)
    return {
      outcome: 'skipped',
      message: 'This lesson is still being processed; import it again when it has finished.',
    };
  await ports.jobs.enqueue({ type: 'video.process', videoId: row.video_id, creatorId });
  return { outcome: 'reprocessed', transcriptFrom: media.kind === 'captions' ? 'captions' : 'audio' };
}

/** The video's new transcript source, its size counted against the plan in place of the old one. */
async function setSource(
  tx: Db,
  input: {
    creatorId: string;
    videoId: string;
    source: 'captions' | 'transcription';
    key: string | null;
    mimeType: string;
    sizeBytes: number;
    oldBytes: number;
  },
) {
  await tx.tables.videos.replaceSource({
    creatorId: input.creatorId,
    videoId: input.videoId,
    transcriptSource: input.source,
    storageKey: input.key,
    mimeType: input.mimeType,
    sizeBytes: input.sizeBytes,
  });
  await tx.tables.creators.swapStorage({ id: input.creatorId, sizeBytes: input.sizeBytes, oldBytes: input.oldBytes });
}
