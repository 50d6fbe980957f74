import { VideoUploadCreated, type VideoUploadRequest } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';

/**
 * `POST /api/videos`: reserves the quota (storage and video count, atomically) and answers
 * where to PUT the file and each audio part. 403 `STORAGE_LIMIT_EXCEEDED` /
 * `VIDEO_LIMIT_EXCEEDED` carry the usage in `details`. One step of the upload flow
 * (`use-media-upload.ts`), so no hook.
 */
export function createVideoUpload(input: VideoUploadRequest, signal?: AbortSignal): Promise<VideoUploadCreated> {
  return apiRequest('/api/videos', {
    method: 'POST',
    body: input,
    schema: VideoUploadCreated,
    ...(signal ? { signal } : {}),
  });
}
