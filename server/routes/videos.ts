import type { Handler } from 'hono';
import { CaptionsUpload, VideoRename } from '../../shared/schemas/videos';
import type { AppDeps } from '../app';
import { addCaptionsVideo } from '../domain/videos/add-captions-video';
import { listVideos } from '../domain/videos/list-videos';
import { deleteVideo, renameVideo } from '../domain/videos/manage-video';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';

const creatorOf = (c: Parameters<Handler<AppEnv>>[0]) => c.get('viewer').creator.id;

/** GET /api/videos — the creator's library. */
export function videosGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json({ videos: await listVideos(deps.db, { creatorId: creatorOf(c) }) });
  };
}

/** POST /api/videos/captions — a lesson from a WebVTT/SRT file (no transcription cost). */
export function videosCaptionsPost(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const input = CaptionsUpload.parse(await readJson(c));
    const video = await addCaptionsVideo({ db: deps.db, jobs: deps.media.jobs }, { ...input, creatorId: creatorOf(c) });
    return c.json(video, 201);
  };
}

/** PATCH /api/videos/:id — rename. */
export function videoPatch(deps: AppDeps): Handler<AppEnv, '/api/videos/:id'> {
  return async (c) => {
    const { title } = VideoRename.parse(await readJson(c));
    return c.json(await renameVideo(deps.db, { creatorId: creatorOf(c), videoId: c.req.param('id'), title }));
  };
}

/** DELETE /api/videos/:id — removes the video, its files, transcript and chunks, and frees its quota. */
export function videoDelete(deps: AppDeps): Handler<AppEnv, '/api/videos/:id'> {
  return async (c) => {
    const { storageKeys } = await deleteVideo(deps.db, { creatorId: creatorOf(c), videoId: c.req.param('id') });
    if (deps.media.blobs && storageKeys.length > 0) {
      // The row is gone (quota freed); a file left behind by a storage hiccup costs space, not correctness.
      await deps.media.blobs
        .remove(storageKeys)
        .catch((err: unknown) => c.get('logger').warn('could not remove files of a deleted video', { err }));
    }
    return c.body(null, 204);
  };
}
