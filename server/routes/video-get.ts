import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { getImportedPlayback } from '../domain/imports/get-imported-playback';
import { getVideoDetail } from '../domain/videos/get-video-detail';
import { getVideoPlayback } from '../domain/videos/get-video-playback';
import type { AppEnv } from '../http/context';

/** GET /api/videos/:id — the video page: summary, transcript, costs (creator only). */
export function videoGet(deps: AppDeps): Handler<AppEnv, '/api/videos/:id'> {
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await getVideoDetail(deps.db, { creatorId: c.get('viewer').creator.id, videoId: c.req.param('id') }));
  };
}

/** GET /api/videos/:id/playback — a signed URL to stream from; creator or a student of the creator's community. */
export function videoPlaybackGet(deps: AppDeps): Handler<AppEnv, '/api/videos/:id/playback'> {
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    const playback = await getVideoPlayback(
      {
        db: deps.db,
        blobs: deps.media.blobs,
        clock: deps.clock,
        ...(deps.whopImport
          ? {
              importedStream: (input) =>
                getImportedPlayback({ db: deps.db, source: deps.whopImport!, now: deps.clock.now() }, input),
            }
          : {}),
      },
      { creatorId: c.get('viewer').creator.id, videoId: c.req.param('id') },
    );
    return c.json(playback);
  };
}
