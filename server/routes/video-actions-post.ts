import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { completeVideoUpload } from '../domain/videos/complete-video-upload';
import { reprocessVideo, retryVideo } from '../domain/videos/requeue-video';
import type { AppEnv } from '../http/context';

type Ctx = Parameters<Handler<AppEnv>>[0];
const target = (c: Ctx) => ({ creatorId: c.get('viewer').creator.id, videoId: c.req.param('id') ?? '' });

/** POST /api/videos/:id/complete — the browser's uploads are done; check them and queue the pipeline. */
export function videoCompletePost(deps: AppDeps): Handler<AppEnv> {
  return async (c) =>
    c.json(await completeVideoUpload({ db: deps.db, blobs: deps.media.blobs, jobs: deps.media.jobs }, target(c)));
}

/** POST /api/videos/:id/retry — a failed video, again from where it stopped. */
export function videoRetryPost(deps: AppDeps): Handler<AppEnv> {
  return async (c) => c.json(await retryVideo({ db: deps.db, jobs: deps.media.jobs }, target(c)), 202);
}

/** POST /api/videos/:id/reprocess — transcribe, chunk and embed again from the start. */
export function videoReprocessPost(deps: AppDeps): Handler<AppEnv> {
  return async (c) => c.json(await reprocessVideo({ db: deps.db, jobs: deps.media.jobs }, target(c)), 202);
}
