import { VideoSummary } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';

/**
 * `POST /api/videos/:id/complete`: every file has been PUT; the server checks each arrived
 * with its declared size (409 `CONFLICT` names the missing one) and queues the pipeline.
 */
export function completeVideoUpload(id: string): Promise<VideoSummary> {
  return apiRequest(`/api/videos/${encodeURIComponent(id)}/complete`, { method: 'POST', schema: VideoSummary });
}
