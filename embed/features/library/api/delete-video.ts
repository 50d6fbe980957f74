import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { apiMutationFn } from '../../../lib/query-client';
import { useRefreshVideos } from './get-videos';

const NoContent = z.undefined();

/**
 * `DELETE /api/videos/:id`: 204; the transcript and chunks go with it and the quota is freed.
 * Resolves to the id it deleted, so a caller can tell success from failure by the answer.
 */
export async function deleteVideo(id: string): Promise<string> {
  await apiRequest(`/api/videos/${encodeURIComponent(id)}`, { method: 'DELETE', schema: NoContent });
  return id;
}

/** Done: the list and the video's page are read again. */
export function useDeleteVideo() {
  return useMutation({ mutationFn: apiMutationFn(deleteVideo), onSuccess: useRefreshVideos() });
}
