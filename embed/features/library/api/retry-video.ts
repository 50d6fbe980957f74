import { useMutation } from '@tanstack/react-query';
import { VideoSummary } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { apiMutationFn } from '../../../lib/query-client';
import { useRefreshVideos } from './get-videos';

/** `POST /api/videos/:id/retry`: 202; a failed video resumes where it stopped (transcribed parts are kept). */
export function retryVideo(id: string): Promise<VideoSummary> {
  return apiRequest(`/api/videos/${encodeURIComponent(id)}/retry`, { method: 'POST', schema: VideoSummary });
}

/** Done: the list and the video's page are read again. */
export function useRetryVideo() {
  return useMutation({ mutationFn: apiMutationFn(retryVideo), onSuccess: useRefreshVideos() });
}
