import type { Handler } from 'hono';
import { VideoUploadRequest } from '../../shared/schemas/videos';
import type { AppDeps } from '../app';
import { createVideoUpload } from '../domain/videos/create-video-upload';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';

/** POST /api/videos — reserve quota for a video/audio file and get where to upload it. */
export function videosPost(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const input = VideoUploadRequest.parse(await readJson(c));
    const created = await createVideoUpload(
      { db: deps.db, blobs: deps.media.blobs, clock: deps.clock },
      { ...input, creatorId: c.get('viewer').creator.id },
    );
    c.header('cache-control', 'private, no-store');
    return c.json(created, 201);
  };
}
