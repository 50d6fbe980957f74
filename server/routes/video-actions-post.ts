import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { completeVideoUpload } from '../domain/videos/complete-video-upload';
import { reprocessVideo, retryVideo } from '../domain/videos/requeue-video';
import type { AppEnv } from '../http/context';

/** Each action's path names its video; the handler's type carries the path, so `id` is a string. */
type Ctx = Parameters<
  Handler<AppEnv, '/api/videos/:id/complete' | '/api/videos/:id/retry' | '/api/videos/:id/reprocess'>
>[0];
const target = (c: Ctx) => ({ creatorId: c.get('viewer').creator.id, videoId: c.req.param('id') });

/** POST /api/videos/:id/complete — the browser's uploads are done; check them and queue the pipeline. */
export function videoCompletePost(deps: AppDeps): Handler<AppEnv, '/api/videos/:id/complete'> {
  return async (c) =>
    c.json(await completeVideoUpload({ db: deps.db, blobs: deps.media.blobs, jobs: deps.media.jobs }, target(c)));
}

/** POST /api/videos/:id/retry — a failed video, again from where it stopped. */
export function videoRetryPost(deps: AppDeps): Handler<AppEnv, '/api/videos/:id/retry'> {
  return async (c) => c.json(await retryVideo({ db: deps.db, jobs: deps.media.jobs }, target(c)), 202);
}

/** POST /api/videos/:id/reprocess — transcribe, chunk and embed again from the start. */
export function videoReprocessPost(deps: AppDeps): Handler<AppEnv, '/api/videos/:id/reprocess'> {
  return async (c) => c.json(await reprocessVideo({ db: deps.db, jobs: deps.media.jobs }, target(c)), 202);
}
