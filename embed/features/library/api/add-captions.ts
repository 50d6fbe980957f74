import { type CaptionsUpload, VideoSummary } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';

/**
 * `POST /api/videos/captions`: a lesson made from a captions file, processed before the answer
 * (201 with status `completed`, or `failed` and the reason). 400 `VALIDATION_FAILED` says what is
 * wrong with the file; 403 `VIDEO_LIMIT_EXCEEDED` / `STORAGE_LIMIT_EXCEEDED` carry the usage in
 * `details`; 413 `PAYLOAD_TOO_LARGE`. No hook: the upload queue (`use-captions-upload.ts`) sends
 * one file after another.
 */
export function addCaptions(input: CaptionsUpload): Promise<VideoSummary> {
  return apiRequest('/api/videos/captions', { method: 'POST', body: input, schema: VideoSummary });
}
