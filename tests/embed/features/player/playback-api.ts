import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { VideoPlayback } from '../../../../shared/schemas/videos';

/**
 * `GET /api/videos/:id/playback` served by msw at the network edge, in the server's wire
 * format (VideoPlayback, or the shared error body). Requests are recorded with their headers.
 */
export const VIDEO_ID = '33333333-3333-4333-8333-333333333333';
export const OTHER_VIDEO_ID = '55555555-5555-4555-8555-555555555555';

export type PlaybackReply = VideoPlayback | { status: number; code: string; message: string };

export function playback(overrides: Partial<VideoPlayback> = {}): VideoPlayback {
  return {
    videoId: VIDEO_ID,
    title: 'Lesson 3',
    url: `/api/local-blobs/token-${overrides.videoId ?? VIDEO_ID}`,
    mimeType: 'video/webm',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    ...overrides,
  };
}

export interface PlaybackRequest {
  videoId: string;
  headers: Headers;
}

/** Starts msw for the file; `serve` scripts the replies per video (in order, the last repeats). */
export function installPlaybackApi() {
  const requests: PlaybackRequest[] = [];
  let script = new Map<string, PlaybackReply[]>();
  const served = new Map<string, number>();
  const server = setupServer(
    http.get('*/api/videos/:id/playback', ({ params, request }) => {
      const videoId = String(params.id);
      requests.push({ videoId, headers: request.headers });
      const replies = script.get(videoId) ?? [];
      const count = served.get(videoId) ?? 0;
      served.set(videoId, count + 1);
      const reply = replies[Math.min(count, replies.length - 1)];
      if (!reply)
        return HttpResponse.json(
          { error: { code: 'NOT_FOUND', message: 'No such video.', requestId: 'req_msw_404' } },
          { status: 404 },
        );
      if ('status' in reply) {
        return HttpResponse.json(
          { error: { code: reply.code, message: reply.message, requestId: `req_${reply.code.toLowerCase()}` } },
          { status: reply.status },
        );
      }
      return HttpResponse.json(reply, { headers: { 'x-request-id': 'req_playback' } });
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
    script = new Map();
    served.clear();
  });
  afterAll(() => server.close());
  return {
    server,
    requests,
    serve(videoId: string, ...replies: PlaybackReply[]) {
      script.set(videoId, replies);
    },
  };
}
