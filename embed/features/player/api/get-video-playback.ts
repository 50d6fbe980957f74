import { useQuery } from '@tanstack/react-query';
import type { VideoPlayback } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

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

/** How long after it was read (`readAt`, ms) an answer may be shown again: until its URL nears `expiresAt`. */
export function playbackFreshFor(playback: VideoPlayback, readAt: number): number {
  const expires = playback.expiresAt === null ? Number.NaN : Date.parse(playback.expiresAt);
  if (Number.isNaN(expires)) return PLAYBACK_NO_EXPIRY_TTL_MS;
  return Math.max(0, expires - PLAYBACK_EXPIRY_MARGIN_MS - readAt);
}

/**
 * Playback answers per video, kept in the page's query cache until their URL nears
 * `expiresAt` (`staleTime` from the answer), so reopening a video (another citation, another
 * answer, the lesson page) neither asks the server again nor reloads the file. Never asked
 * again by itself while shown (reconnecting, focus): a new URL would restart the player.
 */
export function useVideoPlaybackQuery(videoId: string) {
  return useQuery<VideoPlayback>({
    queryKey: useVideoPlaybackKey(videoId),
    queryFn: apiQueryFn((signal) => getVideoPlayback(videoId, signal)),
    staleTime: (query) => (query.state.data ? playbackFreshFor(query.state.data, query.state.dataUpdatedAt) : 0),
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnReconnect: false,
  });
}

/** The query key of `videoId`'s playback in this view. */
export function useVideoPlaybackKey(videoId: string): readonly unknown[] {
  return useViewQueryKey('video-playback', videoId);
}
