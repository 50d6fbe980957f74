import { VideoSummary } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/use-api-mutation';

export interface RenameVideoInput {
  id: string;
  title: string;
}

/** `PATCH /api/videos/:id`: a new title; answers the updated video. */
export function renameVideo({ id, title }: RenameVideoInput): Promise<VideoSummary> {
  return apiRequest(`/api/videos/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { title },
    schema: VideoSummary,
  });
}

export function useRenameVideo() {
  return useApiMutation(renameVideo);
}
