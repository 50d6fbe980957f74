import { useMutation } from '@tanstack/react-query';
import { VideoSummary } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { apiMutationFn } from '../../../lib/query-client';
import { useRefreshVideos } from './get-videos';

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

/** Done: the list and the video's page are read again. */
export function useRenameVideo() {
  return useMutation({ mutationFn: apiMutationFn(renameVideo), onSuccess: useRefreshVideos() });
}
