import type { VideoPlayback } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';

/** Imported with the first response it checks (`lib/lazy-schema.ts`): the student view paints without zod. */
const VideoPlaybackSchema = lazySchema((schemas) => schemas.VideoPlayback);

/**
 * `GET /api/videos/:id/playback` for the student's player: a short-lived URL to stream from
 * (Range requests), or `url: null` for a captions-only lesson. Works in the experience view,
 * where the api-client sends the experience id; the server decides what the viewer may play.
 */
export function getVideoPlayback(videoId: string, signal?: AbortSignal): Promise<VideoPlayback> {
  return apiRequest(`/api/videos/${encodeURIComponent(videoId)}/playback`, {
    schema: VideoPlaybackSchema,
    ...(signal ? { signal } : {}),
  });
}

/** A URL this close to expiry is fetched again: a Range request made after it would fail mid-play. */
export const PLAYBACK_EXPIRY_MARGIN_MS = 60_000;
/** Answers without an expiry (no media file) are still re-checked now and then: a file may be added. */
export const PLAYBACK_NO_EXPIRY_TTL_MS = 5 * 60_000;

interface Cached {
  playback: VideoPlayback;
  freshUntil: number;
}

/**
 * Playback answers per video, kept until their URL nears `expiresAt`, so reopening a video
 * (another citation, another answer) neither asks the server again nor reloads the file.
 * One cache per chat screen: it dies with the viewer's session of the page.
 */
export class PlaybackCache {
  private readonly entries = new Map<string, Cached>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The cached answer when still fresh; otherwise (or with `fresh`) asks the server. */
  async get(videoId: string, options: { signal?: AbortSignal; fresh?: boolean } = {}): Promise<VideoPlayback> {
    const cached = this.entries.get(videoId);
    if (cached && !options.fresh && cached.freshUntil > this.now()) return cached.playback;
    const playback = await getVideoPlayback(videoId, options.signal);
    this.entries.set(videoId, { playback, freshUntil: this.freshUntil(playback) });
    return playback;
  }

  /** Drops a video's answer, e.g. after its URL stopped working. */
  forget(videoId: string): void {
    this.entries.delete(videoId);
  }

  private freshUntil(playback: VideoPlayback): number {
    const expires = playback.expiresAt === null ? Number.NaN : Date.parse(playback.expiresAt);
    if (Number.isNaN(expires)) return this.now() + PLAYBACK_NO_EXPIRY_TTL_MS;
    return expires - PLAYBACK_EXPIRY_MARGIN_MS;
  }
}
