import { useMutation } from '@tanstack/react-query';
import { VideoSummary } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { apiMutationFn } from '../../../lib/query-client';
import { useRefreshVideos } from './get-videos';

/** `POST /api/videos/:id/reprocess`: 202; transcription, chunking and embedding are done again. */
export function reprocessVideo(id: string): Promise<VideoSummary> {
  return apiRequest(`/api/videos/${encodeURIComponent(id)}/reprocess`, { method: 'POST', schema: VideoSummary });
}

/** Done: the list and the video's page are read again. */
export function useReprocessVideo() {
  return useMutation({ mutationFn: apiMutationFn(reprocessVideo), onSuccess: useRefreshVideos() });
}
