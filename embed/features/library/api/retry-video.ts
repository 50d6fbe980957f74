import { VideoSummary } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/use-api-mutation';

/** `POST /api/videos/:id/retry`: 202; a failed video resumes where it stopped (transcribed parts are kept). */
export function retryVideo(id: string): Promise<VideoSummary> {
  return apiRequest(`/api/videos/${encodeURIComponent(id)}/retry`, { method: 'POST', schema: VideoSummary });
}

export function useRetryVideo() {
  return useApiMutation(retryVideo);
}
