import { VideoSummary } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/use-api-mutation';

/** `POST /api/videos/:id/reprocess`: 202; transcription, chunking and embedding are done again. */
export function reprocessVideo(id: string): Promise<VideoSummary> {
  return apiRequest(`/api/videos/${encodeURIComponent(id)}/reprocess`, { method: 'POST', schema: VideoSummary });
}

export function useReprocessVideo() {
  return useApiMutation(reprocessVideo);
}
