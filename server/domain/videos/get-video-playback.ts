import type { VideoPlayback } from '../../../shared/schemas/videos';
import type { BlobStore } from '../../ports/blob-store';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import { isVideoId, videoNotFound } from './video-id';

/** Long enough to watch a long lesson; the player asks again when a URL has expired. */
const PLAYBACK_TTL_SECONDS = 4 * 60 * 60;

/**
 * A short-lived URL the player streams the video from (Range requests). The
 * creator comes from the verified viewer, so a student only ever gets their own
 * community's videos; a captions-only lesson (or one still uploading) has no URL.
 */
export async function getVideoPlayback(
  ports: {
    db: Db;
    blobs: BlobStore | null;
    clock: Clock;
    /** A lesson imported from Whop Courses plays its own Mux stream (domain/imports). */
    importedStream?: (input: {
      creatorId: string;
      videoId: string;
    }) => Promise<{ url: string; expiresAt: string | null } | null>;
  },
  input: { creatorId: string; videoId: string },
): Promise<VideoPlayback> {
  if (!isVideoId(input.videoId)) throw videoNotFound();
  const video = await ports.db.tables.videos.find(input, ['title', 'storage_key', 'mime_type', 'uploaded_at']);
  if (!video) throw videoNotFound();
  const none = { videoId: input.videoId, title: video.title, url: null, kind: null, mimeType: null, expiresAt: null };
  const stream = await ports.importedStream?.(input);
  if (stream)
    return {
      videoId: input.videoId,
      title: video.title,
      url: stream.url,
      kind: 'hls',
      mimeType: 'application/vnd.apple.mpegurl',
      expiresAt: stream.expiresAt,
    };
  if (!video.storage_key || video.uploaded_at === null || !ports.blobs) return none;
  const url = await ports.blobs.createDownloadUrl(video.storage_key, {
    expiresInSeconds: PLAYBACK_TTL_SECONDS,
    ...(video.mime_type ? { contentType: video.mime_type } : {}),
  });
  const expiresAt = new Date(ports.clock.now().getTime() + PLAYBACK_TTL_SECONDS * 1000).toISOString();
  return { videoId: input.videoId, title: video.title, url, kind: 'file', mimeType: video.mime_type, expiresAt };
}
